import type { FeatureValues } from '../features/index.ts';
import type { Flow } from '../ingest/index.ts';
import { createRobustZ, createScorer, readColumnScore, rescaleContributions, type Baseline, type ScoreResult, type ScorerName } from '../score/index.ts';

/** Scores one flow: ours, or an upstream column's with our attribution. */
export interface FlowScorer {
  method: string;
  threshold: number | null;
  score(flow: Flow, features: FeatureValues): ScoreResult;
  /** Many flows at once, results in input order. */
  scoreMany(items: readonly { flow: Flow; features: FeatureValues }[]): ScoreResult[];
}

/** Build the scorer a run uses; with `scoreColumn` the score is the column's and robust-z shares it out. */
export function createFlowScorer(baseline: Baseline, name: ScorerName, scoreColumn: string | undefined, file: string): FlowScorer {
  if (scoreColumn === undefined) {
    const scorer = createScorer(name, baseline);
    return {
      method: scorer.method,
      threshold: scorer.threshold,
      score: (_flow, features) => scorer.score(features),
      scoreMany: (items) => scorer.scoreMany(items.map((i) => i.features)),
    };
  }
  const reference = createRobustZ(baseline);
  const score = (flow: Flow, features: FeatureValues): ScoreResult =>
    rescaleContributions(readColumnScore(flow, scoreColumn, file), reference.score(features));
  return {
    method: `column:${scoreColumn}`,
    threshold: null,
    score,
    scoreMany: (items) => items.map((i) => score(i.flow, i.features)),
  };
}
