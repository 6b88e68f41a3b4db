import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/features/registry.ts';
import { toScaled } from '../../src/score/fit-baseline.ts';
import { createViewMaps } from '../../src/score/forest-views.ts';
import { normalQuantile } from '../../src/score/normal-quantile.ts';
import { percentileOf } from '../../src/score/percentile-of.ts';
import { fitOn, makeValues } from './support.ts';

const pack = (values: ReturnType<typeof makeValues>): Float64Array => Float64Array.from(FEATURE_NAMES, (n) => toScaled(n, values[n]) ?? Number.NaN);
const at = (name: (typeof FEATURE_NAMES)[number]): number => FEATURE_NAMES.indexOf(name);

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.8, 0.8416212],
    [0.975, 1.959964],
    [0.0005, -3.290527],
    [0.9995, 3.290527],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });

  it('is infinite at 0 and 1, never NaN', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('forest views', () => {
  // IN_PKTS 1..100 once each; src_flows_in_window 1 for 90 flows, 5 for 10.
  const baseline = fitOn(Array.from({ length: 100 }, (_, i) => makeValues({ IN_PKTS: i + 1, src_flows_in_window: i < 90 ? 1 : 5 })));
  const maps = createViewMaps(baseline);

  it('log is the scoring scale itself', () => {
    const x = pack(makeValues({ IN_PKTS: 42 }));
    expect(maps.log(x)).toBe(x);
  });

  it('rank reads a value as its baseline percentile, ties at the middle of their range, as percentileOf does', () => {
    for (const v of [1, 25, 50, 99, 100]) {
      const rank = maps.rank(pack(makeValues({ IN_PKTS: v })))[at('IN_PKTS')]!;
      expect(rank).toBeCloseTo(percentileOf(baseline.features.IN_PKTS, baseline.quantile_grid, v)!, 1);
    }
    const tied = maps.rank(pack(makeValues({ src_flows_in_window: 1 })))[at('src_flows_in_window')]!;
    expect(tied).toBeCloseTo(percentileOf(baseline.features.src_flows_in_window, baseline.quantile_grid, 1)!, 1);
    expect(tied).toBeLessThan(50);
  });

  it('clamps beyond the baseline: rank 0..100, normal score ±3.29', () => {
    const far = pack(makeValues({ IN_PKTS: 1e9 }));
    expect(maps.rank(far)[at('IN_PKTS')]).toBe(100);
    expect(maps.normal(far)[at('IN_PKTS')]).toBeCloseTo(3.2905, 3);
    expect(maps.normal(pack(makeValues({ IN_PKTS: 0 })))[at('IN_PKTS')]).toBeCloseTo(-3.2905, 3);
  });

  it('keeps order and keeps null as null (NaN) in every view', () => {
    const values = [3, 10, 40, 77, 500].map((v) => pack(makeValues({ IN_PKTS: v, inter_arrival_ms: null })));
    for (const map of [maps.rank, maps.normal]) {
      const mapped = values.map((x) => map(x)[at('IN_PKTS')]!);
      expect([...mapped].sort((a, b) => a - b)).toEqual(mapped);
      expect(Number.isNaN(map(values[0]!)[at('inter_arrival_ms')])).toBe(true);
    }
  });
});
