/**
 * Ingest alone: CSV (nProbe names, the synthetic demo layout) → canonical Flow batches, no features.
 * Prints flows/s (wall and CPU) and peak RSS. `npm run bench -- ingest [--large]` (1 M rows, or 10 M).
 * The file is generated once into the OS temp directory and reused.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFlows } from '../src/ingest/index.ts';
import { writeSynthCsv } from '../src/synth/index.ts';

const rows = process.argv.includes('--large') ? 10_000_000 : 1_000_000;
// as features.bench: 100 flows/s of flow time, so ~30,000 flows sit in the 5-minute reorder buffer (~65,000 in the densest minutes)
const RATE = 100;
const file = join(tmpdir(), `flowlens-bench-ingest-${rows}-${RATE}.csv`);

async function generate(): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  await writeSynthCsv(out, { flows: rows, seed: 1, flowsPerSecond: RATE });
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
}

if (process.argv.includes('--generate')) {
  await generate();
  process.exit(0);
}
// generate in a child process, so the generator's memory does not count in this process's peak RSS
if (!existsSync(file)) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--generate', ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`generating ${file} failed`);
}

const wall0 = performance.now();
const cpu0 = process.cpuUsage();
const source = await openFlows(file, { quarantineFile: join(tmpdir(), 'flowlens-bench-ingest.quarantine.jsonl') });
let flows = 0;
for await (const batch of source.batches()) flows += batch.length;
const wall = (performance.now() - wall0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const summary = source.summary();
console.log(`ingest ${summary.format}: ${flows.toLocaleString('en-US')} flows of ${summary.read.toLocaleString('en-US')} rows read`);
console.log(`  wall ${wall.toFixed(2)} s → ${Math.round(flows / wall).toLocaleString('en-US')} flows/s`);
console.log(`  cpu  ${cpuSeconds.toFixed(2)} s → ${Math.round(flows / cpuSeconds).toLocaleString('en-US')} flows/cpu-s (includes GC helper threads)`);
console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
