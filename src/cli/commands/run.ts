import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { selectTables } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import type { RegisterCommand } from '../program.ts';
import { addBatchOptions, configFromFlags, explainWithFlags, finishRun, setupFromFlags, type BatchFlags } from './explain.ts';

interface RunFlags extends BatchFlags {
  out?: string;
  top?: number;
  scorer?: 'robust-z' | 'isolation-forest';
  threshold?: number;
  window?: number;
  baseline?: string;
  baselineFile?: string;
  scoreColumn?: string;
  format?: string;
}

function scoringOptions(command: Command): Command {
  return command
    .option('--top <n>', 'explain the N highest-scoring flows (default 10)', (v) => Number(v))
    .option('--scorer <name>', 'robust-z | isolation-forest')
    .option('--threshold <score>', 'explain only flows scoring at least this', (v) => Number(v))
    .option('--window <seconds>', 'sliding window of the window features (default 60)', (v) => Number(v))
    .option('--baseline <flows>', 'fit the baseline on this flow file instead of the input')
    .option('--baseline-file <file>', 'score against a saved baseline (flowlens baseline fit)')
    .option('--score-column <name>', 'use this input column as the score instead of scoring')
    .option('--format <name>', 'input format (default: detected)');
}

/** `flowlens run <flows>`: features → score → top N → explain → reports → check, one progress bar. */
export const registerRun: RegisterCommand = (program, io, setExit) => {
  const command = program
    .command('run')
    .description('The whole pipeline on a flow file: score, explain the top N, write reports, check each explanation')
    .argument('<flows>', 'flow file (CSV, JSONL, Zeek conn.log, Suricata eve.json …)')
    .option('--out <dir>', 'output directory (default out/<input name>)');
  addBatchOptions(scoringOptions(command)).action(async (input: string, flags: RunFlags) => {
    const outDir = flags.out ?? join('out', basename(input, extname(input)));
    // Configuration, template and provider first: a bad one fails before minutes of scoring.
    const config = configFromFlags(flags);
    const progress = createProgress({ label: 'explain', stream: io.stderr, quiet: flags.quiet ?? false });
    const setup = await setupFromFlags(flags, config, () => progress.tick());
    // Scoring reports throttled plain lines (no second bar): the one bar is the explanations'.
    const plain = { write: (s: string) => io.stderr.write(s) } as NodeJS.WritableStream;
    const scoring = createProgress({ label: 'run: rows read (baseline and scoring passes)', stream: plain, quiet: flags.quiet ?? false });
    let last = { phase: '', flows: 0 };
    const { tables, summary } = await selectTables(input, {
      onProgress: (phase, flows) => {
        scoring.tick(phase === last.phase ? flows - last.flows : flows);
        last = { phase, flows };
      },
      // One selection: --threshold wins over the default top 10.
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : { top: flags.top ?? 10 }),
      ...(flags.scorer ? { scorer: flags.scorer } : {}),
      ...(flags.window !== undefined ? { windowMs: flags.window * 1000 } : {}),
      ...(flags.baseline ? { baseline: flags.baseline } : {}),
      ...(flags.baselineFile ? { baselineFile: flags.baselineFile } : {}),
      ...(flags.scoreColumn ? { scoreColumn: flags.scoreColumn } : {}),
      ...(flags.format ? { ingest: { format: flags.format as never } } : {}),
    });
    const scored = `${summary.scored} flows scored, top ${tables.length} explained`;
    scoring.done();
    if (!flags.quiet) io.stderr.write(`run: ${scored}\n`);
    const result = await explainWithFlags(tables, flags, io, { dir: outDir, title: basename(input), details: [scored] }, { config, setup, progress });
    setExit(finishRun(result, outDir, io));
  });
};
