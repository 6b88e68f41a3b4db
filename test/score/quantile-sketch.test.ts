import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/score/prng.ts';
import { QuantileSketch, weightedQuantile } from '../../src/score/quantile-sketch.ts';

describe('QuantileSketch', () => {
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
