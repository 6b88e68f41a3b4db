/**
 * The CLI end to end, as a user runs it (issue 14): each command is a fresh `node bin/flowlens.js`
 * process, timed from start to exit with its output written. `npm run bench -- cli [--large]
 * [--flows N] [--runs N] [--no-score]`: 1 M flows by default (10 M with --large) of an address-heavy nProbe CSV
 * (bench/support/address-heavy-csv.ts, ≥ 100,000 distinct sources).
 *   - `flowlens --help` and `npm start`'s command (`run` on the 20,000 demo flows);
 *   - `features f.csv --out features.csv`, `--out features.parquet`, and the same rows from a Parquet input;
 *   - `score f.csv --top 10 --out DIR --scores scores.jsonl` (isolation forest, fitted on the input).
 * bin/flowlens.js runs the dist/ bundle when it is fresh (run `npm run build` after editing), tsx otherwise:
 * the first line says which. The machine may be shared: each line carries the load average.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeAddressHeavyCsv } from './support/address-heavy-csv.ts';
import { bundleState } from './support/bundle-state.ts';
import { csvToParquet } from './support/csv-to-parquet.ts';
import { formatTimed, timeCommand } from './support/time-command.ts';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/flowlens.js');
const argValue = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
};
const flows = argValue('--flows') ?? (process.argv.includes('--large') ? 10_000_000 : 1_000_000);
const runs = argValue('--runs') ?? 1;
const node = process.execPath;

const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-cli-'));
try {
  process.stdout.write(`cli: end to end, node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${bundleState(root)}\n`);
  for (let r = 0; r < Math.max(3, runs); r++) process.stdout.write(`${formatTimed('flowlens --help', timeCommand(node, [bin, '--help']))}\n`);
  for (let r = 0; r < runs; r++) {
    const t = timeCommand(node, [bin, 'run', 'fixtures/flows/demo.csv', '--out', join(dir, 'demo'), '--quiet'], { cwd: root });
    process.stdout.write(`${formatTimed('npm start (run, 20,000 demo flows)', t, 20_000)}\n`);
    rmSync(join(dir, 'demo'), { recursive: true, force: true });
  }
  const csv = join(dir, 'flows.csv');
  const made = await writeAddressHeavyCsv(csv, flows);
  process.stdout.write(`\n${flows.toLocaleString('en-US')} flows, ${made.distinctSources.toLocaleString('en-US')} distinct sources, ${(made.bytes / 2 ** 20).toFixed(0)} MB CSV\n`);
  for (let r = 0; r < runs; r++) {
    const out = join(dir, 'features.csv');
    const t = timeCommand(node, [bin, 'features', csv, '--out', out, '--quiet']);
    process.stdout.write(`${formatTimed('features → CSV', t, flows)}  (${(statSync(out).size / 2 ** 20).toFixed(0)} MB)\n`);
    rmSync(out, { force: true });
  }
  const parquet = join(dir, 'flows.parquet');
  await csvToParquet(csv, parquet);
  for (let r = 0; r < runs; r++) {
    const out = join(dir, 'features.parquet');
    const t = timeCommand(node, [bin, 'features', csv, '--out', out, '--quiet']);
    process.stdout.write(`${formatTimed('features → Parquet', t, flows)}  (${(statSync(out).size / 2 ** 20).toFixed(0)} MB)\n`);
    rmSync(out, { force: true });
    const back = join(dir, 'from-parquet.csv');
    const u = timeCommand(node, [bin, 'features', parquet, '--out', back, '--quiet']);
    process.stdout.write(`${formatTimed('features Parquet input → CSV', u, flows)}  (input ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MB)\n`);
    rmSync(back, { force: true });
  }
  for (let r = 0; r < runs && !process.argv.includes('--no-score'); r++) {
    const t = timeCommand(node, [bin, 'score', csv, '--top', '10', '--out', join(dir, 'tables'), '--scores', join(dir, 'scores.jsonl'), '--quiet']);
    process.stdout.write(`${formatTimed('score --top 10 --scores (forest)', t, flows)}\n`);
  }
  process.stdout.write('\ntargets: --help ≤ 0.4 s; npm start ≤ 3 s; features → CSV ≥ 200,000 flows/s, peak RSS ≤ 256 MB; score ≥ 15,000 flows/s, peak RSS ≤ 512 MB at 10 M\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
