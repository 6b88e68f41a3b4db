import { averagePathLength } from './average-path-length.ts';
import { WalkMemory } from './walk-memory.ts';

/**
 * Isolation trees laid out for walking (issue 14): 32 bytes a node, in depth-first order so a node's
 * left child is the next node and only the right child's index is stored. Per node, as float64:
 * threshold, lo, hi, then two int32 in the last 8 bytes: the split feature (bit 16 set when nulls go
 * left; -1 at a leaf) and the right child's node index. A leaf keeps c(size) in the threshold slot
and its size (training rows) in the lo slot.
 * The score-only walk (forest-walk.wat's walk) reads nothing else; the attribution walk (its
 * creditWalk) also reads `bits`, three float64 a node.
 */
export interface CompactForest {
  /** 4 float64 a node, in `memory`. */
  readonly nodes: Float64Array;
  /** The same memory as int32: meta at node·8 + 6, right child at node·8 + 7. */
  readonly meta: Int32Array;
  /** First node of each tree, in the order the trees' path lengths are summed (in `memory` too). */
  readonly roots: Int32Array;
  /** The shared memory the nodes and roots are in, which the wasm walk reads. */
  readonly memory: WalkMemory;
  /**
   * Per split node k: log2(size), log2(size / left size), log2(size / right size) at k·3 (sizes in
   * training rows, a child of none counted as 1): the isolation credit of the split. In `memory` too.
   */
  readonly bits: Float64Array;
}

/** Bit of a node's meta set when nulls go left (forest-walk.wat spells it out). */
export const NULL_LEFT = 0x10000;

/**
 * A forest written node by node as the trees grow (grow-tree.ts), in depth-first order, with no
 * object per node, straight into the shared walk memory (walk-memory.ts) that the wasm walk reads
 * on every thread. The space is reserved for the largest forest the trees could make and never
 * copied; only the pages the nodes are written to are ever resident, about a fifth of the bound here.
 */
export class ForestBuilder {
  private readonly nodes: Float64Array;
  private readonly meta: Int32Array;
  private readonly bits: Float64Array;
  private readonly roots: number[] = [];
  private count = 0;

  /** Room for at most `maxNodes` nodes over all the trees, in `memory` (a memory of its own by default). */
  constructor(
    private readonly maxNodes: number,
    private readonly memory = new WalkMemory(maxNodes * 32),
  ) {
    const at = memory.reserve(maxNodes * 32);
    this.nodes = new Float64Array(memory.buffer, at, maxNodes * 4);
    this.meta = new Int32Array(memory.buffer, at, maxNodes * 8);
    const bitsAt = memory.reserve(maxNodes * 24); // before reading the buffer: reserving may grow it
    this.bits = new Float64Array(memory.buffer, bitsAt, maxNodes * 3);
  }

  /** Start a tree of at most `maxNodes` nodes. */
  startTree(maxNodes: number): void {
    if (this.count + maxNodes > this.maxNodes) throw new RangeError(`ForestBuilder: room for ${this.maxNodes} nodes, ${this.count + maxNodes} asked`);
    this.roots.push(this.count);
  }

  leaf(size: number): void {
    const k = this.count++;
    this.nodes[k * 4] = leafPathLength(size);
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
    const at = this.memory.reserve(this.roots.length * 4);
    const roots = new Int32Array(this.memory.buffer, at, this.roots.length);
    roots.set(this.roots);
    return { nodes: this.nodes, meta: this.meta, roots, bits: this.bits, memory: this.memory };
  }
}

/** c(size) by leaf size, computed once a size (hundreds of thousands of leaves share a few thousand sizes). */
const leafLengths = new Float64Array(8192); // 0: not yet computed (c(n) is 0 only for n ≤ 1, which is quick)
function leafPathLength(size: number): number {
  if (size >= leafLengths.length) return averagePathLength(size);
  return leafLengths[size] || (leafLengths[size] = averagePathLength(size));
}

/** Most nodes a tree of depth `maxDepth` can have, 2^(d+1) − 1 (a split can leave one side empty, so the row count does not bound it). */
export const maxTreeNodes = (maxDepth: number): number => 2 ** (maxDepth + 1) - 1;
