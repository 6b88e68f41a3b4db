import { describe, expect, it } from 'vitest';
import { ForestBuilder, maxTreeNodes } from '../../src/score/compact-forest.ts';
import { createCreditWalker, reserveWalkSetup } from '../../src/score/forest-walk.ts';
import { growTree, toColumns } from '../../src/score/grow-tree.ts';
import { createPrng } from '../../src/score/prng.ts';
import { trainingWalk } from '../../src/score/training-walk.ts';
import { WalkMemory } from '../../src/score/walk-memory.ts';

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('trainingWalk', () => {
  // Two views of 300 rows and 4 features: the second null in a third of the rows, the fourth constant
  // (never split on), ties in the third; every tree grown on all the rows.
  const next = createPrng(11);
  const raw = Array.from({ length: 300 }, (_, i) => Float64Array.from([next() * 50, i % 3 === 0 ? Number.NaN : next() * 10, i % 7, 4]));
  const views = [raw, raw.map((r) => r.map((v) => (Number.isNaN(v) ? v : Math.sqrt(v) * 3)))];
  const memory = new WalkMemory(0);
  const grown = views.map((rows) => {
    const columns = toColumns(rows, 4);
    const builder = new ForestBuilder(30 * maxTreeNodes(7), memory);
    const orders = Array.from({ length: 30 }, () => growTree(columns, 300, 7, next, builder));
    return { compact: builder.finish(), columns, orders };
  });

  it('gives the training rows the path lengths and credits the attribution walk gives them, to the bit', () => {
    const walk = createCreditWalker(reserveWalkSetup(grown.map((g) => g.compact), 300, 4));
    const credits = new Float64Array(300 * 4);
    const depths = walk(views.map((rows) => Float64Array.from(rows.flatMap((r) => [...r]))), 300, credits);
    const replayed = trainingWalk(grown, 4);
    expect(same(replayed.depths, depths)).toBe(true);
    expect(same(replayed.credits, credits)).toBe(true);
    // not trivially: the rows differ, nulls and the constant feature get no credit, the others do
    expect(new Set(depths).size).toBeGreaterThan(100);
    expect(credits.filter((_, i) => i % 4 === 3).every((c) => c === 0)).toBe(true);
    expect(credits.filter((_, i) => i % 4 === 1 && Number.isNaN(raw[(i - 1) / 4]![1]!)).every((c) => c === 0)).toBe(true);
    expect(credits.filter((_, i) => i % 4 === 0).every((c) => c > 0)).toBe(true);
  });

  it('gives nothing for a forest without trees', () => {
    const empty = new ForestBuilder(1, new WalkMemory(0)).finish();
    const { depths, credits } = trainingWalk([{ compact: empty, columns: toColumns(raw.slice(0, 3), 4), orders: [] }], 4);
    expect([...depths, ...credits]).toEqual(new Array(15).fill(0));
  });
});
