import { averagePathLength } from './average-path-length.ts';

/**
 * Isolation trees laid out for walking (issue 14): 32 bytes a node, in depth-first order so a node's
 * left child is the next node and only the right child's index is stored. Per node, as float64:
 * threshold, lo, hi, then two int32 in the last 8 bytes: the split feature (bit 16 set when nulls go
 * left; -1 at a leaf) and the right child's node index. A leaf keeps c(size) in the threshold slot
and its size (training rows) in the lo slot.
 * The score-only walk (walkBlock) reads nothing else; the attribution walk (creditWalk) also reads
 * `bits`, three float64 a node.
 */
export interface CompactForest {
  /** 4 float64 a node. */
  readonly nodes: Float64Array;
  /** The same memory as int32: meta at node·8 + 6, right child at node·8 + 7. */
  readonly meta: Int32Array;
  /** First node of each tree, in the order the trees' path lengths are summed. */
  readonly roots: Int32Array;
  /**
   * Per split node k: log2(size), log2(size / left size), log2(size / right size) at k·3 (sizes in
   * training rows, a child of none counted as 1): the isolation credit of the split.
   */
  readonly bits: Float64Array;
}

/** Bit of a node's meta set when nulls go left (walkBlock spells it out: it must run alone in a worker). */
export const NULL_LEFT = 0x10000;

/**
 * A forest written node by node as the trees grow (grow-tree.ts), in depth-first order, with no
 * object per node, straight into the shared memory walk-pool.ts's workers read. The memory is
 * reserved for the largest forest the trees could make and never copied; only the pages the nodes
 * are written to are ever resident (the OS maps zero pages lazily), about a fifth of the bound here.
 */
export class ForestBuilder {
  private readonly nodes: Float64Array;
  private readonly meta: Int32Array;
  private readonly bits: Float64Array;
  private readonly roots: number[] = [];
  private count = 0;

  /** Room for at most `maxNodes` nodes over all the trees. */
  constructor(private readonly maxNodes: number) {
    this.nodes = new Float64Array(new SharedArrayBuffer(maxNodes * 32));
    this.meta = new Int32Array(this.nodes.buffer);
    this.bits = new Float64Array(maxNodes * 3);
  }

  /** Start a tree of at most `maxNodes` nodes. */
  startTree(maxNodes: number): void {
    if (this.count + maxNodes > this.maxNodes) throw new RangeError(`ForestBuilder: room for ${this.maxNodes} nodes, ${this.count + maxNodes} asked`);
    this.roots.push(this.count);
  }

  leaf(size: number): void {
    const k = this.count++;
    this.nodes[k * 4] = averagePathLength(size);
    this.nodes[k * 4 + 1] = size;
    this.meta[k * 8 + 6] = -1;
  }

  /** A split's own fields (returns its node for rightChild and splitSizes); its children follow, left first. */
  split(feature: number, threshold: number, lo: number, hi: number, nullLeft: boolean): number {
    const k = this.count++;
    this.nodes[k * 4] = threshold;
    this.nodes[k * 4 + 1] = lo;
    this.nodes[k * 4 + 2] = hi;
    this.meta[k * 8 + 6] = feature | (nullLeft ? NULL_LEFT : 0);
    return k;
  }

  /** The right child of split k is the next node: call it after k's left subtree is written. */
  rightChild(k: number): void {
    this.meta[k * 8 + 7] = this.count;
  }

  splitSizes(k: number, size: number, left: number, right: number): void {
    this.bits[k * 3] = Math.log2(size);
    this.bits[k * 3 + 1] = Math.log2(size / Math.max(1, left));
    this.bits[k * 3 + 2] = Math.log2(size / Math.max(1, right));
  }

  finish(): CompactForest {
    return { nodes: this.nodes, meta: this.meta, roots: Int32Array.from(this.roots), bits: this.bits };
  }
}

/** Most nodes a tree of depth `maxDepth` can have, 2^(d+1) − 1 (a split can leave one side empty, so the row count does not bound it). */
export const maxTreeNodes = (maxDepth: number): number => 2 ** (maxDepth + 1) - 1;

/**
 * Add each flow's expected path length over every tree to depths[j], tree by tree over the block (one
 * tree stays in cache while the block walks it). xs holds `count` flows of `width` features, NaN for
 * null. The arithmetic is creditWalk's, operation for operation, so the scores are the same to the
 * bit; a value inside the split's training range (cut = 0) changes neither the expected depth nor
 * the reach there, so that case skips the sums. Self-contained (no outer names), since walk-pool.ts
 * runs its source text in worker threads.
 */
export function walkBlock(forest: CompactForest, xs: Float64Array, width: number, count: number, depths: Float64Array): void {
  const { nodes, meta, roots } = forest;
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t]!;
    for (let j = 0; j < count; j++) {
      const base = j * width;
      let o = root;
      let depth = 0;
      let reach = 1;
      let expected = 0;
      for (let m = meta[o * 8 + 6]!; m >= 0; m = meta[o * 8 + 6]!) {
        const v = xs[base + (m & 0xffff)]!;
        let left: boolean;
        if (v !== v) {
          left = (m & 0x10000) !== 0; // NaN: null, sent the side NULL_LEFT says
        } else {
          const d = o * 4;
          left = v < nodes[d]!;
          const lo = nodes[d + 1]!;
          const hi = nodes[d + 2]!;
          if (v < lo || v > hi) {
            const outside = v < lo ? lo - v : v - hi;
            const cut = outside / (hi - lo + outside);
            expected += reach * cut * (depth + 1);
            reach *= 1 - cut;
          }
        }
        o = left ? o + 1 : meta[o * 8 + 7]!;
        depth++;
      }
      depths[j]! += expected + reach * (depth + nodes[o * 4]!);
    }
  }
}

/**
 * Expected path length of x (features on the tree's view, NaN = null) through the tree at `root`,
 * crediting each split's feature with its bits of isolation (forest-attribution.ts) in `credit`. A
 * value outside the node's training range of the split feature would have been cut off here with
 * probability (distance outside) / (range stretched to include it), had it been in the training
 * sample; the path ends there with that probability. Without this, a flow far beyond everything in
 * the baseline would look no more isolated than the baseline's maximum.
 */
export function creditWalk(forest: CompactForest, root: number, x: Float64Array, credit: Float64Array): number {
  const { nodes, meta, bits } = forest;
  let depth = 0;
  let reach = 1; // probability that the walk is still going
  let expected = 0;
  let o = root;
  for (let m = meta[o * 8 + 6]!; m >= 0; m = meta[o * 8 + 6]!) {
    const feature = m & 0xffff;
    const v = x[feature]!;
    const isNull = v !== v;
    const goLeft = isNull ? (m & NULL_LEFT) !== 0 : v < nodes[o * 4]!;
    if (!isNull) {
      const lo = nodes[o * 4 + 1]!;
      const hi = nodes[o * 4 + 2]!;
      const outside = v < lo ? lo - v : v > hi ? v - hi : 0;
      const cut = outside > 0 ? outside / (hi - lo + outside) : 0;
      credit[feature]! += reach * (cut * bits[o * 3]! + (1 - cut) * (goLeft ? bits[o * 3 + 1]! : bits[o * 3 + 2]!));
      expected += reach * cut * (depth + 1);
      reach *= 1 - cut;
    }
    o = goLeft ? o + 1 : meta[o * 8 + 7]!;
    depth++;
  }
  return expected + reach * (depth + nodes[o * 4]!);
}
