import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/score/prng.ts';
import { QuantileSketch, weightedQuantile } from '../../src/score/quantile-sketch.ts';

/** The sketch as first written (plain arrays, a stable comparator sort): what baselines were fitted with. */
function referenceWeighted(values: readonly number[], capacity: number): { values: number[]; weights: number[] } {
  const levels: number[][] = [[]];
  let flip = 0;
  for (const value of values) {
    levels[0]!.push(value);
    for (let h = 0; h < levels.length; h++) {
      const level = levels[h]!;
      if (level.length < capacity) break;
      level.sort((a, b) => a - b);
      if (levels[h + 1] === undefined) levels.push([]);
      const keep = level.length % 2 === 1 ? level.pop() : undefined;
      const offset = flip++ % 2;
      for (let i = offset; i < level.length; i += 2) levels[h + 1]!.push(level[i]!);
      level.length = 0;
      if (keep !== undefined) level.push(keep);
    }
  }
  const pairs = levels.flatMap((level, h) => level.map((v) => [v, 2 ** h] as const)).sort((a, b) => a[0] - b[0]);
  const k = values.length / pairs.reduce((s, p) => s + p[1], 0);
  return { values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] * k) };
}

describe('QuantileSketch', () => {
  it('keeps the same items in the same order as the plain-array sketch, −0 and +0 included', () => {
    const next = createPrng(4);
    // ties, both zeros, small and large values: every level is sorted and promoted many times
    const values = Array.from({ length: 30_000 }, () => {
      const r = next();
      return r < 0.1 ? -0 : r < 0.2 ? 0 : r < 0.5 ? Math.floor(next() * 20) - 5 : Math.exp(next() * 12);
    });
    const sketch = new QuantileSketch(64);
    for (const v of values) sketch.add(v);
    const got = sketch.weighted();
    const expected = referenceWeighted(values, 64);
    expect(got.values.length).toBe(expected.values.length);
    expect(got.values.every((v, i) => Object.is(v, expected.values[i]))).toBe(true);
    expect(got.weights).toEqual(expected.weights);
    expect(got.values.some((v) => Object.is(v, -0))).toBe(true);
  });

  it('stays bounded and keeps rank error around 1 % on 200k values', () => {
    const sketch = new QuantileSketch(512);
    const next = createPrng(1);
    for (let i = 0; i < 200_000; i++) sketch.add(next() * 1000);
    expect(sketch.size).toBeLessThan(512 * 12);
    const { values, weights } = sketch.weighted();
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(200_000, 3);
    for (const q of [0.01, 0.25, 0.5, 0.9, 0.99]) {
      expect(Math.abs(weightedQuantile(values, weights, q) - q * 1000)).toBeLessThan(15);
    }
    expect(sketch.min).toBeLessThan(0.1);
    expect(sketch.max).toBeGreaterThan(999.9);
  });

  it('is exact while under capacity', () => {
    const sketch = new QuantileSketch(64);
    [5, 1, 3, 2, 4].forEach((v) => sketch.add(v));
    const { values, weights } = sketch.weighted();
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(weightedQuantile(values, weights, 0.5)).toBe(3);
  });
});
