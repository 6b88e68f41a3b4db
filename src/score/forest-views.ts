import { FEATURE_NAMES } from '../features/index.ts';
import type { Baseline } from './baseline-schema.ts';
import { toScaled } from './fit-baseline.ts';
import { normalQuantile } from './normal-quantile.ts';

/**
 * The scales an isolation tree can draw its split thresholds on. Every view is a monotone map of
 * each feature, so a tree grown on any of them sends a flow the same way a threshold on the raw
 * value would; the views differ only in where thresholds fall (uniformly between a node's min and
 * max), i.e. in which part of a feature's range a tree looks hardest at:
 * - `log`: the scoring scale (log1p for heavy-tailed kinds) — room goes to magnitude, so a flow
 *   far beyond everything else (an elephant upload) isolates fast, even beyond the baseline.
 * - `rank`: the value's baseline percentile, 0..100 — room goes to the body in proportion to its
 *   mass, so a flow is isolated by an unusual combination of ordinary values (a beacon: many
 *   flows from one source, all to one address and port) rather than by a long tail alone.
 * - `normal`: the percentile's normal score — both tails stretched equally, so a cluster at the
 *   low end of a feature (1-packet SYNs that last 10 s: rates in the bottom 1 %) has room too.
 */
export type ForestView = 'log' | 'rank' | 'normal';
export const FOREST_VIEWS: readonly ForestView[] = ['log', 'rank', 'normal'];

/** Percentiles this close to 0 or 100 are clamped before the normal score: ±3.29, the grid's 0.05 % step. */
const NORMAL_CLAMP = 0.0005;

/** Maps a packed flow (features on the scoring scale, NaN = null) to a view; NaN stays NaN. */
export type ViewMap = (x: Float64Array) => Float64Array;

/** The map of each view, built once from the baseline's stored quantiles. */
export function createViewMaps(baseline: Baseline): Record<ForestView, ViewMap> {
  const { percentile, normal } = viewScales(baseline);
  const map = (f: (i: number, v: number) => number): ViewMap => (x) => x.map((v, i) => (Number.isNaN(v) ? v : f(i, v)));
  return { log: (x) => x, rank: map(percentile), normal: map((i, v) => normal(percentile(i, v))) };
}

/**
 * Writes one packed flow (NaN = null) into a block per view at `at`, each value exactly as the view's
 * ViewMap gives it. The scoring hot path (issue 14): no array per flow and view, and one percentile
 * per feature for the rank and normal views together.
 */
export type ViewWriter = (x: Float64Array, blocks: readonly Float64Array[], at: number) => void;

export function createViewWriter(baseline: Baseline, views: readonly ForestView[]): ViewWriter {
  const { percentile, normal } = viewScales(baseline);
  const kinds = Int8Array.from(views, (v) => (v === 'log' ? 0 : v === 'rank' ? 1 : 2));
  const anyPercentile = kinds.some((k) => k !== 0);
  return (x, blocks, at) => {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const p = v !== v || !anyPercentile ? v : percentile(i, v);
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k]!;
        blocks[k]![at + i] = kind === 0 || v !== v ? v : kind === 1 ? p : normal(p);
      }
    }
  };
}

/** A feature's baseline percentile on the scoring scale, and a percentile's clamped normal score. */
function viewScales(baseline: Baseline): { percentile: (i: number, v: number) => number; normal: (percentile: number) => number } {
  // Quantiles on the scoring scale: a packed value compares exactly with them (same transform of
  // the same number), so a value tied with many flows gets its tied range's middle.
  const grid = baseline.quantile_grid;
  const quantiles = FEATURE_NAMES.map((n) => baseline.features[n].quantiles.map((q) => toScaled(n, q)!));
  return {
    percentile: (i, v) => scaledPercentile(quantiles[i]!, grid, v),
    normal: (percentile) => normalQuantile(Math.min(1 - NORMAL_CLAMP, Math.max(NORMAL_CLAMP, percentile / 100))),
  };
}

/**
 * Percentile (0..100) of v among sorted quantiles at `grid`: ties get the middle of their range,
 * between grid points it interpolates (the rule of percentile-of.ts, without its rounding); 50 when
 * the feature was never seen.
 */
export function scaledPercentile(qs: readonly number[], grid: readonly number[], v: number): number {
  const n = qs.length;
  if (n === 0 || n !== grid.length) return 50;
  if (v < qs[0]!) return 0;
  if (v > qs[n - 1]!) return 100;
  const lo = firstAtLeast(qs, v);
  if (qs[lo] === v) return (grid[lo]! + grid[firstAtLeast(qs, v, true) - 1]!) / 2;
  const share = (v - qs[lo - 1]!) / (qs[lo]! - qs[lo - 1]!);
  return grid[lo - 1]! + share * (grid[lo]! - grid[lo - 1]!);
}

/** Index of the first quantile ≥ v (or > v with `strict`); binary search, qs sorted ascending. */
function firstAtLeast(qs: readonly number[], v: number, strict = false): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? qs[mid]! > v : qs[mid]! >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
