import type { FeatureName, FeatureValues } from '../features/index.ts';

export type ScorerName = 'robust-z' | 'isolation-forest';
export const SCORER_NAMES: readonly ScorerName[] = ['robust-z', 'isolation-forest'];

/** Per-feature signed contribution: + above the baseline median, − below; null = value was null, not scored. */
export type Contributions = Record<FeatureName, number | null>;

export interface ScoreResult {
  /** Higher = more anomalous. Finite always. */
  score: number;
  /** |contribution| sums to the score (robust-z) or to the score's share (isolation forest). */
  contributions: Contributions;
}

/** A fitted scorer: pure and deterministic given its baseline. */
export interface Scorer {
  /** robust-z | isolation-forest | column:<name> */
  readonly method: string;
  /** The score above which a flow is called anomalous by default; null when there is none. */
  readonly threshold: number | null;
  /** The score and its attribution. */
  score(values: FeatureValues): ScoreResult;
  /**
   * The scores alone of many flows, in input order: what a pass over a whole input needs (the forest
   * skips attribution, which only the flows that get tables use). Equal to score(v).score to the bit.
   */
  scores(values: readonly FeatureValues[]): Float64Array;
  /** The same, computed off the calling thread where the scorer can (the forest's worker threads). */
  scoresAsync(values: readonly FeatureValues[]): Promise<Float64Array>;
  /**
   * Work the scorer would otherwise do at its first `threshold` or `score` (the forest's walk of its
   * baseline sample), done now: a caller runs it while scoresAsync's walks are under way. Optional
   * to call; it changes when the work is done, never its result.
   */
  prepare?(): void;
}
