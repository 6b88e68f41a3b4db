import { FEATURE_NAMES, type FeatureValues } from '../features/index.ts';
import type { Baseline } from './baseline-schema.ts';
import { toScaled } from './fit-baseline.ts';
import { calibratedThreshold } from './calibrated-threshold.ts';
import { percentileOf } from './percentile-of.ts';
import { createPrng, randomInt } from './prng.ts';
import { averagePathLength, compile, pathLength, type FlatForest, type Node, type Row } from './flat-forest.ts';
import { createViewMaps, FOREST_VIEWS, type ForestView, type ViewMap } from './forest-views.ts';
import type { Contributions, Scorer, ScoreResult } from './types.ts';

export interface IsolationForestOptions {
  /** @default FOREST_TREES (500) */
  trees?: number;
  /** Rows per tree. @default FOREST_SAMPLE_SIZE (4096: the whole reservoir sample) */
  sampleSize?: number;
  /** Scales the trees draw thresholds on, taken in turn tree by tree. @default FOREST_VIEWS (log, rank, normal) */
  views?: readonly ForestView[];
  /** @default 42 */
  seed?: number;
}

/**
 * Every tree sees the whole baseline sample (4,096 rows; the paper's 256 is for speed): small,
 * subtle clusters (a 60-flow beacon among 20,000 flows) need all the normal context there is to be
 * told apart, and the trees still differ by their random splits. 500 trees, shared out over the
 * views: with fewer, the rank of such a cluster's best flow moves a lot from seed to seed.
 */
export const FOREST_SAMPLE_SIZE = 4096;
export const FOREST_TREES = 500;

/** Fallback threshold (no sample to calibrate on): the original paper's 0.5 (scores near 1 are anomalies, well below 0.5 normal). */
export const ISOLATION_FOREST_THRESHOLD = 0.5;

/**
 * Isolation forest (Liu, Ting, Zhou 2008) on the baseline's reservoir sample, grown with a seeded
 * PRNG so every run gives the same scores. Trees take turns among views of the features
 * (forest-views.ts: log scale, baseline percentile, normal score) — the same splits on the raw
 * values, thresholds drawn on a different scale — and the score comes from the mean path length
 * over all trees. No single scale finds every kind of outlier: the log scale gives room to
 * magnitude, the percentile to unusual combinations of ordinary values, the normal score to both
 * tails (README "Scoring" has the measured figures). Null values are never imputed: each split
 * sends them to a side fixed at random when the tree is grown.
 *
 * Attribution (documented in README "Scoring"): on the flow's path through each tree, the split on
 * feature f that shrinks the node from n to m training rows credits f with log2(n / m) bits of
 * isolation; credits are summed over the trees and the score is shared out in proportion. The sign
 * says whether the value sits above (+) or below (−) the middle of the baseline (its percentile vs 50,
 * so a value tied with a common median reads by its tied range); null values get null.
 */
export function createIsolationForest(baseline: Baseline, options: IsolationForestOptions = {}): Scorer {
  const forests = growForests(baseline, options);
  const treeCount = forests.reduce((s, f) => s + f.forest.roots.length, 0);
  const norm = averagePathLength(Math.max(2, Math.min(options.sampleSize ?? FOREST_SAMPLE_SIZE, baseline.sample.length)));
  const toScore = (depthSum: number): number => (treeCount > 0 ? 2 ** -(depthSum / treeCount / norm) : 0);
  // Sign by where the value sits in the baseline: below its middle (percentile < 50) is −. A value
  // equal to a median that many flows share (0 bits of entropy) reads by its tied range, not as +.
  const centers = FEATURE_NAMES.map((n) => baseline.features[n].scoring.center);
  const below = (i: number, x: number, raw: number | null): boolean => {
    if (x !== centers[i]) return x < centers[i]!;
    const n = FEATURE_NAMES[i]!;
    const p = percentileOf(baseline.features[n], baseline.quantile_grid, raw);
    return p !== null && p < 50;
  };
  const finish = (values: FeatureValues, x: Float64Array, depthSum: number, credit: Float64Array): ScoreResult => {
    const score = toScore(depthSum);
    const total = credit.reduce((s, c) => s + c, 0);
    const contributions = Object.fromEntries(
      FEATURE_NAMES.map((n, i) => {
        const v = x[i]!;
        if (Number.isNaN(v)) return [n, null];
        const share = total > 0 ? (score * credit[i]!) / total : 0;
        return [n, below(i, v, values[n]) ? -share : share];
      }),
    ) as Contributions;
    return { score, contributions };
  };
  const scoreMany = (batch: readonly FeatureValues[]): ScoreResult[] => {
    const xs = batch.map(pack);
    const credits = batch.map(() => new Float64Array(FEATURE_NAMES.length));
    const depths = walkAll(forests, xs, credits);
    return xs.map((x, j) => finish(batch[j]!, x, depths[j]!, credits[j]!));
  };
  const sample = baseline.sample.map((row) => Float64Array.from(row, (v) => v ?? Number.NaN));
  const sampleCredits = sample.map(() => new Float64Array(FEATURE_NAMES.length));
  const sampleScores = Array.from(walkAll(forests, sample, sampleCredits), toScore);
  return {
    method: 'isolation-forest',
    threshold: calibratedThreshold(sampleScores, ISOLATION_FOREST_THRESHOLD),
    score: (values) => scoreMany([values])[0]!,
    scoreMany,
  };
}

