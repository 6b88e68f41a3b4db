/** score stage: baselines, scorers and per-feature attribution. Only what other stages use. */
export { BASELINE_FORMAT_VERSION, BaselineSchema, QUANTILE_GRID, type Baseline, type FeatureBaseline } from './baseline-schema.ts';
export { createBaselineFitter, SAMPLE_SIZE, SCALE_FLOOR, type BaselineFitter } from './fit-baseline.ts';
export { loadBaseline, parseBaseline, saveBaseline } from './baseline-file.ts';
export { percentileOf } from './percentile-of.ts';
export { createRobustZ, ROBUST_Z_THRESHOLD } from './robust-z.ts';
export { createIsolationForest, FOREST_SAMPLE_SIZE, SCORE_BLOCK, FOREST_TREES, ISOLATION_FOREST_THRESHOLD, type IsolationForestOptions } from './isolation-forest.ts';
export { FOREST_VIEWS, type ForestView } from './forest-views.ts';
export { createScorer, DEFAULT_SCORER } from './create-scorer.ts';
export { readColumnScore, rescaleContributions } from './column-score.ts';
export { TopHeap } from './top-heap.ts';
export { SCORER_NAMES, type Contributions, type ScoreResult, type Scorer, type ScorerName } from './types.ts';
export { setWalkThreads } from './walk-pool.ts';
