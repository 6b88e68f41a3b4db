import type { FeatureValues } from '../features/index.ts';
import type { Flow } from '../ingest/index.ts';
import { createRobustZ, createScorer, readColumnScore, rescaleContributions, type Baseline, type ScoreResult, type ScorerName } from '../score/index.ts';

/** Scores one flow: ours, or an upstream column's with our attribution. */
export interface FlowScorer {
  method: string;
  threshold: number | null;
  /** The score and its attribution: for the flows that get tables. */
  score(flow: Flow, features: FeatureValues): ScoreResult;
  /** The scores alone of many flows, in input order (equal to score(…).score). */
  scores(items: readonly { flow: Flow; features: FeatureValues }[]): Promise<Float64Array>;
  /** Work to do while scores() runs, ahead of threshold and score() (Scorer.prepare). */
  prepare(): void;
}

/** Build the scorer a run uses; with `scoreColumn` the score is the column's and robust-z shares it out. */
export function createFlowScorer(baseline: Baseline, name: ScorerName, scoreColumn: string | undefined, file: string): FlowScorer {
  if (scoreColumn === undefined) {
    const scorer = createScorer(name, baseline);
    return {
      method: scorer.method,
      get threshold() {
        return scorer.threshold;
      },
      score: (_flow, features) => scorer.score(features),
      scores: (items) => scorer.scoresAsync(items.map((i) => i.features)),
      prepare: () => scorer.prepare?.(),
    };
  }
  const reference = createRobustZ(baseline);
  const score = (flow: Flow, features: FeatureValues): ScoreResult =>
    rescaleContributions(readColumnScore(flow, scoreColumn, file), reference.score(features));
  return {
    method: `column:${scoreColumn}`,
    threshold: null,
    score,
    scores: async (items) => Float64Array.from(items, (i) => readColumnScore(i.flow, scoreColumn, file)),
    prepare: () => {},
  };
}
