import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/score/flat-forest.ts';
import { growTree, toColumns } from '../../src/score/grow-tree.ts';
import { createPrng } from '../../src/score/prng.ts';

const leaves = (n: Node): number[] => ('feature' in n ? [...leaves(n.left), ...leaves(n.right)] : [n.size]);

describe('growTree', () => {
  const next = createPrng(3);
  // 2 features: a spread one, and one that is null (NaN) for every third row.
  const rows = Array.from({ length: 300 }, (_, i) => Float64Array.from([next() * 100, i % 3 === 0 ? Number.NaN : i]));
  const columns = toColumns(rows, 2);

  it('grows on n rows drawn from the sample, every row ending in one leaf', () => {
    const tree = growTree(columns, 128, 7, createPrng(1));
    expect(tree.size).toBe(128);
    expect(leaves(tree).reduce((s, x) => s + x, 0)).toBe(128);
  });

  it('takes every row when n covers the sample, and stops at the depth limit', () => {
    const tree = growTree(columns, 1000, 3, createPrng(1));
    expect(tree.size).toBe(300);
    expect(leaves(tree).length).toBeLessThanOrEqual(8);
  });

  it('is the same tree for the same seed', () => {
    expect(growTree(columns, 128, 7, createPrng(9))).toEqual(growTree(columns, 128, 7, createPrng(9)));
  });

  it('never splits on a constant feature', () => {
    const flat = toColumns(Array.from({ length: 50 }, () => Float64Array.from([7, Number.NaN])), 2);
    expect(growTree(flat, 50, 6, createPrng(1))).toEqual({ size: 50 });
  });
});
