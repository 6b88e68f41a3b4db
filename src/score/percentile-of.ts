import type { FeatureBaseline } from './baseline-schema.ts';

/**
 * Percentile (0–100) of `value` within a feature's baseline, read from its stored quantiles.
 * Ties (a value many flows share, like 1 flow in the window) get the middle of the tied range,
 * so a common value does not read as extreme; between grid points it interpolates linearly.
 * Null when the value is null or the baseline never saw the feature.
 */
export function percentileOf(baseline: FeatureBaseline, grid: readonly number[], value: number | null): number | null {
  const qs = baseline.quantiles;
  if (value === null || qs.length === 0 || qs.length !== grid.length) return null;
  if (value < qs[0]!) return 0;
  if (value > qs[qs.length - 1]!) return 100;
  const lo = qs.findIndex((q) => q >= value);
  if (qs[lo] === value) return clamp(round((grid[lo]! + grid[lastIndex(qs, (q) => q <= value)]!) / 2));
  // Here qs[lo - 1] < value < qs[lo] (lo ≥ 1, since value ≥ qs[0]).
  const hi = lo - 1;
  const share = (value - qs[hi]!) / (qs[lo]! - qs[hi]!);
  return clamp(round(grid[hi]! + share * (grid[lo]! - grid[hi]!)));
}

function lastIndex(values: readonly number[], test: (v: number) => boolean): number {
  for (let i = values.length - 1; i >= 0; i--) if (test(values[i]!)) return i;
  return -1;
}

const clamp = (p: number): number => Math.min(100, Math.max(0, p));
const round = (p: number): number => Math.round(p * 100) / 100;
