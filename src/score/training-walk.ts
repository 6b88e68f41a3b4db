import type { CompactForest } from './compact-forest.ts';
import type { Columns } from './grow-tree.ts';

/** One view's forest with what its trees were grown on: the view's columns and each tree's final row order. */
export interface GrownForest {
  readonly compact: CompactForest;
  readonly columns: Columns;
  /** Per tree, in the order of `compact.roots`: growTree's row order (each node's rows are a contiguous run of it). */
  readonly orders: readonly Int32Array[];
}

/**
 * The path lengths and isolation credits of the training rows themselves (the baseline sample, when every
 * tree was grown on all of it, unshuffled), read off the trees' own partitions instead of walking the rows
 * down every tree again (issue 14, sixth round): on the demo's 4,096 rows and 600 trees 90–200 ms, where the
 * attribution walk took 0.3–0.4 s.
 *
 * The same to the bit as forest-walk.wat's creditWalk over the same rows, view after view and tree by tree:
 * a training row lies inside the range of every node it passes, so the walk's cut is 0 and its reach stays 1,
 * and each step adds exactly the split's credit for the side taken (none for a null) to the row's credit for
 * the split feature, and each tree adds depth + c(leaf size) to its path length, in the same order per row
 * (trees in walk order, nodes from the root down). `credits` is rows × width, like a walk block.
 */
export function trainingWalk(forests: readonly GrownForest[], width: number): { depths: Float64Array; credits: Float64Array } {
  const first = forests[0]?.columns;
  const rows = first?.rows ?? 0;
  // Credits and nulls by feature, then row: a split touches one feature's column, which stays in cache
  // (row-major, every credit was a cache miss: 1.3-1.7 times slower). Nulls are the same in every
  // view (each view maps NaN to NaN).
  const isNull = new Uint8Array(rows * width);
  for (let f = 0; f < (first?.values.length ?? 0); f++) {
    const col = first!.values[f]!;
    for (let row = 0; row < rows; row++) isNull[f * rows + row] = col[row] === col[row] ? 0 : 1;
  }
  const walked: Walked = { depths: new Float64Array(rows), credits: new Float64Array(rows * width), isNull, width, rows, sizes: new Int32Array(0), root: 0 };
  for (const { compact, orders } of forests) {
    compact.roots.forEach((root, t) => {
      walked.root = root;
      const count = countNodes(compact, root);
      if (walked.sizes.length < count) walked.sizes = new Int32Array(count);
      subtreeSize(compact, root, walked);
      replay(compact, orders[t]!, root, 0, 0, walked);
    });
  }
  const byRow = new Float64Array(rows * width);
  for (let f = 0; f < width; f++) for (let row = 0; row < rows; row++) byRow[row * width + f] = walked.credits[f * rows + row]!;
  return { depths: walked.depths, credits: byRow };
}

interface Walked {
  depths: Float64Array;
  /** Feature-major while walking: credits[f × rows + row]. */
  credits: Float64Array;
  /** Feature-major (width × rows), like `credits` here: 1 where the row's feature is null. */
  isNull: Uint8Array;
  width: number;
  rows: number;
  /** Training rows under each node of the tree being replayed, by node − root. */
  sizes: Int32Array;
  root: number;
}

/** Nodes in the subtree at k. */
function countNodes(forest: CompactForest, k: number): number {
  const m = forest.meta[k * 8 + 6]!;
  return m < 0 ? 1 : 1 + countNodes(forest, k + 1) + countNodes(forest, forest.meta[k * 8 + 7]!);
}

/** Training rows under node k (the sum of its leaves' sizes), kept in `sizes` for every node of the subtree. */
function subtreeSize(forest: CompactForest, k: number, walked: Walked): number {
  const m = forest.meta[k * 8 + 6]!;
  const size = m < 0 ? forest.nodes[k * 4 + 1]! : subtreeSize(forest, k + 1, walked) + subtreeSize(forest, forest.meta[k * 8 + 7]!, walked);
  walked.sizes[k - walked.root] = size;
  return size;
}

/** Node k holds order[from, from + its size): credit each row its side's bits, then the children's; a leaf adds its path length. */
function replay(forest: CompactForest, order: Int32Array, k: number, from: number, depth: number, walked: Walked): void {
  const { nodes, meta, bits } = forest;
  const { sizes, root, depths, credits, rows, isNull } = walked;
  const m = meta[k * 8 + 6]!;
  const to = from + sizes[k - root]!;
  if (m < 0) {
    const length = depth + nodes[k * 4]!;
    for (let i = from; i < to; i++) depths[order[i]!]! += length;
    return;
  }
  const f = (m & 0xffff) * rows;
  const mid = from + sizes[k + 1 - root]!;
  const left = bits[k * 3 + 1]!;
  const right = bits[k * 3 + 2]!;
  for (let i = from; i < mid; i++) {
    const at = f + order[i]!;
    if (isNull[at] === 0) credits[at]! += left;
  }
  for (let i = mid; i < to; i++) {
    const at = f + order[i]!;
    if (isNull[at] === 0) credits[at]! += right;
  }
  replay(forest, order, k + 1, from, depth + 1, walked);
  replay(forest, order, meta[k * 8 + 7]!, mid, depth + 1, walked);
}
