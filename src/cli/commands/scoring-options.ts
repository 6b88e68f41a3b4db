import { Option, type Command } from 'commander';
import { SCORER_NAMES, setWalkThreads, type ScorerName } from '../../score/index.ts';
import { resolveScoring, resolveSelection, type ScoreSummary, type SelectOptions } from '../../table/index.ts';
import type { CliIo } from '../program.ts';
import { numberFlag, wholeNumberFlag } from './number-flag.ts';
import { parseDuration } from './parse-duration.ts';

/** The scoring flags shared by score, run, enrich and (the window) baseline fit. */
export interface ScoringFlags {
  scorer?: ScorerName;
  /** Milliseconds (parsed from a duration). */
  window?: number;
  baseline?: string;
  baselineFile?: string;
  scoreColumn?: string;
  /** Worker threads of the isolation forest's walks (1: the main thread). */
  threads?: number;
}

/** Selection flags of score and run. */
export interface SelectionFlags {
  top?: number;
  threshold?: number;
}

/** A baseline fitted on fewer flows than this gets a warning: its medians and percentiles mean little. */
export const SMALL_BASELINE_ROWS = 100;

/** --scorer, --window, --baseline, --baseline-file, --score-column, --threads: the same on every command that scores. */
export function addScoringOptions(command: Command): Command {
  return command
    .addOption(new Option('--scorer <name>', 'anomaly scorer (default isolation-forest)').choices(SCORER_NAMES))
    .option('--window <duration>', 'sliding window of the window features, e.g. 60s, 5m (default 60s)', parseDuration)
    .option('--baseline <flows>', 'fit the baseline on this flow file instead of the input')
    .option('--baseline-file <json>', 'score against a saved baseline (flowlens baseline fit)')
    .option('--score-column <name>', "take an existing detector's score from this input column instead of scoring")
    .option('--threads <n>', 'worker threads for the isolation forest (default: one a core; 1: no workers); the scores are the same in any count', wholeNumberFlag);
}


/** --top and --threshold (one of them; `score` adds --ids). */
export function addSelectionOptions(command: Command, what: string): Command {
  return command
    .option('--top <n>', `${what} the N highest-scoring flows (default 10)`, numberFlag('a whole number ≥ 1'))
    .option('--threshold <x>', `${what} every flow scoring at or above X (not with --top)`, numberFlag('a number'));
}

/**
 * SelectOptions from the scoring flags (selection and ingest added by the caller). --threads is a
 * process setting of the forest's walk pool (setWalkThreads), not a select option: it changes how
 * fast the scores come, never what they are.
 */
export function scoringSelectOptions(flags: ScoringFlags): SelectOptions {
  setWalkThreads(flags.threads);
  return {
    ...(flags.scorer !== undefined ? { scorer: flags.scorer } : {}),
    ...(flags.window !== undefined ? { windowMs: flags.window } : {}),
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(flags.baselineFile !== undefined ? { baselineFile: flags.baselineFile } : {}),
    ...(flags.scoreColumn !== undefined ? { scoreColumn: flags.scoreColumn } : {}),
  };
}

/** Check selection and scoring flags before any long work (conflicting flags fail here, not after a pass over the input). */
export function validateSelectOptions(options: SelectOptions): void {
  resolveSelection(options);
  resolveScoring(options);
}

/** Warn on stderr when the baseline is too small to mean much (a handful of flows: every percentile is coarse). */
export function warnSmallBaseline(summary: Pick<ScoreSummary, 'baseline'>, io: CliIo): void {
  const { rows, source } = summary.baseline;
  if (rows >= SMALL_BASELINE_ROWS) return;
  io.stderr.write(
    `flowlens: warning: the baseline has only ${rows} flow${rows === 1 ? '' : 's'} (from ${source}); its medians and percentiles, and so the scores, mean little below ${SMALL_BASELINE_ROWS}: fit one on more traffic (--baseline FILE or --baseline-file)\n`,
  );
}
