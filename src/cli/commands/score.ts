import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectTables, tableFileNames, type SelectOptions } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { prepareOutputDir, prepareOutputFile } from './output-paths.ts';
import { scoringProgress } from './scoring-progress.ts';
import { addScoringOptions, addSelectionOptions, scoringSelectOptions, validateSelectOptions, warnSmallBaseline, type ScoringFlags, type SelectionFlags } from './scoring-options.ts';

interface ScoreFlags extends InputFlags, ScoringFlags, SelectionFlags {
  ids?: string[];
  out: string;
  scores?: string;
  quiet?: boolean;
}

/** `flowlens score <input>`: one FeatureTable JSON per selected flow, and optionally every flow's score. */
export const registerScore: RegisterCommand = (program, io, setExit) => {
  addInputOptions(
    addScoringOptions(
      addSelectionOptions(program.command('score <input>').description('Score every flow against a baseline and write a FeatureTable JSON per selected flow'), 'keep').option(
        '--ids <a,b>',
        'keep these flow ids (not with --top or --threshold)',
        (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean),
      ),
    ),
    '<out>/quarantine.jsonl',
  )
    .requiredOption('--out <dir>', 'directory for the flow-<id>.json tables')
    .option('--scores <file.jsonl>', "write every flow's id, score, rank and label columns")
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: ScoreFlags) => setExit(await runScore(input, flags, io)));
};

async function runScore(input: string, flags: ScoreFlags, io: CliIo): Promise<number> {
  const progress = scoringProgress('score', io, flags.quiet ?? false, flags.baseline === undefined);
  const options: SelectOptions = {
    ...(flags.top !== undefined ? { top: flags.top } : {}),
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    ...(flags.ids !== undefined ? { ids: flags.ids } : {}),
    ...scoringSelectOptions(flags),
    ...(flags.scores !== undefined ? { scoresFile: flags.scores } : {}),
    ingest: ingestOptions(flags, flags.quarantine ?? join(flags.out, 'quarantine.jsonl'), io),
    onProgress: progress.onProgress,
  };
  // Flags and output paths first: a conflict or an unwritable directory fails before the passes over the input.
  validateSelectOptions(options);
  await prepareOutputDir(flags.out, '--out');
  if (flags.scores !== undefined) await prepareOutputFile(flags.scores, '--scores');
  const { tables, summary } = await selectTables(input, options);
  const names = tableFileNames(tables.map((t) => t.flow_id));
  for (const [i, table] of tables.entries()) await writeFile(join(flags.out, names[i]!), `${JSON.stringify(table, null, 2)}\n`, 'utf8');
  progress.done(`${summary.scored} flows scored (${summary.method}), ${tables.length} tables in ${flags.out}`);
  io.stderr.write(`${formatSummary(summary.ingest)}\n`);
  warnSmallBaseline(summary, io);
  if (summary.missingIds.length > 0) io.stderr.write(`flowlens: no flow with id ${summary.missingIds.join(', ')} in ${input}\n`);
  if (summary.scoresFile) io.stderr.write(`scores: ${summary.scoresFile}\n`);
  return Math.max(ingestExit(summary.ingest), summary.missingIds.length > 0 ? EXIT.FINDINGS : EXIT.OK);
}
