import { DEFAULT_WINDOW_MS, extractFeatures, type FlowFeatures } from '../features/index.ts';
import { assertFlowsRead, openFlows, type FlowSource, type IngestSummary, type ReadFlowsOptions } from '../ingest/index.ts';
import { createBaselineFitter, type Baseline } from '../score/index.ts';


export interface FitBaselineOptions {
  /** @default DEFAULT_WINDOW_MS (60 s) */
  windowMs?: number;
  ingest?: ReadFlowsOptions;
  /** Called now and then with the number of flows fitted so far. */
  onProgress?: (flows: number) => void;
  /**
   * Keep the flows and their features when the input has at most this many, so a caller that goes on
   * to score the same input need not read it again. @default 0 (keep none)
   */
  keepFlows?: number;
}

/** What fitBaselineFile read and fitted. */
export interface FittedFile {
  baseline: Baseline;
  ingest: IngestSummary;
  hasTime: boolean;
  /** The source it read (exhausted: its summary is final). */
  source: FlowSource;
  /** Every flow with its features, in order, batch by batch: only when they were at most `keepFlows`. */
  kept?: FlowFeatures[][];
}

/**
 * Fit a baseline on a flow file in one streaming pass (ingest → features → sketches): memory stays
 * bounded whatever the file's length.
 *
 * @example
 * const { baseline } = await fitBaselineFile('normal-week.csv.gz');
 * await saveBaseline(baseline, 'baseline.json');
 */
export async function fitBaselineFile(input: string, options: FitBaselineOptions = {}): Promise<FittedFile> {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const source = await openFlows(input, options.ingest ?? {});
  const fitter = createBaselineFitter({ source: input, windowMs });
  const keepFlows = options.keepFlows ?? 0;
  let kept: FlowFeatures[][] | undefined = keepFlows > 0 ? [] : undefined;
  let n = 0;
  for await (const batch of extractFeatures(source, { windowMs })) {
    for (const { features } of batch) fitter.add(features);
    n += batch.length;
    if (n > keepFlows) kept = undefined; // past the bound: let them go
    kept?.push(batch);
    options.onProgress?.(n);
  }
  // A baseline of no flows would score nothing and say so only at the end of a long run.
  assertFlowsRead(source.summary(), options.ingest);
  return { baseline: fitter.finish(), ingest: source.summary(), hasTime: source.hasTime, source, ...(kept !== undefined ? { kept } : {}) };
}
