import { DEFAULT_WINDOW_MS, extractFeatures } from '../features/index.ts';
import { assertFlowsRead, openFlows, type IngestSummary, type ReadFlowsOptions } from '../ingest/index.ts';
import { createBaselineFitter, type Baseline } from '../score/index.ts';


export interface FitBaselineOptions {
  /** @default DEFAULT_WINDOW_MS (60 s) */
  windowMs?: number;
  ingest?: ReadFlowsOptions;
  /** Called now and then with the number of flows fitted so far. */
  onProgress?: (flows: number) => void;
}

/**
 * Fit a baseline on a flow file in one streaming pass (ingest → features → sketches): memory stays
 * bounded whatever the file's length.
 *
 * @example
 * const { baseline } = await fitBaselineFile('normal-week.csv.gz');
 * await saveBaseline(baseline, 'baseline.json');
 */
export async function fitBaselineFile(input: string, options: FitBaselineOptions = {}): Promise<{ baseline: Baseline; ingest: IngestSummary; hasTime: boolean }> {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const source = await openFlows(input, options.ingest ?? {});
  const fitter = createBaselineFitter({ source: input, windowMs });
  let n = 0;
  for await (const batch of extractFeatures(source, { windowMs })) {
    for (const { features } of batch) fitter.add(features);
    n += batch.length;
    options.onProgress?.(n);
  }
  // A baseline of no flows would score nothing and say so only at the end of a long run.
  assertFlowsRead(source.summary(), options.ingest);
  return { baseline: fitter.finish(), ingest: source.summary(), hasTime: source.hasTime };
}
