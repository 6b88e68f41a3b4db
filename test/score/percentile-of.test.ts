import { describe, expect, it } from 'vitest';
import { percentileOf } from '../../src/score/percentile-of.ts';
import { fitOn, makeValues } from './support.ts';

describe('percentileOf', () => {
  // 1..100 once each: the percentile of v is close to v.
  const baseline = fitOn(Array.from({ length: 100 }, (_, i) => makeValues({ IN_PKTS: i + 1, src_flows_in_window: i < 90 ? 1 : 5 })));
  const grid = baseline.quantile_grid;

  it.each([
    [0, 0],
    [1000, 100],
    [50, 50],
  ])('IN_PKTS %d reads as percentile %d', (value, expected) => {
    expect(percentileOf(baseline.features.IN_PKTS, grid, value)).toBeCloseTo(expected, 0);
  });

  it('gives a value most flows share the middle of its tied range, not an extreme', () => {
    const p = percentileOf(baseline.features.src_flows_in_window, grid, 1)!;
    expect(p).toBeGreaterThan(40);
    expect(p).toBeLessThan(50);
  });

  it('is null for a null value', () => {
    expect(percentileOf(baseline.features.IN_PKTS, grid, null)).toBeNull();
  });
});
