import { basename, extname, join } from 'node:path';
import { selectTables, type SelectOptions } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import type { RegisterCommand } from '../program.ts';
import { addBatchOptions, configFromFlags, explainWithFlags, finishRun, setupFromFlags, type BatchFlags } from './explain.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { prepareOutputDir, prepareOutputFile } from './output-paths.ts';
import { addScoringOptions, addSelectionOptions, scoringSelectOptions, validateSelectOptions, warnSmallBaseline, type ScoringFlags, type SelectionFlags } from './scoring-options.ts';
import { scoringProgress } from './scoring-progress.ts';

interface RunFlags extends BatchFlags, InputFlags, ScoringFlags, SelectionFlags {
  out?: string;
}

/** `flowlens run <flows>`: features → score → top N → explain → reports → check. */
export const registerRun: RegisterCommand = (program, io, setExit) => {
  const command = program
    .command('run')
    .description('The whole pipeline on a flow file: score, explain the top N, write reports, check each explanation')
    .argument('<flows>', 'flow file (CSV, JSONL, Zeek conn.log, Suricata eve.json …)')
    .option('--out <dir>', 'output directory (default out/<input name>)');
  addBatchOptions(addInputOptions(addScoringOptions(addSelectionOptions(command, 'explain')), '<out>/quarantine.jsonl')).action(async (input: string, flags: RunFlags) => {
    const outDir = flags.out ?? join('out', basename(input, extname(input)));
    const quiet = flags.quiet ?? false;
    const select: SelectOptions = {
      // One selection: --top and --threshold together are refused (an unbounded bill with a paid provider).
      ...(flags.top !== undefined ? { top: flags.top } : {}),
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
      ...scoringSelectOptions(flags),
      ingest: ingestOptions(flags, flags.quarantine ?? join(outDir, 'quarantine.jsonl'), io),
    };
    // Flags, configuration, template, provider and output directory first: a bad one fails before minutes of scoring.
    validateSelectOptions(select);
    const config = configFromFlags(flags);
    const progress = createProgress({ label: 'run: explaining flows', stream: io.stderr, quiet });
    const setup = await setupFromFlags(flags, config, progress);
    await prepareOutputDir(outDir, '--out');
    if (flags.quarantine !== undefined) await prepareOutputFile(flags.quarantine, '--quarantine');
    const scoring = scoringProgress('run', io, quiet, flags.baseline === undefined);
    const { tables, summary } = await selectTables(input, { ...select, onProgress: scoring.onProgress });
    const scored = `${summary.scored} flows scored (${summary.method}), ${tables.length} to explain`;
    scoring.done(scored);
    io.stderr.write(`${formatSummary(summary.ingest)}\n`);
    warnSmallBaseline(summary, io);
    const ingestLine = `${summary.ingest.file}: read ${summary.ingest.read} = accepted ${summary.ingest.accepted} + quarantined ${summary.ingest.quarantined}`;
    const result = await explainWithFlags(tables, flags, io, { dir: outDir, title: basename(input), details: [scored, ingestLine], labels: summary.labels }, { config, setup, progress });
    setExit(Math.max(ingestExit(summary.ingest), finishRun(result, outDir, io)));
  });
};
