import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleForestWalk, WALK_WASM } from '../../scripts/assemble-forest-walk.ts';
import { ForestBuilder, maxTreeNodes, NULL_LEFT, type CompactForest } from '../../src/score/compact-forest.ts';
import { createBlockWalker, createCreditWalker, reserveWalkSetup } from '../../src/score/forest-walk.ts';
import { growTree, toColumns } from '../../src/score/grow-tree.ts';
import { createPrng } from '../../src/score/prng.ts';
import { WalkMemory } from '../../src/score/walk-memory.ts';

/**
 * The attribution walk as isolation-forest.ts documents it, written plainly (the JavaScript walk the
 * wasm replaced): expected path length of x through the tree at `root`, a value outside a node's
 * training range cut off there with probability (distance outside) / (range stretched to include it),
 * and each split's feature credited reach × (cut × log2(size) + (1 − cut) × log2(size / side's size)).
 */
function referenceWalk(forest: CompactForest, root: number, x: Float64Array, credit: Float64Array): number {
  const { nodes, meta, bits } = forest;
  let depth = 0;
  let reach = 1;
  let expected = 0;
  let o = root;
  for (let m = meta[o * 8 + 6]!; m >= 0; m = meta[o * 8 + 6]!) {
    const feature = m & 0xffff;
    const v = x[feature]!;
    const isNull = Number.isNaN(v);
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

describe('forest walk (WebAssembly)', () => {
  it('is committed as forest-walk.wat assembles (run `npm run build:wasm` after editing the .wat)', async () => {
    expect(Buffer.from(readFileSync(WALK_WASM)).equals(Buffer.from(await assembleForestWalk()))).toBe(true);
  });

  // Two views' forests in one memory; 3 features, the second null in a third of the training rows.
  const next = createPrng(5);
  const rows = Array.from({ length: 400 }, (_, i) => Float64Array.from([next() * 50, i % 3 === 0 ? Number.NaN : next() * 10, i % 7]));
  const memory = new WalkMemory(0);
  const forests = [0, 1].map(() => {
    const builder = new ForestBuilder(25 * maxTreeNodes(8), memory);
    for (let t = 0; t < 25; t++) growTree(toColumns(rows, 3), 256, 8, next, builder);
    return builder.finish();
  });
  // Flows inside, below and above the training ranges, and nulls, as each view sees them.
  const flows = (count: number): Float64Array[] =>
    forests.map(() => Float64Array.from({ length: count * 3 }, (_, i) => (i % 11 === 4 ? Number.NaN : (next() - 0.3) * [80, 16, 9][i % 3]!)));
  /** Path length sums and credits (count × 3) by the reference walk, view after view, tree by tree. */
  const byReference = (blocks: Float64Array[], count: number, credits: Float64Array): number[] =>
    Array.from({ length: count }, (_, j) => {
      let depth = 0;
      const credit = credits.subarray(j * 3, j * 3 + 3);
      forests.forEach((forest, k) => {
        const x = blocks[k]!.subarray(j * 3, j * 3 + 3);
        for (const root of forest.roots) depth += referenceWalk(forest, root, x, credit);
      });
      return depth;
    });
  const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

  it.each([1, 3, 8, 13, 64])('sums the same path lengths to the bit as the reference walk (%i flows)', (count) => {
    const walk = createBlockWalker(reserveWalkSetup(forests, 64, 3));
    const blocks = flows(count);
    const got = Array.from(walk(blocks, count));
    expect(same(got, byReference(blocks, count, new Float64Array(count * 3)))).toBe(true);
    expect(new Set(got).size).toBeGreaterThan(count / 2); // not one value for every flow
  });

  it.each([1, 13, 64])('credits the split features to the bit as the reference walk, on top of what the credits held (%i flows)', (count) => {
    const walk = createCreditWalker(reserveWalkSetup(forests, 64, 3));
    const blocks = flows(count);
    const start = Float64Array.from({ length: count * 3 }, (_, i) => i / 7);
    const [got, expected] = [Float64Array.from(start), Float64Array.from(start)];
    expect(same(walk(blocks, count, got), byReference(blocks, count, expected))).toBe(true);
    expect(same(got, expected)).toBe(true);
    expect(got.some((c, i) => c !== start[i])).toBe(true);
  });

  it('refuses a block larger than its scratch', () => {
    const walk = createBlockWalker(reserveWalkSetup(forests, 4, 3));
    expect(() => walk(flows(5), 5)).toThrow(RangeError);
  });
});
