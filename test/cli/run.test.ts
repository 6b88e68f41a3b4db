import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { synthCsvChunks } from '../../src/synth/index.ts';
import { readResults } from '../../src/run/index.ts';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.ts';
import { tempDir } from '../run/support.ts';
import { runCli } from './support.ts';

/** A small seeded flow file (synth, 1,500 flows with the injected scenarios): fast and self-contained. */
let demo = '';
beforeAll(() => {
  demo = join(tempDir(), 'small.csv');
  writeFileSync(demo, [...synthCsvChunks({ flows: 1500, seed: 7 })].join(''));
});

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  delete process.env.FLOWLENS_API_KEY;
});

describe('flowlens run (end to end, offline)', () => {
  it('scores, explains the top 3, writes reports, tables, results, explanations and the index; a rerun does nothing new', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const first = await runCli(['run', demo, '--top', '3', '--out', out, '--provider', 'offline', '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(first.stderr).toContain('3 flows: 3 explained (0 from cache), 0 already done, 0 failed');
    expect(first.code).toBe(0);
    expect(readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.md'))).toHaveLength(3);
    expect(readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    expect(readdirSync(join(out, 'tables'))).toHaveLength(3);
    expect(readResults(join(out, 'results.jsonl'))).toHaveLength(3);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index.split('\n').filter((l) => /^\| [123] \|/.test(l))).toHaveLength(3);
    expect(index).toContain('[report](reports/flow-');
    const report = readFileSync(join(out, readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.md')).map((f) => `reports/${f}`)[0]!), 'utf8');
    expect(report).toMatch(/## 🔍 Summary\n- Anomaly score \*\*/);
    expect(report).toMatch(/## 🧾 Grounding\n\d+ claims: \d+ supported, 0 contradicted, 0 unsupported/);
    const second = await runCli(['run', demo, '--top', '3', '--out', out, '--provider', 'offline', '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(second.stderr).toContain('3 flows: 0 explained (0 from cache), 3 already done, 0 failed; 0 sent in 0 requests (0 HTTP, 0 retries)');
    const explained = await runCli(['explain', join(out, 'tables'), '--out', join(dir, 'again'), '--provider', 'offline', '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(explained.stderr).toContain('3 flows: 3 explained (3 from cache)');
    expect(explained.code).toBe(0);
  }, 60_000);

  it('with --anonymize, restores the real addresses in the reports and the checker still grounds them', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const { code } = await runCli(['run', demo, '--top', '2', '--out', out, '--provider', 'offline', '--anonymize', '--no-cache', '--quiet']);
    expect(code).toBe(0);
    const records = readResults(join(out, 'results.jsonl'));
    expect(records.every((r) => r.status === 'done' && r.anonymized && !/\bhost-\d+\b/.test(r.text))).toBe(true);
    const lines = readFileSync(join(out, 'explanations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    for (const line of lines) expect(line.explanation.grounding).toMatchObject({ contradicted: 0, unsupported: 0, grounded: true });
  }, 60_000);

  // The cassette key holds the model name: replay with the model the answers were recorded for.
  it('records cassettes with --record and replays them with --provider replay, same explanations', async () => {
    const dir = tempDir();
    const cassettes = join(dir, 'cassettes');
    const recorded = await runCli(['run', demo, '--top', '2', '--out', join(dir, 'rec'), '--provider', 'offline', '--model', 'm1', '--record', '--cassettes', cassettes, '--quiet']);
    expect(recorded.code).toBe(0);
    expect(readdirSync(cassettes).length).toBeGreaterThanOrEqual(2);
    const replayed = await runCli(['run', demo, '--top', '2', '--out', join(dir, 'rep'), '--provider', 'replay', '--model', 'm1', '--cassettes', cassettes, '--no-cache', '--quiet']);
    expect(replayed.stderr).toContain('2 flows: 2 explained');
    // results.jsonl is in completion order, which concurrency may change: compare flow by flow
    const texts = (sub: string) =>
      readResults(join(dir, sub, 'results.jsonl'))
        .map((r) => [r.flow_id, r.status === 'done' ? r.text : r.error.message] as const)
        .sort(([a], [b]) => a.localeCompare(b));
    expect(texts('rep')).toEqual(texts('rec'));
  }, 60_000);

  it('never writes the API key anywhere: outputs, results, cache, stdout, stderr', async () => {
    stub = await startOpenAIStub({});
    process.env.FLOWLENS_API_KEY = 'sk-test-SECRET';
    const dir = tempDir();
    const out = join(dir, 'out');
    const result = await runCli(['run', demo, '--top', '2', '--out', out, '--provider', 'openai', '--base-url', stub.url, '--model', 'stub-model', '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(result.stderr).toContain('2 flows: 2 explained');
    expect(stub.requests.length).toBe(2);
    expect(stub.requests.every((r) => r.authorized)).toBe(true);
    const files = allFiles(dir);
    expect(files.some((f) => f.includes('cache'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('SECRET');
    expect(result.stdout + result.stderr).not.toContain('SECRET');
  }, 60_000);
});
