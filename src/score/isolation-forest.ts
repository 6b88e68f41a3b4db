import { FEATURE_NAMES, type FeatureValues } from '../features/index.ts';
import type { Baseline } from './baseline-schema.ts';
import { toScaledAt } from './fit-baseline.ts';
import { calibratedThreshold } from './calibrated-threshold.ts';
import { percentileOf } from './percentile-of.ts';
import { createPrng } from './prng.ts';
import { growTree, toColumns } from './grow-tree.ts';
import { averagePathLength } from './average-path-length.ts';
import { createViewMaps, createViewWriter, FOREST_VIEWS, type ForestView, type ViewMap } from './forest-views.ts';
import { attributionWeights, typicalCredit } from './forest-attribution.ts';
import { ForestBuilder, maxTreeNodes, type CompactForest } from './compact-forest.ts';
import { createBlockWalker, createCreditWalker, reserveWalkSetup, type BlockWalker, type CreditWalker } from './forest-walk.ts';
import { createWalkPool, defaultWalkThreads, type WalkPool } from './walk-pool.ts';
import { WalkMemory } from './walk-memory.ts';
import { trainingWalk, type GrownForest } from './training-walk.ts';
import type { Contributions, Scorer, ScoreResult } from './types.ts';

export interface IsolationForestOptions {
  /** @default FOREST_TREES (600: 200 a view) */
  trees?: number;
  /** Rows per tree. @default FOREST_SAMPLE_SIZE (4096: the whole reservoir sample) */
  sampleSize?: number;
  /** Scales the trees draw thresholds on, taken in turn tree by tree. @default FOREST_VIEWS (log, rank, normal) */
  views?: readonly ForestView[];
  /** @default 42 */
  seed?: number;
  /**
   * Worker threads for scoresAsync's walks; 1 walks on the calling thread. Scores are the same to the
   * bit in any count. @default defaultWalkThreads() (one a core)
   */
  threads?: number;
}

/**
 * Every tree sees the whole baseline sample (4,096 rows; the paper's 256 is for speed): small,
 * subtle clusters (a 60-flow beacon among 20,000 flows) need all the normal context there is to be
 * told apart, and the trees still differ by their random splits. 600 trees, 200 a view: over five
 * seeds, the demo beacon's best flow ranked 87–195 with 500 trees, 103–178 with 600.
 */
export const FOREST_SAMPLE_SIZE = 4096;
export const FOREST_TREES = 600;

/**
 * Flows walked together, tree by tree, when scoring only (the tree stays in cache across the block):
 * callers hand scoresAsync batches of this many (a batch of 256 fetched every tree from memory again
 * for every 256 flows, and walked 2.4 times slower).
 */
export const SCORE_BLOCK = 4096;
const BLOCK = SCORE_BLOCK;

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
 * Attribution (documented in README "Scoring"; forest-attribution.ts): on the flow's path through
 * each tree, the split on feature f that shrinks the node from n to m training rows credits f with
 * log2(n / m) bits of isolation, summed over the trees. Only the credit beyond what a typical flow
 * gets from f (the mean over the baseline sample, walked once at build time for the threshold
 * anyway) explains the score, and only as far as the value is rare on its own: the weight is that
 * positive excess times −log2 of the value's two-sided baseline tail mass. The score is shared out
 * in proportion to the weights; a feature with no excess gets 0. The sign says whether the value
 * sits above (+) or below (−) the middle of the baseline (its percentile vs 50, so a value tied
 * with a common median reads by its tied range); null values get null.
 */
