import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { BatchApiError, InputError } from '../../src/errors.ts';
import { prepareBatch, readResults, runBatch, type BatchApiSettings, type BatchItem } from '../../src/run/index.ts';
import { startBatchStub, type BatchStub, type BatchStubOptions } from '../support/openai-batch-stub.ts';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.ts';
import { table, tempDir } from './support.ts';

const KEY = 'sk-test-BATCH-SECRET';
let stub: BatchStub | undefined;
let chat: OpenAIStub | undefined;

afterEach(async () => {
  await stub?.close();
  await chat?.close();
  stub = chat = undefined;
});

function items(n: number): BatchItem[] {
  return Array.from({ length: n }, (_, i) => ({ id: `f${i}`, table: table(`f${i}`, `10.2.0.${i + 1}`) }));
}

async function setup(stubOptions: BatchStubOptions = {}, settings: BatchApiSettings = {}, url?: string, template?: string) {
  stub ??= await startBatchStub(stubOptions);
  const dir = tempDir();
  const resolved = resolveConfig(
    { provider: 'openai', baseURL: url ?? stub.url, apiKey: KEY, model: 'gpt-4o-mini', maxRetries: 0, timeoutMs: 5_000, ...(template ? { template } : {}) },
    { cwd: dir, env: {} },
  );
  const batch = await prepareBatch(resolved, { cacheDir: join(dir, 'cache'), batchApi: { pollIntervalMs: 5, ...settings } });
  return { dir, batch, resultsFile: join(dir, 'results.jsonl'), batchDir: join(dir, 'batches') };
}

