import { maxTreeNodes, type ForestBuilder } from './compact-forest.ts';
import { randomInt } from './prng.ts';

/**
 * Training rows column by column (one Float64Array per feature, NaN = null): growing partitions an
 * index array in place instead of copying rows, which is what keeps 500 trees of 4,096 rows quick.
 */
export interface Columns {
  readonly values: readonly Float64Array[];
  readonly rows: number;
}

/** Rows (NaN = null) to columns. */
export function toColumns(rows: readonly Float64Array[], features: number): Columns {
  const values = Array.from({ length: features }, (_, f) => Float64Array.from(rows, (r) => r[f]!));
  return { values, rows: rows.length };
}

/**
 * Grow one isolation tree on n rows drawn without replacement (all rows, unshuffled, when n covers
 * them) into `forest`, node by node in depth-first order: no object per node, and no second pass to
 * lay the tree out for walking. Returns the rows' final order: the rows of each node are a contiguous run
 * of it (what training-walk.ts reads the training rows' paths from).
 */
export function growTree(columns: Columns, n: number, maxDepth: number, next: () => number, forest: ForestBuilder): Int32Array {
  const idx = new Int32Array(columns.rows);
  for (let i = 0; i < idx.length; i++) idx[i] = i; // Int32Array.from with a map function was a fifth of the growing
  if (n < columns.rows) {
    for (let i = 0; i < n; i++) {
      const j = i + randomInt(next, columns.rows - i);
      const t = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = t;
    }
  }
  forest.startTree(maxTreeNodes(maxDepth));
  grow(columns, idx, 0, Math.min(n, columns.rows), 0, maxDepth, next, new Int32Array(columns.values.length), forest);
  return idx;
}

/** Node over idx[from, to): a random feature that varies there, a threshold uniform in its range. */
function grow(columns: Columns, idx: Int32Array, from: number, to: number, depth: number, maxDepth: number, next: () => number, features: Int32Array, forest: ForestBuilder): void {
  const size = to - from;
  if (depth >= maxDepth || size <= 1) return forest.leaf(size);
  // One scratch array for the whole tree: a node is done with it before its children are grown.
  for (let i = 0; i < features.length; i++) features[i] = i;
  // Try features in random order; one constant (or all-null) at this node cannot split.
  for (let k = features.length; k > 0; k--) {
    const pick = randomInt(next, k);
    const f = features[pick]!;
    features[pick] = features[k - 1]!;
    const col = columns.values[f]!;
    rangeOf(col, idx, from, to);
    const lo = range[0]!;
    const hi = range[1]!;
    if (!(hi > lo)) continue;
    const threshold = lo + next() * (hi - lo);
    const nullLeft = next() < 0.5;
    const mid = partition(col, idx, from, to, threshold, nullLeft);
    const node = forest.split(f, threshold, lo, hi, nullLeft);
    grow(columns, idx, from, mid, depth + 1, maxDepth, next, features, forest);
    forest.rightChild(node);
    grow(columns, idx, mid, to, depth + 1, maxDepth, next, features, forest);
    return forest.splitSizes(node, size, mid - from, to - mid);
  }
  return forest.leaf(size);
}

/** rangeOf's result, [lo, hi]: a returned pair would be an allocation per feature tried at every node. */
const range = new Float64Array(2);

function rangeOf(col: Float64Array, idx: Int32Array, from: number, to: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = col[idx[i]!]!;
    if (v < lo) lo = v; // NaN compares false both ways: nulls never set the range
    if (v > hi) hi = v;
  }
  range[0] = lo;
  range[1] = hi;
}

/**
 * Move the rows that go left to the front of idx[from, to); returns where the right side starts.
 * Branch-free (the side is a coin flip a row, so a branch is mispredicted about half the time): every
 * row is swapped with the first right-side row, which keeps both sides as sets but not their order,
 * and nothing reads the order (ranges and partitions of a node's rows do not depend on it). NaN
 * compares false both ways: `!(v >= threshold)` sends it left, `v < threshold` right.
 */
function partition(col: Float64Array, idx: Int32Array, from: number, to: number, threshold: number, nullLeft: boolean): number {
  let mid = from;
  if (nullLeft) {
    for (let i = from; i < to; i++) {
      const t = idx[i]!;
      idx[i] = idx[mid]!;
      idx[mid] = t;
      mid += +!(col[t]! >= threshold);
    }
  } else {
    for (let i = from; i < to; i++) {
      const t = idx[i]!;
      idx[i] = idx[mid]!;
      idx[mid] = t;
      mid += +(col[t]! < threshold);
    }
  }
  return mid;
}
