import { BaselineError, InputError } from '../errors.ts';
import { extractFeatures, type FlowFeatures } from '../features/index.ts';
import { assertFlowsRead, openFlows, type FlowSource, type IngestSummary } from '../ingest/index.ts';
import { loadBaseline, type Baseline } from '../score/index.ts';
import { fitBaselineFile } from './fit-baseline-file.ts';
import { buildTable, type WindowContext } from './build-table.ts';
import { createFlowScorer } from './flow-scorer.ts';
import { createRanker, scorePass } from './score-pass.ts';
import type { FeatureTable } from './schema.ts';
import { resolveScoring, resolveSelection, type SelectOptions } from './select-options.ts';
import { createScoresWriter } from './write-scores.ts';

/** What one selectTables run did. */
export interface ScoreSummary {
  file: string;
  method: string;
  threshold: number | null;
  /** Flows scored. */
  scored: number;
  /** Tables built. */
  selected: number;
  /** --ids that no flow of the input has. */
  missingIds: string[];
  baseline: { source: string; rows: number; file?: string };
  window: WindowContext;
  ingest: IngestSummary;
  scoresFile?: string;
  /**
   * The input's label columns (ground truth) of each selected flow, by flow id: kept out of the
   * tables so they never reach a prompt, but shown to the person reading the run index.
   */
  labels: Record<string, Readonly<Record<string, string>>>;
}

/**
 * The whole "ingest → features → score → select → FeatureTable" chain that `flowlens score` and
 * `flowlens run` call. Streams the input: one pass to fit the baseline (unless a baseline file is
 * given), one to score keeping only the selected flows (and noting what `scoresFile` needs); an input
 * of up to READ_ONCE_FLOWS flows is read once, its rows kept from the first pass for the second.
 *
 * @example
 * const { tables } = await selectTables('flows.csv', { top: 5 });
 */
export async function selectTables(input: string, options: SelectOptions = {}): Promise<{ tables: FeatureTable[]; summary: ScoreSummary }> {
  const selection = resolveSelection(options);
  const scoring = resolveScoring(options);
  const { baseline, windowMs, kept } = await obtainBaseline(input, options, scoring.windowMs);
  const scorer = createFlowScorer(baseline, scoring.scorer, options.scoreColumn, input);
  const source = kept?.source ?? (await openFlows(input, options.ingest ?? {}));
  checkScoreColumn(input, source, options.scoreColumn);
  const scoresWriter = options.scoresFile !== undefined ? createScoresWriter(options.scoresFile) : undefined;
  let pass: Awaited<ReturnType<typeof scorePass>>;
  try {
    const rows = kept?.rows ?? extractFeatures(source, { windowMs });
    pass = await scorePass(rows, scorer, selection, (n) => options.onProgress?.('score', n), scoresWriter && ((batch) => scoresWriter.add(batch)));
    assertFlowsRead(source.summary(), options.ingest);
  } catch (error) {
    scoresWriter?.discard();
    throw error;
  }
  const rank = createRanker(pass.scores);
  const window = windowContext(source, windowMs);
  const tables = pass.candidates.map((c) =>
    buildTable({
      flow: c.flow,
      features: c.features,
      result: c.result,
      method: scorer.method,
      rank: rank(c.result.score),
      of: pass.scores.length,
      threshold: selection.kind === 'threshold' ? selection.threshold : scorer.threshold,
      baseline,
      window,
      file: input,
      ...(options.scoreColumn !== undefined ? { omitFields: [options.scoreColumn] } : {}),
    }),
  );
  const summary: ScoreSummary = {
    file: input,
    method: scorer.method,
    threshold: scorer.threshold,
    scored: pass.scores.length,
    selected: tables.length,
    missingIds: pass.missingIds,
    baseline: { source: baseline.source, rows: baseline.rows, ...(options.baselineFile !== undefined ? { file: options.baselineFile } : {}) },
    window,
    ingest: source.summary(),
    labels: Object.fromEntries(pass.candidates.filter((c) => Object.keys(c.flow.labels).length > 0).map((c) => [c.flow.id, c.flow.labels])),
  };
  if (scoresWriter !== undefined) {
    await scoresWriter.finish(pass.scores, rank, (n) => options.onProgress?.('scores-file', n));
    summary.scoresFile = options.scoresFile;
  }
  return { tables, summary };
}

function checkScoreColumn(input: string, source: FlowSource, column: string | undefined): void {
  if (column !== undefined && source.header.length > 0 && !source.header.includes(column)) {
    throw new InputError(
      { file: input, line: 1, field: column, expected: 'a column of the input' },
      `--score-column \`${column}\` is not a column of this input; the header has: ${source.header.join(', ')}`,
    );
  }
}

/**
 * Inputs of up to this many flows are read once: the fitting pass keeps their flows and features for
 * the scoring pass (issue 14: `npm start`'s 20,000 flows were read, parsed and windowed twice). Above
 * it the scoring pass reads the input again, so memory stays bounded by the window, not the file.
 */
const READ_ONCE_FLOWS = 50_000;

/** The fitting pass's source and rows, when the scoring pass can take them instead of reading again. */
interface KeptPass {
  source: FlowSource;
  rows: FlowFeatures[][];
}

async function obtainBaseline(input: string, options: SelectOptions, windowMs: number): Promise<{ baseline: Baseline; windowMs: number; kept?: KeptPass }> {
  if (options.baselineFile !== undefined) {
    const baseline = await loadBaseline(options.baselineFile);
    if (options.windowMs !== undefined && options.windowMs !== baseline.window_ms) {
      throw new BaselineError(options.baselineFile, `fitted with a ${baseline.window_ms / 1000} s window, but --window asks for ${options.windowMs / 1000} s; refit it or drop --window`);
    }
    return { baseline, windowMs: baseline.window_ms };
  }
  const baselineInput = options.baseline ?? input;
  const fitted = await fitBaselineFile(baselineInput, {
    windowMs,
    ...(options.ingest !== undefined ? { ingest: options.ingest } : {}),
    onProgress: (n) => options.onProgress?.('fit', n),
    // the scoring pass reads the same file with the same options: it can take these rows
    ...(baselineInput === input ? { keepFlows: READ_ONCE_FLOWS } : {}),
  });
  const kept = fitted.kept !== undefined ? { source: fitted.source, rows: fitted.kept } : undefined;
  return { baseline: fitted.baseline, windowMs, ...(kept !== undefined ? { kept } : {}) };
}

function windowContext(source: FlowSource, windowMs: number): WindowContext {
  if (source.hasTime) return { ms: windowMs, available: true };
  return { ms: windowMs, available: false, reason: `the input has no time fields (${source.format}), so window features are null` };
}
