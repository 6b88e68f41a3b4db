import { averagePathLength, nodeCount, type Node } from './flat-forest.ts';

/**
 * The trees for score-only walking (issue 14): 32 bytes a node, in depth-first order so a node's left
 * child is the next node and only the right child's index is stored. Per node, as float64:
 * threshold, lo, hi, then two int32 in the last 8 bytes: the split feature (bit 16 set when nulls go
 * left; -1 at a leaf) and the right child's node index. A leaf keeps c(size) in the threshold slot.
 * Attribution needs more per node (flat-forest.ts); only the flows that get tables walk that one.
 */
export interface CompactForest {
  /** 4 float64 a node. */
  readonly nodes: Float64Array;
  /** The same memory as int32: meta at node·8 + 6, right child at node·8 + 7. */
  readonly meta: Int32Array;
  /** First node of each tree, in the order the trees' path lengths are summed. */
  readonly roots: Int32Array;
}

/** Bit of a node's meta set when nulls go left (walkBlock spells it out: it must run alone in a worker). */
const NULL_LEFT = 0x10000;

/** Lay the trees out for walkBlock, in shared memory so walk-pool.ts's workers read them without a copy. */
export function compactForest(trees: readonly Node[]): CompactForest {
  const count = trees.reduce((s, t) => s + nodeCount(t), 0);
  const buffer = new SharedArrayBuffer(count * 32);
  const nodes = new Float64Array(buffer);
  const meta = new Int32Array(buffer);
  const roots = new Int32Array(trees.length);
  let next = 0;
  const place = (n: Node): void => {
    const k = next++;
    if (!('feature' in n)) {
      nodes[k * 4] = averagePathLength(n.size);
      meta[k * 8 + 6] = -1;
      return;
    }
    nodes[k * 4] = n.threshold;
    nodes[k * 4 + 1] = n.lo;
    nodes[k * 4 + 2] = n.hi;
    meta[k * 8 + 6] = n.feature | (n.nullLeft ? NULL_LEFT : 0);
    place(n.left);
    meta[k * 8 + 7] = next;
    place(n.right);
  };
  trees.forEach((t, i) => {
    roots[i] = next;
    place(t);
  });
  return { nodes, meta, roots };
}

/**
 * Add each flow's expected path length over every tree to depths[j], tree by tree over the block (one
 * tree stays in cache while the block walks it). xs holds `count` flows of `width` features, NaN for
 * null. The arithmetic is flat-forest.ts pathLength's, operation for operation, so the scores are the
 * same to the bit; a value inside the split's training range (cut = 0) changes neither the expected
 * depth nor the reach there, so that case skips the sums. Self-contained (no outer names), since
 * walk-pool.ts runs its source text in worker threads.
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
