import { describe, expect, it } from 'vitest';
import { ForestBuilder, maxTreeNodes, type CompactForest } from '../../src/score/compact-forest.ts';
import { growTree, toColumns, type Columns } from '../../src/score/grow-tree.ts';
import { createPrng } from '../../src/score/prng.ts';

/** Leaf sizes of the tree at node k, left to right (a leaf keeps its size in the lo slot). */
const leaves = (f: CompactForest, k: number): number[] =>
  f.meta[k * 8 + 6]! < 0 ? [f.nodes[k * 4 + 1]!] : [...leaves(f, k + 1), ...leaves(f, f.meta[k * 8 + 7]!)];

const grown = (columns: Columns, n: number, maxDepth: number, seed: number): CompactForest => {
  const builder = new ForestBuilder(3 * maxTreeNodes(7));
  growTree(columns, n, maxDepth, createPrng(seed), builder);
  return builder.finish();
};

describe('growTree', () => {
  const next = createPrng(3);
  // 2 features: a spread one, and one that is null (NaN) for every third row.
  const rows = Array.from({ length: 300 }, (_, i) => Float64Array.from([next() * 100, i % 3 === 0 ? Number.NaN : i]));
  const columns = toColumns(rows, 2);

  it('grows on n rows drawn from the sample, every row ending in one leaf', () => {
    const forest = grown(columns, 128, 7, 1);
    expect(forest.bits[0]).toBe(Math.log2(128));
    expect(leaves(forest, 0).reduce((s, x) => s + x, 0)).toBe(128);
  });

  it('takes every row when n covers the sample, and stops at the depth limit', () => {
    const forest = grown(columns, 1000, 3, 1);
    expect(forest.bits[0]).toBe(Math.log2(300));
    expect(leaves(forest, 0).reduce((s, x) => s + x, 0)).toBe(300);
    expect(leaves(forest, 0).length).toBeLessThanOrEqual(8);
  });

  it('lays a split out with its left child next and its right child after the left subtree', () => {
    const forest = grown(columns, 128, 7, 1);
    const right = forest.meta[7]!;
    const leftSubtree = leaves(forest, 1).length * 2 - 1; // a full binary subtree: leaves − 1 splits
    expect(right).toBe(1 + leftSubtree);
    expect(forest.nodes[1]).toBeLessThanOrEqual(forest.nodes[0]!); // lo ≤ threshold ≤ hi
    expect(forest.nodes[0]).toBeLessThanOrEqual(forest.nodes[2]!);
  });

  it('is the same tree for the same seed, in several trees one after another', () => {
    const twice = (): CompactForest => {
      const builder = new ForestBuilder(3 * maxTreeNodes(7));
      const next = createPrng(9);
      for (let t = 0; t < 3; t++) growTree(columns, 128, 7, next, builder);
      return builder.finish();
    };
    const [a, b] = [twice(), twice()];
    expect(a.roots).toEqual(b.roots);
    expect(a.roots).toHaveLength(3);
    expect(Array.from(a.nodes)).toEqual(Array.from(b.nodes));
  });

  it('never splits on a constant feature', () => {
    const flat = toColumns(Array.from({ length: 50 }, () => Float64Array.from([7, Number.NaN])), 2);
    const forest = grown(flat, 50, 6, 1);
    expect(forest.meta[6]).toBe(-1);
    expect(leaves(forest, 0)).toEqual([50]);
  });
});
