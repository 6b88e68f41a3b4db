import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleForestWalk, WALK_WASM } from '../../scripts/assemble-forest-walk.ts';
import { creditWalk, ForestBuilder, maxTreeNodes } from '../../src/score/compact-forest.ts';
import { createBlockWalker, reserveWalkSetup } from '../../src/score/forest-walk.ts';
import { growTree, toColumns } from '../../src/score/grow-tree.ts';
import { createPrng } from '../../src/score/prng.ts';
import { WalkMemory } from '../../src/score/walk-memory.ts';

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
  const sumsByCreditWalk = (blocks: Float64Array[], count: number): number[] =>
    Array.from({ length: count }, (_, j) => {
      let depth = 0;
      forests.forEach((forest, k) => {
        const x = blocks[k]!.subarray(j * 3, j * 3 + 3);
        for (const root of forest.roots) depth += creditWalk(forest, root, x, new Float64Array(3));
      });
      return depth;
    });

  it.each([1, 3, 8, 13, 64])('sums the same path lengths to the bit as the attribution walk (%i flows)', (count) => {
    const walk = createBlockWalker(reserveWalkSetup(forests, 64, 3));
    const blocks = flows(count);
    const got = Array.from(walk(blocks, count));
    const expected = sumsByCreditWalk(blocks, count);
    expect(got.every((d, j) => Object.is(d, expected[j]))).toBe(true);
    expect(new Set(got).size).toBeGreaterThan(count / 2); // not one value for every flow
  });

  it('refuses a block larger than its scratch', () => {
    const walk = createBlockWalker(reserveWalkSetup(forests, 4, 3));
    expect(() => walk(flows(5), 5)).toThrow(RangeError);
  });
});
