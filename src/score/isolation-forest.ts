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
  /** @default FOREST_TREES (500) */
  trees?: number;
  /** Rows per tree. @default FOREST_SAMPLE_SIZE (1024) */
  sampleSize?: number;
  /** @default 42 */
  seed?: number;
}

/**
 * 1,024 rows per tree rather than the paper's 256: subtle, small clusters (a 60-flow beacon, a
 * 300-flow SYN flood among 20,000 flows) need enough normal context in a tree to be separated, and
 * the NF-v3 benchmark is unchanged within noise (bench/quality.ts). 500 trees rather than 200: with
 * 200, the rank of such a cluster's best flow moved by ±40 % from one seed to another.
 */
export const FOREST_SAMPLE_SIZE = 1024;
export const FOREST_TREES = 500;

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
  const psi = Math.max(2, Math.min(options.sampleSize ?? FOREST_SAMPLE_SIZE, rows.length));
  const maxDepth = Math.ceil(Math.log2(psi));
  const trees: Node[] = [];
  if (rows.length >= 2) {
    for (let t = 0; t < (options.trees ?? FOREST_TREES); t++) trees.push(grow(subsample(rows, psi, next), 0, maxDepth, next));
  }
  const forest = compile(trees);
  const norm = averagePathLength(psi);
  const centers = FEATURE_NAMES.map((n) => baseline.features[n].scoring.center);
  return {
    method: 'isolation-forest',
    threshold: ISOLATION_FOREST_THRESHOLD,
    score(values: FeatureValues) {
      const x = FEATURE_NAMES.map((n) => toScaled(n, values[n]));
      // NaN stands for null inside the hot loop only (a typed array keeps it fast).
      const packed = Float64Array.from(x, (v) => (v === null ? Number.NaN : v));
      const credit = new Float64Array(FEATURE_NAMES.length);
      let depthSum = 0;
      for (const root of forest.roots) depthSum += pathLength(forest, root, packed, credit);
      const score = forest.roots.length > 0 ? 2 ** -(depthSum / forest.roots.length / norm) : 0;
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
 * The trees flattened into one Float64Array, one record of STRIDE numbers per node in depth-first
 * order: scoring is the hot loop, and a node's fields side by side cost one memory fetch, not eleven.
 */
interface FlatForest {
  roots: number[];
  nodes: Float64Array;
}
// Record layout. FEATURE is -1 for a leaf; LEFT/RIGHT are record indexes; BITS_* are log2(node size),
// log2(node size / left size), log2(node size / right size); LEAF_DEPTH is c(size) at a leaf.
const FEATURE = 0;
const THRESHOLD = 1;
const LO = 2;
const HI = 3;
const NULL_LEFT = 4;
const LEFT = 5;
const RIGHT = 6;
const BITS_HERE = 7;
const BITS_LEFT = 8;
const BITS_RIGHT = 9;
const LEAF_DEPTH = 10;
const STRIDE = 11;

function compile(trees: readonly Node[]): FlatForest {
  const order: Node[] = [];
  const index = new Map<Node, number>();
  const visit = (n: Node): void => {
    index.set(n, order.length);
    order.push(n);
    if ('feature' in n) {
      visit(n.left);
      visit(n.right);
    }
  };
  trees.forEach(visit);
  const nodes = new Float64Array(order.length * STRIDE);
  order.forEach((n, k) => {
    const o = k * STRIDE;
    if (!('feature' in n)) {
      nodes[o + FEATURE] = -1;
      nodes[o + LEAF_DEPTH] = averagePathLength(n.size);
      return;
    }
    nodes[o + FEATURE] = n.feature;
    nodes[o + THRESHOLD] = n.threshold;
    nodes[o + LO] = n.lo;
    nodes[o + HI] = n.hi;
    nodes[o + NULL_LEFT] = n.nullLeft ? 1 : 0;
    nodes[o + LEFT] = index.get(n.left)! * STRIDE;
    nodes[o + RIGHT] = index.get(n.right)! * STRIDE;
    nodes[o + BITS_HERE] = Math.log2(n.size);
    nodes[o + BITS_LEFT] = Math.log2(n.size / Math.max(1, n.left.size));
    nodes[o + BITS_RIGHT] = Math.log2(n.size / Math.max(1, n.right.size));
  });
  return { roots: trees.map((t) => index.get(t)! * STRIDE), nodes };
}

/**
 * Expected path length of x. A value outside the node's training range of the split feature would
 * have been cut off here with probability (distance outside) / (range stretched to include it), had
 * it been in the training sample; the path ends there with that probability. Without this, a flow
 * far beyond everything in the baseline would look no more isolated than the baseline's maximum.
 */
function pathLength(f: FlatForest, root: number, x: Float64Array, credit: Float64Array): number {
  const t = f.nodes;
  let depth = 0;
  let reach = 1; // probability that the walk is still going
  let expected = 0;
  let o = root;
  // `| 0` keeps indexes small integers: a double used as an index takes V8's slow keyed path.
  for (let feature = t[o + FEATURE]! | 0; feature >= 0; feature = t[o + FEATURE]! | 0) {
    const v = x[feature]!;
    const isNull = Number.isNaN(v);
    const goLeft = isNull ? t[o + NULL_LEFT] === 1 : v < t[o + THRESHOLD]!;
    if (!isNull) {
      const lo = t[o + LO]!;
      const hi = t[o + HI]!;
      const outside = v < lo ? lo - v : v > hi ? v - hi : 0;
      const cut = outside > 0 ? outside / (hi - lo + outside) : 0;
      credit[feature]! += reach * (cut * t[o + BITS_HERE]! + (1 - cut) * (goLeft ? t[o + BITS_LEFT]! : t[o + BITS_RIGHT]!));
      expected += reach * cut * (depth + 1);
      reach *= 1 - cut;
    }
    o = (goLeft ? t[o + LEFT]! : t[o + RIGHT]!) | 0;
    depth++;
  }
  return expected + reach * (depth + t[o + LEAF_DEPTH]!);
}

/** c(n): average path length of an unsuccessful search in a binary search tree of n items. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}
