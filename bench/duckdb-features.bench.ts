/**
 * Native engine vs `--engine duckdb` (issue 15): flows/s and peak RSS at 1 M flows (`npm run bench`) and
 * 10 M (`npm run bench -- --large`). Target: `--engine duckdb` processes 10 M rows with peak RSS ≤ 1 GB.
 *
 * The parent writes the seeded address-heavy CSV of the cli bench (support/address-heavy-csv.ts: the
 * address cardinality of a network edge, ≈ 218,000 sources at 1 M flows, 252,000 at 10 M), then runs
 * each command in a fresh child process, in-process through the CLI's main():
 *   - native:          `features synth.csv --out features.jsonl` (ingest + extractor + JSONL writer);
 *   - duckdb:          `features synth.csv --engine duckdb --out features.parquet` (ingest into DuckDB,
 *                      the registry's SQL, Parquet written by DuckDB);
 *   - duckdb-parquet:  `features flows.parquet --engine duckdb --out features.parquet`: canonical Parquet
 *                      in (as a warehouse holds flows), DuckDB reads it itself; the file is made once, untimed.
 * Peak RSS is the child's own maxRSS (the whole process: Node and DuckDB's threads share it); CPU-s are
 * the child's user + system over all threads, the honest figure on a shared machine, and the 1-minute
 * load average is printed after each run. DuckDB gets its defaults (256 MB, one thread) and spills to a
 * temp directory past it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAddressHeavyCsv } from './support/address-heavy-csv.ts';

type Mode = 'native' | 'duckdb' | 'duckdb-parquet';

interface ChildResult {
  mode: Mode;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

async function child(mode: Mode, input: string, out: string): Promise<void> {
  const { main } = await import('../src/cli/main.ts');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const args = mode === 'native' ? ['features', input, '--out', out, '--quiet'] : ['features', input, '--engine', 'duckdb', '--out', out];
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const code = await main(['node', 'flowlens', ...args, '--quarantine', `${out}.quarantine.jsonl`], { stdout: sink, stderr: process.stderr });
  if (code !== 0) throw new Error(`flowlens ${args.join(' ')} exited ${code}`);
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = { mode, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function measure(mode: Mode, input: string, out: string): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, input, out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`bench child ${mode} failed with status ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

/** The CSV's flows as canonical Parquet (through ingest, as `--engine duckdb` loads them), for the warehouse-style run. */
async function generateParquet(csv: string, parquet: string): Promise<void> {
  const { openDuckdbFeatures } = await import('../src/features/index.ts');
  const { openFlows } = await import('../src/ingest/index.ts');
  const duck = await openDuckdbFeatures({ source: await openFlows(csv, { quarantineFile: `${parquet}.quarantine.jsonl` }) });
  try {
    await duck.connection.run(`COPY (SELECT * EXCLUDE (notes, late, in_start_order) FROM flows) TO '${parquet}' (FORMAT parquet)`);
  } finally {
    duck.close();
  }
}

const rate = (flows: number, ms: number): string => Math.round(flows / (ms / 1000)).toLocaleString('en-US').padStart(9);

function line(label: string, flows: number, r: ChildResult): string {
  return `  ${label.padEnd(16)} ${rate(flows, r.ms)} flows/s wall (${(r.ms / 1000).toFixed(1).padStart(6)} s)  ${rate(flows, r.cpuMs)} flows/CPU-s  peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB  load ${loadavg()[0]!.toFixed(1)}`;
}

async function main(): Promise<void> {
  const sizes = process.argv.includes('--large') ? [1_000_000, 10_000_000] : [1_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-duckdb-'));
  try {
    process.stdout.write(`duckdb-features: native engine vs --engine duckdb, one process per run, node ${process.version}\n`);
    for (const n of sizes) {
      const csv = join(dir, `synth-${n}.csv`);
      const parquet = join(dir, `flows-${n}.parquet`);
      const { distinctSources } = await writeAddressHeavyCsv(csv, n);
      await generateParquet(csv, parquet);
      const mb = (file: string): string => (statSync(file).size / 2 ** 20).toFixed(0);
      process.stdout.write(`\n${n.toLocaleString('en-US')} flows, ${distinctSources.toLocaleString('en-US')} sources (${mb(csv)} MB CSV, ${mb(parquet)} MB canonical Parquet)\n`);
      for (const [mode, input, out] of [
        ['native', csv, join(dir, 'native.jsonl')],
        ['duckdb', csv, join(dir, 'duckdb.parquet')],
        ['duckdb-parquet', parquet, join(dir, 'duckdb-from-parquet.parquet')],
      ] as const) {
        process.stdout.write(`${line(mode, n, measure(mode, input, out))}\n`);
        rmSync(out, { force: true });
      }
      rmSync(csv, { force: true });
      rmSync(parquet, { force: true });
    }
    process.stdout.write('\ntarget: --engine duckdb processes 10 M rows with peak RSS ≤ 1 GB\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] as Mode, process.argv[at + 2]!, process.argv[at + 3]!);
else await main();
