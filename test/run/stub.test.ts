import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { prepareBatch, readResults, runBatch, type BatchItem } from '../../src/run/index.ts';
import { startOpenAIStub, type OpenAIStub, type StubOptions } from '../support/openai-stub.ts';
import { table, tempDir } from './support.ts';

const KEY = 'sk-test-SECRET';
let stub: OpenAIStub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(stubOptions: StubOptions, config: { maxRetries?: number; timeoutMs?: number; template?: string } = {}, deadline?: number) {
  stub = await startOpenAIStub(stubOptions);
  const dir = tempDir();
  const resolved = resolveConfig(
    { provider: 'openai', baseURL: stub.url, apiKey: KEY, model: 'stub-model', maxRetries: config.maxRetries ?? 2, timeoutMs: config.timeoutMs ?? 5_000, ...(config.template ? { template: config.template } : {}) },
    { cwd: dir, env: {} },
  );
  const batch = await prepareBatch(resolved, { concurrency: 2, cacheDir: join(dir, 'cache'), ...(deadline ? { timeoutMs: deadline } : {}) });
  const items: BatchItem[] = ['s1', 's2', 's3'].map((id, i) => ({ id, table: table(id, `10.1.0.${i + 1}`) }));
  return { dir, batch, items, resultsFile: join(dir, 'results.jsonl') };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe('runBatch with the openai SDK against the stub', () => {
  it('retries 429s (Retry-After in seconds, Retry-After-Ms) and a 500 inside the SDK: every flow done, one retry mechanism', async () => {
    const { batch, items, resultsFile } = await setup({
      behaviours: [{ kind: 'rate-limit', retryAfterSeconds: 1 }, { kind: 'rate-limit', retryAfterMs: 10 }, { kind: 'error', status: 500 }],
    });
    const summary = await runBatch(items, { ...batch, resultsFile });
    expect(summary).toMatchObject({ total: 3, done: 3, failed: 0, sent: 3, requests: 3, attempts: 6, billed: 3 });
    // 3 flows + 3 SDK retries = 6 HTTP requests; the runner called the provider once per flow.
    expect(stub!.requests).toHaveLength(6);
    expect(stub!.requests.filter((r) => (r.retryCount ?? 0) > 0)).toHaveLength(3);
    expect(summary.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('records a slow answer past the timeout as failed, and a rerun with retryFailed completes it', async () => {
    const { batch, items, resultsFile } = await setup({ behaviours: [{ kind: 'slow', delayMs: 3_000 }] }, { maxRetries: 0, timeoutMs: 150 });
    const first = await runBatch(items, { ...batch, resultsFile });
    expect(first).toMatchObject({ done: 2, failed: 1 });
    const failed = first.records.find((r) => r.status === 'failed')!;
    expect(failed.status === 'failed' && failed.error.message).toMatch(/time/i);
    const retried = await runBatch(items, { ...batch, resultsFile, retryFailed: true });
    expect(retried).toMatchObject({ done: 1, skipped: 2, failed: 0 });
  });

  it('records a malformed JSON body as failed with its error class', async () => {
    const { batch, items, resultsFile } = await setup({ behaviours: [{ kind: 'malformed' }, { kind: 'malformed' }, { kind: 'malformed' }] }, { maxRetries: 0 });
    const summary = await runBatch(items.slice(0, 1), { ...batch, resultsFile });
    expect(summary).toMatchObject({ done: 0, failed: 1 });
    expect(summary.records[0]).toMatchObject({ status: 'failed', flow_id: 's1' });
  });

  it('records a schema-violating structured answer as failed, then --retry-failed succeeds', async () => {
    const bad = { kind: 'json' as const, value: { summary: 42 } };
    const { batch, items, resultsFile } = await setup({ behaviours: [bad, bad] }, { maxRetries: 0, template: 'explain-flow@v1:structured' });
    const first = await runBatch(items.slice(0, 1), { ...batch, resultsFile });
    expect(first).toMatchObject({ done: 0, failed: 1 });
    expect(first.records[0]).toMatchObject({ status: 'failed', error: { class: 'NarrativeFormatError' } });
    const again = await runBatch(items.slice(0, 1), { ...batch, resultsFile, retryFailed: true });
    expect(again).toMatchObject({ done: 1, failed: 0 });
    expect(readResults(resultsFile)).toHaveLength(1);
  });

  it('answers a rerun of the same work from the cache with zero requests', async () => {
    const { batch, items, resultsFile } = await setup({});
    await runBatch(items, { ...batch, resultsFile });
    const before = stub!.requests.length;
    const rerun = await runBatch(items, { ...batch, resultsFile: `${resultsFile}.fresh` });
    expect(rerun).toMatchObject({ done: 3, cached: 3, sent: 0 });
    expect(stub!.requests.length).toBe(before);
  });

  it('never writes the API key to results, cache or error messages', async () => {
    const { dir, batch, items, resultsFile } = await setup({ behaviours: [{ kind: 'error', status: 401, message: `Incorrect API key provided: ${KEY}` }] }, { maxRetries: 0 });
    const summary = await runBatch(items, { ...batch, resultsFile });
    expect(summary.failed).toBe(1);
    const files = allFiles(dir);
    expect(files.length).toBe(3); // results.jsonl + the two successes' cache entries
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain('SECRET');
  });
});
