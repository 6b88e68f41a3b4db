import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readResults } from '../../src/run/index.ts';
import { startBatchStub, type BatchStub } from '../support/openai-batch-stub.ts';
import { spawnCli, waitFor } from '../support/spawn-cli.ts';
import { table, tempDir } from '../run/support.ts';
import { runCli } from './support.ts';

const KEY = 'sk-test-CLI-BATCH-SECRET';
let stub: BatchStub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
  delete process.env.FLOWLENS_API_KEY;
});

/** `n` FeatureTable files in a fresh directory. */
function tablesDir(n: number): string {
  const dir = join(tempDir(), 'tables');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `f${i}.json`), JSON.stringify(table(`f${i}`, `10.3.${i >> 8}.${i & 255}`)));
  return dir;
}

function batchArgs(url: string, out: string, extra: string[] = []): string[] {
  return ['--provider', 'openai', '--base-url', url, '--model', 'gpt-4o-mini', '--batch-api', '--poll-interval', '10', '--no-cache', '--out', out, ...extra];
}

describe('--batch-api on the CLI (stub on 127.0.0.1)', () => {
  it('explain: reports, index and a summary that says batch pricing', async () => {
    stub = await startBatchStub({ pollsBeforeDone: 1 });
    process.env.FLOWLENS_API_KEY = KEY;
    const out = join(tempDir(), 'out');
    const result = await runCli(['explain', tablesDir(3), ...batchArgs(stub.url, out)]);
    expect(result.stderr).toMatch(/batch-api: 1 batch \(1 in_progress\): 0\/3 requests done, 0 failed; next poll in 10 ms/);
    expect(result.stderr).toMatch(/3 flows: 3 explained \(0 from cache\), 0 already done, 0 failed; 3 sent in 1 new batch \(Batch API; 0 resumed, 2 polls, \d+ Files\/Batches calls\); 3 answers billed: .* at batch pricing \(50 % of online\)/);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.md'))).toHaveLength(3);
    expect(readFileSync(join(out, 'reports', 'flow-f0.md'), 'utf8')).toContain('The flow shows a value above the baseline median.');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('at batch pricing');
    expect(result.stderr + result.stdout).not.toContain(KEY);
  });

  it('run and enrich take --batch-api too; a non-openai provider is refused', async () => {
    stub = await startBatchStub();
    process.env.FLOWLENS_API_KEY = KEY;
    const dir = tempDir();
    const ran = await runCli(['run', resolve('fixtures/flows/ingest/suricata-eve.json'), '--top', '2', ...batchArgs(stub.url, join(dir, 'run'))]);
    expect(ran.stderr).toMatch(/2 flows: 2 explained .*2 sent in 1 new batch/);
    const enriched = await runCli(['enrich', resolve('fixtures/flows/ingest/suricata-eve.json'), ...batchArgs(stub.url, join(dir, 'enriched.jsonl'))]);
    expect(enriched.stderr).toMatch(/1 enriched/);
    expect(readdirSync(join(dir, 'enriched.jsonl.batches'))).toContain('state.json');
    expect(stub.counts.creates).toBe(2);
    const offline = await runCli(['explain', tablesDir(1), '--provider', 'offline', '--batch-api', '--out', join(dir, 'x')]);
    expect([offline.code, offline.stderr]).toEqual([2, expect.stringMatching(/--batch-api sends requests to an OpenAI-compatible endpoint: use --provider openai/)]);
  });

  it('1,000 flows, SIGKILL after submitting, rerun: resumes polling, submits nothing new, every flow explained once', async () => {
    stub = await startBatchStub({ hold: true });
    const tables = tablesDir(1000);
    const out = join(tempDir(), 'out');
    const args = ['explain', tables, ...batchArgs(stub.url, out, ['--batch-max-requests', '400', '--quiet'])];
    const first = spawnCli(args, { FLOWLENS_API_KEY: KEY });
    // Polling starts once every batch is created and saved: kill the process there, before any is collected.
    await waitFor(() => stub!.counts.retrieves >= 3);
    first.kill();
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(stub.counts).toMatchObject({ uploads: 3, creates: 3 });
    expect(readResults(join(out, 'results.jsonl'))).toHaveLength(0);
    stub.release();
    const rerun = await spawnCli(args, { FLOWLENS_API_KEY: KEY }).exited;
    expect(rerun.stderr).toMatch(/1000 flows: 1000 explained \(0 from cache\), 0 already done, 0 failed; 0 sent in 0 new batches \(Batch API; 3 resumed/);
    expect(stub.counts).toMatchObject({ uploads: 3, creates: 3 });
    expect(stub.batches.map((b) => b.lines.length)).toEqual([400, 400, 200]);
    const ids = readResults(join(out, 'results.jsonl')).map((r) => r.flow_id);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.md'))).toHaveLength(1000);
  }, 120_000);
});
