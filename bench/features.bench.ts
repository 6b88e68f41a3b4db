/**
 * CSV → features speed and peak memory (issue 2, "Speed"): `npm run bench` (1 M flows), `npm run bench -- --large` (+ 10 M).
 * Targets on one core: ≥ 300,000 flows/s; peak RSS ≤ 256 MB at 10 M and no more than ~32 MB above the 1 M run.
 *
 * The parent writes seeded synthetic flows (src/synth, 100 flows/s of flow time plus bursts: ~6,000 flows in a
 * 60 s window, ~30,000 in ingest's 5-minute reorder buffer, up to ~13,500 and ~65,500 in the densest minutes of
 * both the 1 M and the 10 M file, so the two hold the same at their peak) to a temp CSV, then measures each stage
 * in a fresh child process:
 *   - startup: node + tsx + the modules imported, nothing read (the floor under every RSS figure);
 *   - ingest:  openFlows → batches (CSV parse, coercion, notes, reorder buffer), flows dropped;
 *   - features: the same plus extractFeatures (ingest + extractor), rows dropped (a null sink).
 * Rates are given per wall-clock second and per CPU-second of the child (user + system, all threads): on a
 * shared machine the second is the honest one-core figure. Peak RSS is the child's own process.resourceUsage().maxRSS. Each child runs twice: with Node's default heap
 * sizing, and with --max-old-space-size=128 (V8 otherwise lets garbage pile up to hundreds of MB before a full
 * collection; the cap shows what the stream actually needs).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_RATE = 100;
const HEAP_CAP_MB = 128;
type Mode = 'startup' | 'ingest' | 'features';

interface ChildResult {
  mode: Mode;
  flows: number;
  ms: number;
  /** User + system CPU time of the whole child (all threads, GC helpers included). */
  cpuMs: number;
  maxRssMb: number;
}

async function child(mode: Mode, file: string): Promise<void> {
  const { openFlows } = await import('../src/ingest/index.ts');
  const { extractFeatures } = await import('../src/features/index.ts');
  let flows = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  if (mode !== 'startup') {
    const source = await openFlows(file, { quarantineFile: join(tmpdir(), `flowlens-bench-${process.pid}.quarantine.jsonl`) });
    const batches = mode === 'ingest' ? source.batches() : extractFeatures(source);
    for await (const batch of batches) flows += batch.length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = { mode, flows, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function measure(mode: Mode, file: string, heapCapMb?: number): ChildResult {
  const flags = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
  const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`bench child ${mode} failed with status ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function generate(file: string, flows: number): Promise<number> {
  const { writeSynthCsv } = await import('../src/synth/index.ts');
  const t0 = performance.now();
  const out = createWriteStream(file);
  await writeSynthCsv(out, { flows, seed: 1, flowsPerSecond: BENCH_RATE });
  out.end();
  await once(out, 'finish');
  return performance.now() - t0;
}

const perSecond = (flows: number, ms: number): string => Math.round(flows / (ms / 1000)).toLocaleString('en-US').padStart(9);

/** Wall-clock rate, and the rate per CPU-second (honest on a shared machine where other work steals the core). */
function line(label: string, r: ChildResult): string {
  const rate =
    r.flows > 0
      ? `${perSecond(r.flows, r.ms)} flows/s wall (${(r.ms / 1000).toFixed(2).padStart(6)} s)  ${perSecond(r.flows, r.cpuMs)} flows/CPU-s`
      : ' '.repeat(58);
  return `  ${label.padEnd(26)} ${rate}  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB`;
}

async function main(): Promise<void> {
  const sizes = process.argv.includes('--large') ? [1_000_000, 10_000_000] : [1_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-'));
  const peaks = new Map<string, number>();
  try {
    process.stdout.write(`features: CSV → features, one process per run, node ${process.version}\n`);
    for (const n of sizes) {
      const file = join(dir, `synth-${n}.csv`);
      const genMs = await generate(file, n);
      const genRss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
      process.stdout.write(
        `\n${n.toLocaleString('en-US')} flows (${(statSync(file).size / 2 ** 20).toFixed(0)} MB CSV, generated in ${(genMs / 1000).toFixed(1)} s; generator process peak RSS so far ${genRss} MB)\n`,
      );
      for (const cap of [undefined, HEAP_CAP_MB]) {
        const tag = cap === undefined ? 'default heap' : `old space ${cap} MB`;
        for (const mode of ['startup', 'ingest', 'features'] as const) {
          const r = measure(mode, file, cap);
          if (mode === 'features') peaks.set(`${tag}:${n}`, r.maxRssMb);
          process.stdout.write(`${line(`${mode} (${tag})`, r)}\n`);
        }
      }
      rmSync(file, { force: true });
    }
    if (sizes.length > 1) {
      for (const tag of ['default heap', `old space ${HEAP_CAP_MB} MB`]) {
        const growth = peaks.get(`${tag}:10000000`)! - peaks.get(`${tag}:1000000`)!;
        process.stdout.write(`\npeak RSS growth 1 M → 10 M (${tag}): ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB (target ≤ 32 MB)`);
      }
      process.stdout.write('\n');
    }
    process.stdout.write('\ntargets: ≥ 300,000 flows/s; peak RSS ≤ 256 MB at 10 M flows\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] as Mode, process.argv[at + 2]!);
else await main();
