import { FEATURE_NAMES, type FeatureValues } from '../features/index.ts';
import type { Baseline } from './baseline-schema.ts';
import { toScaled } from './fit-baseline.ts';
import { createPrng, randomInt } from './prng.ts';
import type { Contributions, Scorer } from './types.ts';

type Row = readonly (number | null)[];

interface Leaf {
  size: number;
}
interface Split {
  feature: number;
  threshold: number;
  /** Range of the split feature among the node's training rows. */
  lo: number;
  hi: number;
  /** Where a null value goes: chosen at random when the tree is grown, then fixed. */
  nullLeft: boolean;
  left: Node;
  right: Node;
  /** Training rows at this node, and in each child: the split's isolation credit is log2(size/child). */
  size: number;
}
type Node = Leaf | Split;

export interface IsolationForestOptions {
  /** @default 200 */
  trees?: number;
  /** Rows per tree. @default 256 */
  sampleSize?: number;
  /** @default 42 */
  seed?: number;
}

/** Default threshold: the original paper's 0.5 (scores near 1 are anomalies, well below 0.5 normal). */
export const ISOLATION_FOREST_THRESHOLD = 0.5;

/**
 * Isolation forest (Liu, Ting, Zhou 2008) on the transformed features of the baseline's reservoir
 * sample, grown with a seeded PRNG so every run gives the same scores. Null values are never
 * imputed: each split sends them to a side fixed at random when the tree is grown.
 *
 * Attribution (documented in README "Scoring"): on the flow's path through each tree, the split on
 * feature f that shrinks the node from n to m training rows credits f with log2(n / m) bits of
 * isolation; credits are summed over the trees and the score is shared out in proportion. The sign
 * says whether the value is above (+) or below (−) the baseline median; null values get null.
 */
export function createIsolationForest(baseline: Baseline, options: IsolationForestOptions = {}): Scorer {
  const rows = baseline.sample;
  const next = createPrng(options.seed ?? 42);
  const psi = Math.max(2, Math.min(options.sampleSize ?? 256, rows.length));
  const maxDepth = Math.ceil(Math.log2(psi));
  const forest: Node[] = [];
  if (rows.length >= 2) {
    for (let t = 0; t < (options.trees ?? 200); t++) forest.push(grow(subsample(rows, psi, next), 0, maxDepth, next));
  }
  const norm = averagePathLength(psi);
  const centers = FEATURE_NAMES.map((n) => baseline.features[n].scoring.center);
  return {
    method: 'isolation-forest',
    threshold: ISOLATION_FOREST_THRESHOLD,
    score(values: FeatureValues) {
      const x = FEATURE_NAMES.map((n) => toScaled(n, values[n]));
      const credit = new Array<number>(FEATURE_NAMES.length).fill(0);
      let depthSum = 0;
      for (const tree of forest) depthSum += pathLength(tree, x, credit);
      const score = forest.length > 0 ? 2 ** -(depthSum / forest.length / norm) : 0;
      const total = credit.reduce((s, c) => s + c, 0);
      const contributions = Object.fromEntries(
        FEATURE_NAMES.map((n, i) => {
          const v = x[i];
          if (v === null || v === undefined) return [n, null];
          const share = total > 0 ? (score * credit[i]!) / total : 0;
          return [n, v < centers[i]! ? -share : share];
        }),
      ) as Contributions;
      return { score, contributions };
    },
  };
}

function subsample(rows: readonly Row[], n: number, next: () => number): Row[] {
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

/**
 * Expected path length of x. A value outside the node's training range of the split feature would
 * have been cut off here with probability (distance outside) / (range stretched to include it), had
 * it been in the training sample; the path ends there with that probability. Without this, a flow
 * far beyond everything in the baseline would look no more isolated than the baseline's maximum.
 */
function pathLength(node: Node, x: readonly (number | null)[], credit: number[]): number {
  let depth = 0;
  let reach = 1; // probability that the walk is still going
  let expected = 0;
  let here = node;
  while ('feature' in here) {
    const v = x[here.feature] ?? null;
    const child = (v === null ? here.nullLeft : v < here.threshold) ? here.left : here.right;
    const outside = v === null ? 0 : v < here.lo ? here.lo - v : v > here.hi ? v - here.hi : 0;
    const cut = outside > 0 ? outside / (here.hi - here.lo + outside) : 0;
    if (v !== null) credit[here.feature]! += reach * (cut * Math.log2(here.size) + (1 - cut) * Math.log2(here.size / Math.max(1, child.size)));
    expected += reach * cut * (depth + 1);
    reach *= 1 - cut;
    here = child;
    depth++;
  }
  return expected + reach * (depth + averagePathLength(here.size));
}

/** c(n): average path length of an unsuccessful search in a binary search tree of n items. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}