describe('runBatch through the Batch API (real SDK, stub on 127.0.0.1)', () => {
  it('completes a batch: one upload and one create, the online request bodies, records and cost at batch pricing', async () => {
    const { batch, resultsFile, batchDir } = await setup({ pollsBeforeDone: 2 });
    const rounds: string[] = [];
    const summary = await runBatch(items(4), { ...batch, resultsFile, batchApi: { ...batch.batchApi!, onRound: (r) => rounds.push(Object.keys(r.statuses).join()) } });
    expect(summary).toMatchObject({ total: 4, done: 4, failed: 0, sent: 4, billed: 4, batches: { submitted: 1, resumed: 0, unanswered: 0 } });
    expect(stub!.counts).toMatchObject({ uploads: 1, creates: 1, retrieves: 3, downloads: 1 });
    expect(rounds).toEqual(['in_progress', 'in_progress', 'completed']);
    expect(summary.cost).toMatchObject({ pricing: 'batch' });
    // gpt-4o-mini: $0.15 / $0.60 per million online; the batch bills half.
    expect(summary.cost!.total).toBeCloseTo((summary.usage.prompt_tokens * 0.075 + summary.usage.completion_tokens * 0.3) / 1e6, 12);
    expect(readResults(resultsFile).map((r) => [r.flow_id, r.status, r.provider])).toEqual(['f0', 'f1', 'f2', 'f3'].map((id) => [id, 'done', 'openai']));
    const state = JSON.parse(readFileSync(join(batchDir, 'state.json'), 'utf8')) as { chunks: Array<{ batch_id: string; collected: boolean }> };
    expect(state.chunks).toMatchObject([{ batch_id: 'batch_1', collected: true, status: 'completed' }]);
    expect(existsSync(join(batchDir, 'batch_1.output.jsonl'))).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(KEY);
  });

  it('sends each flow the very body the online path sends, and resumes from either path\'s records', async () => {
    chat = await startOpenAIStub();
    const online = await setup({}, {}, chat.url);
    await runBatch(items(2), { ...online.batch, batchApi: undefined, resultsFile: online.resultsFile, cacheDir: false });
    const { batch, resultsFile } = await setup();
    await runBatch(items(2), { ...batch, resultsFile, cacheDir: false });
    expect(stub!.batches[0]!.lines.map((l) => l.body)).toEqual(chat.requests.map((r) => r.body));
    // A batch record counts as done for a later online run with the same settings.
    const again = await runBatch(items(2), { ...online.batch, batchApi: undefined, resultsFile, cacheDir: false });
    expect(again).toMatchObject({ skipped: 2, sent: 0 });
  });

  it('records partial errors (the error file) as failures, lists them, and --retry-failed resubmits only those', async () => {
    const { batch, resultsFile, batchDir } = await setup({ errorFor: (id) => (id === 'f1' || id === 'f3' ? { status: 500, message: 'The server had an error', code: 'server_error' } : undefined) });
    const first = await runBatch(items(5), { ...batch, resultsFile });
    expect(first).toMatchObject({ done: 3, failed: 2, billed: 3 });
    const failed = first.records.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.status === 'failed' && [r.flow_id, r.error.status, r.error.message])).toEqual([
      ['f1', 500, 'openai batch: The server had an error (server_error)'],
      ['f3', 500, 'openai batch: The server had an error (server_error)'],
    ]);
    expect(readFileSync(join(batchDir, 'failed.txt'), 'utf8')).toBe('f1\nf3\n');
    expect(first.warnings.join('\n')).toMatch(/2 flows failed or left unanswered by their batch: f1, f3; .*--retry-failed resubmits only those/);
    const plain = await runBatch(items(5), { ...batch, resultsFile });
    expect(plain).toMatchObject({ skipped: 3, failed: 2, failedEarlier: 2, sent: 0 });
    expect(stub!.counts.creates).toBe(1);
    const retried = await runBatch(items(5), { ...batch, resultsFile, retryFailed: true });
    expect(retried).toMatchObject({ skipped: 3, failed: 2, sent: 2, batches: { submitted: 1 } });
    expect(stub!.batches.map((b) => b.lines.map((l) => l.custom_id))).toEqual([['f0', 'f1', 'f2', 'f3', 'f4'], ['f1', 'f3']]);
  });

  it('lists the flows an expired batch left unanswered, and --retry-failed resubmits just those', async () => {
    const { batch, resultsFile } = await setup({ plan: (i) => (i === 0 ? { kind: 'expire', answered: 3 } : { kind: 'complete' }) });
    const first = await runBatch(items(5), { ...batch, resultsFile });
    expect(first).toMatchObject({ done: 3, failed: 2, batches: { unanswered: 2 } });
    const unanswered = first.records.filter((r) => r.status === 'failed');
    expect(unanswered.map((r) => r.status === 'failed' && [r.flow_id, r.error.class])).toEqual([
      ['f3', 'BatchUnansweredError'],
      ['f4', 'BatchUnansweredError'],
    ]);
    expect(unanswered[0]!.status === 'failed' && unanswered[0]!.error.message).toBe('openai batch: batch batch_1 ended expired without answering this flow; --retry-failed resubmits it');
    const retried = await runBatch(items(5), { ...batch, resultsFile, retryFailed: true });
    expect(retried).toMatchObject({ done: 2, skipped: 3, failed: 0 });
    expect(stub!.batches[1]!.lines.map((l) => l.custom_id)).toEqual(['f3', 'f4']);
  });

  it('validates structured answers as the online path does; an invalid one is that flow\'s failure (no repair turn in a batch)', async () => {
    const { batch, resultsFile } = await setup({ contentFor: (id) => (id === 'f1' ? '{"summary": "no observations"}' : undefined) }, {}, undefined, 'explain-flow@v1:structured');
    const summary = await runBatch(items(2), { ...batch, resultsFile });
    expect(stub!.batches[0]!.lines.every((l) => l.body.response_format?.type === 'json_schema')).toBe(true);
    const [f0, f1] = summary.records;
    expect(f0!.status === 'done' && f0!.structured).toMatchObject({ observations: [{ features: ['IN_BYTES'] }] });
    expect(f0!.status === 'done' && f0!.text).toContain('### Observations');
    expect(f1!.status === 'failed' && [f1!.error.class, f1!.error.message]).toEqual(['NarrativeFormatError', expect.stringMatching(/^openai batch: the structured answer failed validation: the JSON does not match the schema/)]);
    expect(summary.billed).toBe(2);
  });

  it('records every flow of a batch the endpoint failed, with its reason', async () => {
    const { batch, resultsFile } = await setup({ plan: () => ({ kind: 'fail', message: 'The input file is invalid' }) });
    const summary = await runBatch(items(2), { ...batch, resultsFile });
    expect(summary.records.map((r) => r.status === 'failed' && r.error.message)).toEqual([
      'openai batch: batch batch_1 failed: The input file is invalid (invalid_request) at line 1 of its input',
      'openai batch: batch batch_1 failed: The input file is invalid (invalid_request) at line 1 of its input',
    ]);
  });

  it('sends one request per flow id: a repeated id with the same table shares the answer, with another table fails', async () => {
    const { batch, resultsFile } = await setup();
    const same = [items(1)[0]!, items(1)[0]!];
    const summary = await runBatch([...same, { id: 'f0', table: table('f0', '10.9.9.9') }], { ...batch, resultsFile, cacheDir: false });
    expect(stub!.batches[0]!.lines.map((l) => l.custom_id)).toEqual(['f0']);
    expect(summary.records.map((r) => r.status)).toEqual(['done', 'done', 'failed']);
    expect(summary.records[2]!.status === 'failed' && summary.records[2]!.error.message).toMatch(/another item has the flow id "f0" with a different request/);
  });

  it('sends anonymized requests and restores the answers, as online', async () => {
    const { batch, resultsFile } = await setup({ contentFor: (_id, body) => `Traffic from ${/host-\d+/.exec(JSON.stringify(body.messages))![0]} stood out.` });
    const summary = await runBatch(items(2), { ...batch, resultsFile, privacy: { anonymize: true } });
    const sent = JSON.stringify(stub!.batches[0]!.lines);
    expect(sent).not.toContain('10.2.0.1');
    expect(sent).not.toContain('192.168.1.20');
    expect(summary.records.map((r) => r.status === 'done' && [r.anonymized, r.text])).toEqual([
      [true, 'Traffic from 10.2.0.1 stood out.'],
      [true, 'Traffic from 10.2.0.2 stood out.'],
    ]);
  });

  it('splits an input over the (injected) limits into several batches', async () => {
    const { batch, resultsFile } = await setup({}, { limits: { maxRequests: 3 } });
    const summary = await runBatch(items(5), { ...batch, resultsFile });
    expect(summary).toMatchObject({ done: 5, batches: { submitted: 2 } });
    expect(stub!.batches.map((b) => b.lines.length)).toEqual([3, 2]);
    expect(stub!.counts).toMatchObject({ uploads: 2, creates: 2 });
  });

  it('adopts the batch a crashed run created but did not save, instead of creating a second', async () => {
    const { batch, resultsFile, batchDir } = await setup();
    await runBatch(items(3), { ...batch, resultsFile, cacheDir: false });
    // The state as a kill between the create and its save leaves it: the file id, no batch id; no results yet.
    const stateFile = join(batchDir, 'state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { chunks: Array<Record<string, unknown>> };
    expect(state.chunks[0]).toMatchObject({ input_file_id: 'file-1', batch_id: 'batch_1' });
    delete state.chunks[0]!.batch_id;
    state.chunks[0]!.collected = false;
    writeFileSync(stateFile, JSON.stringify(state));
    writeFileSync(resultsFile, '');
    const rerun = await runBatch(items(3), { ...batch, resultsFile, cacheDir: false });
    expect(rerun).toMatchObject({ done: 3, sent: 0, batches: { submitted: 0, resumed: 1 } });
    expect(stub!.counts).toMatchObject({ uploads: 1, creates: 1, lists: 1 });
  });

  it('stops with a BatchApiError naming a batch the endpoint does not know, and how to let go of it', async () => {
    const { batch, resultsFile, batchDir } = await setup();
    await runBatch(items(1), { ...batch, resultsFile, cacheDir: false });
    const stateFile = join(batchDir, 'state.json');
    writeFileSync(stateFile, readFileSync(stateFile, 'utf8').replace('batch_1', 'batch_404').replace('"collected": true', '"collected": false'));
    writeFileSync(resultsFile, '');
    const error = await runBatch(items(1), { ...batch, resultsFile, cacheDir: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchApiError);
    expect(error).toMatchObject({ step: 'poll', batchId: 'batch_404', status: 404 });
    expect((error as Error).message).toMatch(/^openai batch: poll \(batch_404\): .*no batch batch_404.*; if this batch is gone for good, remove its entry from state\.json and rerun$/);
  });

  it('stops with a BatchApiError when the endpoint is unreachable, and names an unreadable state file', async () => {
    const { batch, resultsFile, batchDir } = await setup({}, {}, 'http://127.0.0.1:9/v1');
    await expect(runBatch(items(1), { ...batch, resultsFile })).rejects.toThrow(BatchApiError);
    writeFileSync(join(batchDir, 'state.json'), '{"format": 1, "chunks": [{"input": 3}]}');
    await expect(runBatch(items(1), { ...batch, resultsFile })).rejects.toThrow(InputError);
    await expect(runBatch(items(1), { ...batch, resultsFile })).rejects.toThrow(/`chunks.0.input`.*state\.json/);
  });
});
