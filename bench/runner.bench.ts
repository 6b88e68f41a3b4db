/**
 * Batch runner speed against the OpenAI-compatible stub on 127.0.0.1, through the real openai SDK:
 * Each latency scenario runs 3 times after a warm-up and reports every wall time and the median.
 *  1. 200 requests, concurrency 16, 200 ms latency: wall time vs the ideal 200 / 16 × 0.2 s = 2.5 s (target ≤ 1.11×);
 *  2. the same with every 20th answer a 429, refused at once with Retry-After-Ms 25 (the SDK retries it): target ≤ 1.18×;
 *  3. a fully cached rerun of 10,000 flows (fresh results file, every answer from the disk cache): target > 5,000 flows/s;
 *     plus a resumed rerun (same results file: every flow already done).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../src/config/index.ts';
import { prepareBatch, runBatch, type BatchItem } from '../src/run/index.ts';
import type { FeatureTable } from '../src/table/schema.ts';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

interface StubHandle {
  url: string;
  stats(): Promise<{ requests: number; rateLimited: number }>;
  close(): Promise<void>;
}

/** Start the stub in a worker thread (see stub-worker.ts). */
async function startStub(options: { latencyMs: number; rateLimitEvery?: number; slow429?: boolean }): Promise<StubHandle> {
  // Node 20 workers do not inherit tsx's loader: register it, then import the TypeScript entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./stub-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  const [{ url }] = (await once(worker, 'message')) as [{ url: string }];
  return {
    url,
    async stats() {
      worker.postMessage('stats');
      const [stats] = (await once(worker, 'message')) as [{ requests: number; rateLimited: number }];
      return stats;
    },
    async close() {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}

function makeTable(i: number): FeatureTable {
  return {
    schema_version: 1,
    flow_id: `bench-${i}`,
    flow: { src_addr: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, dst_addr: '192.0.2.10', src_port: 40000 + (i % 20000), dst_port: 443, protocol: 6, protocol_name: 'TCP', start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T00:00:01.000Z' },
    score: { value: 5 + (i % 100) / 10, method: 'robust-z', rank: i + 1, threshold: 4, of: 10_000 },
    features: [
      { name: 'in_bytes', value: 1000 + i, unit: 'bytes', description: 'Bytes from source to destination', baseline: { median: 1840, p99: 912000, percentile: 99.1 }, contribution: 3.2 },
      { name: 'in_pkts', value: 10 + (i % 50), unit: 'packets', description: 'Packets from source to destination', baseline: { median: 8, p99: 900, percentile: 80 }, contribution: 1.1 },
      { name: 'duration_ms', value: 1000, unit: 'ms', description: 'Flow duration', baseline: { median: 20, p99: 60000, percentile: 95 }, contribution: 0.4 },
    ],
    fields: [],
    notes: [],
  };
}

const items = (n: number): BatchItem[] => Array.from({ length: n }, (_, i) => ({ id: `bench-${i}`, table: makeTable(i) }));

const RUNS = 3;

async function timed(label: string, n: number, latencyMs: number, rateLimitEvery: number | undefined, ideal: number, target: number, slow429 = false): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-'));
  const stub = await startStub({ latencyMs, slow429, ...(rateLimitEvery !== undefined ? { rateLimitEvery } : {}) });
  try {
    const config = resolveConfig({ provider: 'openai', baseURL: stub.url, apiKey: 'sk-bench-not-a-key', model: 'bench-model', maxRetries: 4, timeoutMs: 10_000 }, { cwd: dir, env: {} });
    // Warm the process (lazy module loading, JIT) with 32 requests through a separate client, so the
    // figures are the runner's steady state; each timed run still opens its own connections.
    const warm = await prepareBatch(config, { concurrency: 16, cacheDir: false });
    await runBatch(items(32), { ...warm, resultsFile: join(dir, 'warm.jsonl') });
    const walls: number[] = [];
    let cpuMs = 0;
    let failed = 0;
    for (let run = 0; run < RUNS; run++) {
      const setup = await prepareBatch(config, { concurrency: 16, cacheDir: join(dir, `cache-${run}`) });
      const cpu = process.cpuUsage();
      const start = performance.now();
      const summary = await runBatch(items(n), { ...setup, resultsFile: join(dir, `results-${run}.jsonl`) });
      walls.push((performance.now() - start) / 1000);
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000 / RUNS;
      failed += summary.failed;
    }
    const median = [...walls].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const { requests, rateLimited: r429 } = await stub.stats();
    console.log(
      `${label}: ${n} requests, concurrency 16, ${latencyMs} ms latency${rateLimitEvery ? `, every ${rateLimitEvery}th answer 429 ${slow429 ? `after ${latencyMs} ms` : 'at once'} with retry-after-ms 25 (${r429} of ${requests} HTTP requests = ${((100 * r429) / requests).toFixed(1)} %)` : ''}: ` +
        `walls ${walls.map((w) => w.toFixed(3)).join(' / ')} s, median ${median.toFixed(3)} s vs ideal ${ideal.toFixed(2)} s = ${(median / ideal).toFixed(3)}× (target ≤ ${target}×) ${median / ideal <= target ? 'PASS' : 'MISS'}; ` +
        `process CPU ${cpuMs.toFixed(0)} ms a run (stub worker included); failed ${failed}`,
    );
  } finally {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cachedRerun(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-'));
  const stub = await startStub({ latencyMs: 0 });
  try {
    const config = resolveConfig({ provider: 'openai', baseURL: stub.url, apiKey: 'sk-bench-not-a-key', model: 'bench-model' }, { cwd: dir, env: {} });
    const setup = await prepareBatch(config, { concurrency: 64, cacheDir: join(dir, 'cache') });
    const all = items(n);
    const fill = performance.now();
    const first = await runBatch(all, { ...setup, resultsFile: join(dir, 'fill.jsonl') });
    console.log(`cache fill: ${n} flows through the stub in ${((performance.now() - fill) / 1000).toFixed(2)} s (${first.sent} sent, ${first.attempts} HTTP requests)`);
    const requestsBefore = (await stub.stats()).requests;
    const start = performance.now();
    const cached = await runBatch(all, { ...setup, resultsFile: join(dir, 'rerun.jsonl') });
    const wall = (performance.now() - start) / 1000;
    console.log(
      `cached rerun: ${n} flows in ${wall.toFixed(3)} s = ${Math.round(n / wall)} flows/s (target > 5000) ${n / wall > 5000 ? 'PASS' : 'MISS'}; ` +
        `${cached.cached} from cache, ${(await stub.stats()).requests - requestsBefore} HTTP requests`,
    );
    const resumeStart = performance.now();
    const resumed = await runBatch(all, { ...setup, resultsFile: join(dir, 'rerun.jsonl') });
    const resumeWall = (performance.now() - resumeStart) / 1000;
    console.log(`resumed rerun (all done already): ${n} flows in ${resumeWall.toFixed(3)} s = ${Math.round(n / resumeWall)} flows/s; ${resumed.skipped} skipped`);
  } finally {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await timed('latency', 200, 200, undefined, 2.5, 1.11);
await timed('latency + 5 % 429', 200, 200, 20, 2.5, 1.18);
// The harsher variant, for the record: each 429 also costs the full latency before the retry.
await timed('latency + 5 % slow 429', 200, 200, 20, 2.5, 1.18, true);
await cachedRerun(10_000);
