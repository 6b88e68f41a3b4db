import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_FLOWS_PER_SECOND, DEFAULT_SYNTH_FLOWS, DEFAULT_SYNTH_SEED, writeSynthCsv } from '../../synth/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

interface SynthFlags {
  flows: number;
  seed: number;
  rate: number;
  out?: string;
  quiet?: boolean;
}

function parseWhole(name: string, min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min) throw new InvalidArgumentError(`Expected \`--${name}\` to be a whole number ≥ ${min}, got \`${text}\`.`);
    return n;
  };
}

function parseRate(text: string): number {
  const n = Number(text);
  if (!(n > 0 && Number.isFinite(n))) throw new InvalidArgumentError(`Expected \`--rate\` to be a number of flows per second > 0, got \`${text}\`.`);
  return n;
}

/**
 * `flowlens synth`: a seeded, deterministic synthetic flow file (nProbe NF-v3-style CSV with Label and
 * Attack columns) to stdout or --out. The committed demo is `flowlens synth --out fixtures/flows/demo.csv`.
 */
export const registerSynth: RegisterCommand = (program, io, setExit) => {
  program
    .command('synth')
    .description('Write seeded synthetic flows (background traffic + labelled scenarios + the seed flow) as NF-v3-style CSV')
    .option('--flows <n>', 'number of flows', parseWhole('flows', 1), DEFAULT_SYNTH_FLOWS)
    .option('--seed <n>', 'PRNG seed (same seed, same bytes)', parseWhole('seed', 0), DEFAULT_SYNTH_SEED)
    .option('--rate <flows/s>', 'average flows per second of flow time', parseRate, DEFAULT_FLOWS_PER_SECOND)
    .option('--out <file.csv>', 'write here instead of stdout')
    .option('--quiet', 'no progress on stderr')
    .action(async (flags: SynthFlags) => setExit(await runSynth(flags, io)));
};

async function runSynth(flags: SynthFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'synth', stream: io.stderr, total: flags.flows, quiet: flags.quiet ?? flags.out === undefined });
  if (flags.out !== undefined) await mkdir(dirname(resolve(flags.out)), { recursive: true });
  const out = flags.out !== undefined ? createWriteStream(flags.out) : io.stdout;
  let last = 0;
  try {
    await writeSynthCsv(out, { flows: flags.flows, seed: flags.seed, flowsPerSecond: flags.rate }, (rows) => {
      progress.tick(rows - last);
      last = rows;
    });
  } finally {
    if (flags.out !== undefined) {
      (out as NodeJS.WritableStream).end();
      await once(out, 'finish');
    }
  }
  progress.done(`${flags.flows} flows, seed ${flags.seed}${flags.out !== undefined ? ` → ${flags.out}` : ''}`);
  return EXIT.OK;
}
