import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parseDuration } from './parse-duration.ts';
import type { ScorerName } from '../../score/index.ts';
import { selectTables, type SelectOptions } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

interface ScoreFlags {
  top?: number;
  threshold?: number;
  ids?: string[];
  scorer?: ScorerName;
  window?: number;
  baseline?: string;
  baselineFile?: string;
  scoreColumn?: string;
  out: string;
  scores?: string;
  quiet?: boolean;
}

const number = (label: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`Expected ${label}, got \`${value}\`.`);
  return n;
};

/** Flags shared by `score` and `baseline fit` (and usable by run). */
export function addScoringOptions(command: Command): Command {
  return command
    .option('--scorer <name>', 'isolation-forest | robust-z (default isolation-forest)')
    .option('--window <duration>', 'sliding window of the window features, e.g. 60s, 5m (default 60s)', parseDuration)
    .option('--baseline <flows>', 'fit the baseline on this flow file instead of the input')
    .option('--baseline-file <json>', 'score against a saved baseline (flowlens baseline fit)')
    .option('--score-column <name>', "take an existing detector's score from this input column instead of scoring");
}

/** `flowlens score <input>`: one FeatureTable JSON per selected flow, and optionally every flow's score. */
export const registerScore: RegisterCommand = (program, io, setExit) => {
  addScoringOptions(
    program
      .command('score <input>')
      .description('Score every flow against a baseline and write a FeatureTable JSON per selected flow')
      .option('--top <n>', 'keep the N highest scores (default 10)', number('a whole number ≥ 1'))
      .option('--threshold <x>', 'keep every flow scoring at or above X', number('a number'))
      .option('--ids <a,b>', 'keep these flow ids', (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  )
    .requiredOption('--out <dir>', 'directory for <flow_id>.json tables')
    .option('--scores <file.jsonl>', "write every flow's id, score, rank and label columns")
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: ScoreFlags) => setExit(await runScore(input, flags, io)));
};

async function runScore(input: string, flags: ScoreFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'score', stream: io.stderr, quiet: flags.quiet ?? false });
  let last = 0;
  let phaseNow = '';
  const options: SelectOptions = {
    ...(flags.top !== undefined ? { top: flags.top } : {}),
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    ...(flags.ids !== undefined ? { ids: flags.ids } : {}),
    ...(flags.scorer !== undefined ? { scorer: flags.scorer } : {}),
    ...(flags.window !== undefined ? { windowMs: flags.window } : {}),
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(flags.baselineFile !== undefined ? { baselineFile: flags.baselineFile } : {}),
    ...(flags.scoreColumn !== undefined ? { scoreColumn: flags.scoreColumn } : {}),
    ...(flags.scores !== undefined ? { scoresFile: flags.scores } : {}),
    onProgress: (phase, n) => {
      if (phase !== phaseNow) [phaseNow, last] = [phase, 0];
      progress.tick(n - last);
      last = n;
    },
  };
  const { tables, summary } = await selectTables(input, options);
  await mkdir(flags.out, { recursive: true });
  for (const table of tables) {
    await writeFile(join(flags.out, `${safeName(table.flow_id)}.json`), `${JSON.stringify(table, null, 2)}\n`, 'utf8');
  }
  progress.done(`${summary.scored} flows scored (${summary.method}), ${tables.length} tables in ${flags.out}`);
  if (summary.missingIds.length > 0) io.stderr.write(`flowlens: no flow with id ${summary.missingIds.join(', ')} in ${input}\n`);
  if (summary.scoresFile) io.stderr.write(`scores: ${summary.scoresFile}\n`);
  return summary.missingIds.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** A flow id as a file name: anything but letters, digits, dot, dash and underscore becomes "_". */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