export function createIsolationForest(baseline: Baseline, options: IsolationForestOptions = {}): Scorer {
  const grownForests = growForests(baseline, options);
  const forests = grownForests.forests;
  // Every tree grown on the whole sample: the sample rows' walks are read off the trees' partitions
  // now, so the row orders (600 × 4,096 int32) are let go before any scoring: held until the
  // calibration, they raised score's peak RSS at 10 M by 29 MB (issue 14, sixth round).
  let trained = grownForests.grown === null ? null : trainingWalk(grownForests.grown, FEATURE_NAMES.length);
  const treeCount = forests.reduce((s, f) => s + f.compact.roots.length, 0);
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
  // What a typical flow collects: the mean credit of the baseline sample's rows (the trees' own
  // training rows), per feature over the rows where it is not null. The walk is needed anyway to
  // calibrate the threshold, so this costs one pass over 18 numbers a row.
  const width = FEATURE_NAMES.length;
  const compacts = forests.map((f) => f.compact);
  const setup = reserveWalkSetup(compacts, BLOCK, width); // the calling thread's scratch
  const creditWalk = createCreditWalker(setup);
  // Computed at the first threshold or attribution, or when the caller says (prepare: beside the
  // scoring walks on the worker threads), not at build time: a run needs the threshold and the
  // typical credits only after its scoring pass, and a subsampled forest walks the sample for them.
  let calibration: { threshold: number; typical: Float64Array } | undefined;
  const calibrate = (): { threshold: number; typical: Float64Array } => {
    if (calibration !== undefined) return calibration;
    const sample = baseline.sample.map((row) => Float64Array.from(row, (v) => v ?? Number.NaN));
    let depths: Float64Array;
    let sampleCredits: Float64Array[];
    if (trained !== null) {
      const walked = trained;
      trained = null;
      depths = walked.depths;
      sampleCredits = sample.map((_, j) => walked.credits.subarray(j * width, (j + 1) * width));
    } else {
      sampleCredits = sample.map(() => new Float64Array(width));
      depths = walkAll(forests, creditWalk, sample, sampleCredits);
    }
    const sampleScores = Array.from(depths, toScore);
    calibration = { threshold: calibratedThreshold(sampleScores, ISOLATION_FOREST_THRESHOLD), typical: typicalCredit(sample, sampleCredits) };
    return calibration;
  };
  const percentiles = createViewMaps(baseline).rank;
  const finish = (values: FeatureValues, x: Float64Array, depthSum: number, credit: Float64Array): ScoreResult => {
    const score = toScore(depthSum);
    const weights = attributionWeights(x, credit, calibrate().typical, percentiles(x));
    const total = weights.reduce((s, c) => s + c, 0);
    const contributions = Object.fromEntries(
      FEATURE_NAMES.map((n, i) => {
        const v = x[i]!;
        if (Number.isNaN(v)) return [n, null];
        const share = total > 0 ? (score * weights[i]!) / total : 0;
        return [n, below(i, v, values[n]) ? -share : share];
      }),
    ) as Contributions;
    return { score, contributions };
  };
  // Attribution walks the trees with credits (creditWalk), for the flows that get tables only.
  const score = (values: FeatureValues): ScoreResult => {
    const x = pack(values);
    const credit = new Float64Array(width);
    return finish(values, x, walkAll(forests, creditWalk, [x], [credit])[0]!, credit);
  };
  // One block of flows as each view sees it (NaN = null), flow after flow.
  const writeViews = createViewWriter(baseline, options.views ?? FOREST_VIEWS);
  const x = new Float64Array(width);
  const viewBlocks = (slice: readonly FeatureValues[]): Float64Array[] => {
    const blocks = forests.map(() => new Float64Array(slice.length * width));
    for (let j = 0; j < slice.length; j++) writeViews(packInto(slice[j]!, x), blocks, j * width);
    return blocks;
  };
  let walker: BlockWalker | undefined; // the calling thread's, made at its first walk
  const scores = (batch: readonly FeatureValues[]): Float64Array => {
    walker ??= createBlockWalker(setup);
    const out = new Float64Array(batch.length);
    for (let from = 0; from < batch.length; from += BLOCK) {
      const slice = batch.slice(from, from + BLOCK);
      walker(viewBlocks(slice), slice.length).forEach((d, j) => (out[from + j] = toScore(d)));
    }
    return out;
  };
  const threads = options.threads ?? defaultWalkThreads();
  let pool: WalkPool | undefined;
  const scoresAsync = async (batch: readonly FeatureValues[]): Promise<Float64Array> => {
    if (threads <= 1) return scores(batch);
    pool ??= createWalkPool(compacts, threads, BLOCK, width);
    const out = new Float64Array(batch.length);
    const walks: Promise<void>[] = [];
    for (let from = 0; from < batch.length; from += BLOCK) {
      const slice = batch.slice(from, from + BLOCK);
      const at = from;
      walks.push(pool.walk(viewBlocks(slice), slice.length).then((depths) => depths.forEach((d, j) => (out[at + j] = toScore(d)))));
    }
    await Promise.all(walks);
    return out;
  };
  return {
    method: 'isolation-forest',
    get threshold() {
      return calibrate().threshold;
    },
    score,
    scores,
    scoresAsync,
    prepare: () => void calibrate(),
  };
}

