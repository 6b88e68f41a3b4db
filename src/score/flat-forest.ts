/**
 * Isolation trees as grown, and flattened for scoring (see isolation-forest.ts for the method).
 */

export type Row = readonly (number | null)[];

export interface Leaf {
  size: number;
}
export interface Split {
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
export type Node = Leaf | Split;

/**
 * The trees flattened into one Float64Array, one record of STRIDE numbers per node in depth-first
 * order: scoring is the hot loop, and a node's fields side by side cost one memory fetch, not eleven.
 */
export interface FlatForest {
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

export function compile(trees: readonly Node[]): FlatForest {
  const nodes = new Float64Array(trees.reduce((s, t) => s + nodeCount(t), 0) * STRIDE);
  let next = 0;
  // Depth-first, each node's record before its children's; returns the node's record offset.
  const place = (n: Node): number => {
    const o = next++ * STRIDE;
    if (!('feature' in n)) {
      nodes[o + FEATURE] = -1;
      nodes[o + LEAF_DEPTH] = averagePathLength(n.size);
      return o;
    }
    nodes[o + FEATURE] = n.feature;
    nodes[o + THRESHOLD] = n.threshold;
    nodes[o + LO] = n.lo;
    nodes[o + HI] = n.hi;
    nodes[o + NULL_LEFT] = n.nullLeft ? 1 : 0;
    nodes[o + BITS_HERE] = Math.log2(n.size);
    nodes[o + BITS_LEFT] = Math.log2(n.size / Math.max(1, n.left.size));
    nodes[o + BITS_RIGHT] = Math.log2(n.size / Math.max(1, n.right.size));
    nodes[o + LEFT] = place(n.left);
    nodes[o + RIGHT] = place(n.right);
    return o;
  };
  return { roots: trees.map(place), nodes };
}

export function nodeCount(n: Node): number {
  return 'feature' in n ? 1 + nodeCount(n.left) + nodeCount(n.right) : 1;
}

/**
 * Expected path length of x. A value outside the node's training range of the split feature would
 * have been cut off here with probability (distance outside) / (range stretched to include it), had
 * it been in the training sample; the path ends there with that probability. Without this, a flow
 * far beyond everything in the baseline would look no more isolated than the baseline's maximum.
 */
export function pathLength(f: FlatForest, root: number, x: Float64Array, credit: Float64Array): number {
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
