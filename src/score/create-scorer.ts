import type { Baseline } from './baseline-schema.ts';
import { createIsolationForest } from './isolation-forest.ts';
import { createRobustZ } from './robust-z.ts';
import type { Scorer, ScorerName } from './types.ts';

/** The default scorer, chosen by measured quality (README "Scoring", bench/quality.ts). */
export const DEFAULT_SCORER: ScorerName = 'isolation-forest';

/** Fit the named scorer on a baseline. */
export function createScorer(name: ScorerName, baseline: Baseline): Scorer {
  return name === 'isolation-forest' ? createIsolationForest(baseline) : createRobustZ(baseline);
}