interface ViewForest {
  map: ViewMap;
  compact: CompactForest;
}

/**
 * Grow the trees, view after view in turn, all from one seeded PRNG. `grown` (each view's columns and
 * the trees' row orders) is set when every tree was grown on the whole sample, unshuffled (see trainingWalk).
 */
function growForests(baseline: Baseline, options: IsolationForestOptions): { forests: ViewForest[]; grown: GrownForest[] | null } {
  const views = options.views ?? FOREST_VIEWS;
  const maps = createViewMaps(baseline);
  const packed = baseline.sample.map((row) => Float64Array.from(row, (v) => v ?? Number.NaN));
  const viewColumns = views.map((view) => toColumns(packed.map(maps[view]), FEATURE_NAMES.length));
  const next = createPrng(options.seed ?? 42);
  const psi = Math.max(2, Math.min(options.sampleSize ?? FOREST_SAMPLE_SIZE, packed.length));
  const maxDepth = Math.ceil(Math.log2(psi));
  const trees = options.trees ?? FOREST_TREES;
  const maxNodes = Math.ceil(trees / views.length) * maxTreeNodes(maxDepth);
  const memory = new WalkMemory(views.length * maxNodes * (32 + 24)); // nodes and their credits
  const builders = views.map(() => new ForestBuilder(maxNodes, memory));
  const orders = views.map((): Int32Array[] => []);
  if (packed.length >= 2) {
    for (let t = 0; t < trees; t++) {
      const k = t % views.length;
      orders[k]!.push(growTree(viewColumns[k]!, psi, maxDepth, next, builders[k]!));
    }
  }
  const forests = views.map((view, k) => ({ map: maps[view], compact: builders[k]!.finish() }));
  const grown = psi >= packed.length ? forests.map(({ compact }, k) => ({ compact, columns: viewColumns[k]!, orders: orders[k]! })) : null;
  return { forests, grown };
}

/** Sum of path lengths over every tree, per flow; credits (one array a flow) accumulate in place. */
function walkAll(forests: readonly ViewForest[], walk: CreditWalker, xs: readonly Float64Array[], credits: readonly Float64Array[]): Float64Array {
  const width = FEATURE_NAMES.length;
  const depths = new Float64Array(xs.length);
  for (let from = 0; from < xs.length; from += BLOCK) {
    const count = Math.min(BLOCK, xs.length - from);
    const blocks = forests.map(({ map }) => {
      const block = new Float64Array(count * width);
      for (let j = 0; j < count; j++) block.set(map(xs[from + j]!), j * width);
      return block;
    });
    const sums = new Float64Array(count * width);
    for (let j = 0; j < count; j++) sums.set(credits[from + j]!, j * width);
    walk(blocks, count, sums).forEach((d, j) => (depths[from + j] = d));
    for (let j = 0; j < count; j++) credits[from + j]!.set(sums.subarray(j * width, (j + 1) * width));
  }
  return depths;
}

/** Feature values on the scoring scale, NaN standing for null inside the hot loop only (a typed array keeps it fast). */
function pack(values: FeatureValues): Float64Array {
  return packInto(values, new Float64Array(FEATURE_NAMES.length));
}

function packInto(values: FeatureValues, x: Float64Array): Float64Array {
  for (let i = 0; i < FEATURE_NAMES.length; i++) x[i] = toScaledAt(i, values[FEATURE_NAMES[i]!]) ?? Number.NaN;
  return x;
}