interface ViewForest {
  map: ViewMap;
  forest: FlatForest;
}

/** Grow the trees, view after view in turn, all from one seeded PRNG. */
function growForests(baseline: Baseline, options: IsolationForestOptions): ViewForest[] {
  const views = options.views ?? FOREST_VIEWS;
  const maps = createViewMaps(baseline);
  const packed = baseline.sample.map((row) => Float64Array.from(row, (v) => v ?? Number.NaN));
  const rowsOf = (view: ForestView): Row[] => packed.map((x) => Array.from(maps[view](x), (v) => (Number.isNaN(v) ? null : v)));
  const viewRows = views.map(rowsOf);
  const trees: Node[][] = views.map(() => []);
  const next = createPrng(options.seed ?? 42);
  const psi = Math.max(2, Math.min(options.sampleSize ?? FOREST_SAMPLE_SIZE, packed.length));
  const maxDepth = Math.ceil(Math.log2(psi));
  if (packed.length >= 2) {
    for (let t = 0; t < (options.trees ?? FOREST_TREES); t++) {
      const k = t % views.length;
      trees[k]!.push(grow(subsample(viewRows[k]!, psi, next), 0, maxDepth, next));
    }
  }
  return views.map((view, k) => ({ map: maps[view], forest: compile(trees[k]!) }));
}

/** Sum of path lengths over every tree, per flow; credits accumulate in place. */
function walkAll(forests: readonly ViewForest[], xs: readonly Float64Array[], credits: readonly Float64Array[]): Float64Array {
  const depths = new Float64Array(xs.length);
  for (const { map, forest } of forests) {
    const viewed = xs.map(map);
    // Tree by tree over the whole batch: one tree stays in cache while every flow walks it.
    for (const root of forest.roots) {
      for (let j = 0; j < viewed.length; j++) depths[j]! += pathLength(forest, root, viewed[j]!, credits[j]!);
    }
  }
  return depths;
}

/** Feature values on the scoring scale, NaN standing for null inside the hot loop only (a typed array keeps it fast). */
function pack(values: FeatureValues): Float64Array {
  return Float64Array.from(FEATURE_NAMES, (n) => toScaled(n, values[n]) ?? Number.NaN);
}

function subsample(rows: readonly Row[], n: number, next: () => number): Row[] {
  // Every row taken: a tree does not depend on row order, so no shuffle (and no PRNG draws).
  if (n >= rows.length) return [...rows];
  const idx = rows.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(next, idx.length - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).map((i) => rows[i]!);
}

function grow(rows: Row[], depth: number, maxDepth: number, next: () => number): Node {
  if (depth >= maxDepth || rows.length <= 1) return { size: rows.length };
  const features = FEATURE_NAMES.map((_, i) => i);
  // Try features in random order; one constant (or all-null) at this node cannot split.
  for (let k = features.length; k > 0; k--) {
    const pick = randomInt(next, k);
    const f = features[pick]!;
    features[pick] = features[k - 1]!;
    const range = rangeOf(rows, f);
    if (range === null) continue;
    const threshold = range[0] + next() * (range[1] - range[0]);
    const nullLeft = next() < 0.5;
    const goesLeft = (v: number | null): boolean => (v === null ? nullLeft : v < threshold);
    const left = rows.filter((r) => goesLeft(r[f]!));
    const right = rows.filter((r) => !goesLeft(r[f]!));
    return {
      feature: f,
      threshold,
      lo: range[0],
      hi: range[1],
      nullLeft,
      size: rows.length,
      left: grow(left, depth + 1, maxDepth, next),
      right: grow(right, depth + 1, maxDepth, next),
    };
  }
  return { size: rows.length };
}

function rangeOf(rows: readonly Row[], f: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    const v = r[f];
    if (v === null || v === undefined) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > lo ? [lo, hi] : null;
}

