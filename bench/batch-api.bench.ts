/**
 * `--batch-api` end to end, across a crash: `flowlens run fixtures/flows/demo.csv --top 1000 --batch-api`
 * in its own process against the Files/Batches stub on 127.0.0.1 (real openai SDK), SIGKILLed once its
 * batches are submitted and polled, then rerun to the end. Prints the batches created, duplicated
 * submissions (target 0), the flows explained and the wall time of each process.
 *
 *   npm run bench -- batch-api [--flows 1000] [--batch-size 400]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readResults } from '../src/run/index.ts';
import { startBatchStub } from '../test/support/openai-batch-stub.ts';
import { spawnCli, waitFor } from '../test/support/spawn-cli.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const flows = arg('flows', 1000);
const batchSize = arg('batch-size', 400);
const chunks = Math.ceil(flows / batchSize);

const stub = await startBatchStub({ hold: true });
const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-batch-'));
const out = join(dir, 'out');
const args = ['run', resolve('fixtures/flows/demo.csv'), '--top', String(flows), '--out', out, '--provider', 'openai', '--base-url', stub.url, '--model', 'gpt-4o-mini'];
args.push('--batch-api', '--batch-max-requests', String(batchSize), '--poll-interval', '50', '--cache-dir', join(dir, 'cache'), '--quiet');
const env = { FLOWLENS_API_KEY: 'sk-bench-not-a-key' };
try {
  let started = performance.now();
  const first = spawnCli(args, env);
  await waitFor(() => stub.counts.retrieves >= chunks, 10);
  const submittedMs = performance.now() - started;
  first.kill();
  const killed = await first.exited;
  const beforeRerun = { uploads: stub.counts.uploads, creates: stub.counts.creates, results: readResults(join(out, 'results.jsonl')).length };
  stub.release();
  started = performance.now();
  const rerun = await spawnCli(args, env).exited;
  const rerunMs = performance.now() - started;
  const ids = readResults(join(out, 'results.jsonl')).map((r) => r.flow_id);
  const reports = readdirSync(join(out, 'reports')).filter((f) => f.endsWith('.md')).length;
  const summary = /flowlens: (\d+ flows: .*)/.exec(rerun.stderr)?.[1] ?? rerun.stderr.trim();
  process.stdout.write(
    [
      `first process: scored and submitted ${stub.counts.creates} batches in ${(submittedMs / 1000).toFixed(1)} s wall, then ${killed.signal}; results recorded before the kill: ${beforeRerun.results}`,
      `rerun: exit ${rerun.code} in ${(rerunMs / 1000).toFixed(1)} s wall; ${summary}`,
      `batches created ${stub.counts.creates} (expected ${chunks}), uploads ${stub.counts.uploads}; duplicated submissions: ${stub.counts.creates - chunks}`,
      `flows in results.jsonl: ${ids.length} (${new Set(ids).size} distinct); reports: ${reports}; polls: ${stub.counts.retrieves}`,
      '',
    ].join('\n'),
  );
  if (stub.counts.creates !== chunks || new Set(ids).size !== flows || rerun.code === null || rerun.code > 1) process.exitCode = 1;
} finally {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
}
