import { z } from 'zod';
import { FeatureName } from '../features/index.ts';

/** Bump when the baseline file layout changes; a file of another version is a BaselineError. */
export const BASELINE_FORMAT_VERSION = 1;
export const BASELINE_FORMAT = 'flowlens-baseline';

/** Percentile points (0–100) stored for every feature: enough to read percentiles and p99 back. */
export const QUANTILE_GRID: readonly number[] = [0, 0.1, 0.5, ...Array.from({ length: 99 }, (_, i) => i + 1), 99.5, 99.9, 100];

const finite = z.number().finite();

export const ScaleRule = z.enum(['mad', 'iqr', 'mean-abs-dev', 'floor']);
export type ScaleRule = z.infer<typeof ScaleRule>;

export const FeatureBaselineSchema = z.object({
  /** Non-null values seen. */
  count: z.number().int().nonnegative(),
  nulls: z.number().int().nonnegative(),
  /** Raw-unit statistics, for the table; null when the feature was null in every row. */
  median: finite.nullable(),
  mad: finite.nullable(),
  p99: finite.nullable(),
  /** Raw values at QUANTILE_GRID (empty when count is 0). */
  quantiles: z.array(finite),
  /** Robust-z parameters on the transformed scale. */
  scoring: z.object({
    transform: z.enum(['log1p', 'none']),
    center: finite,
    scale: finite.positive(),
    scale_rule: ScaleRule,
  }),
});
export type FeatureBaseline = z.infer<typeof FeatureBaselineSchema>;

export const BaselineSchema = z.object({
  format: z.literal(BASELINE_FORMAT),
  version: z.literal(BASELINE_FORMAT_VERSION),
  registry_version: z.number().int(),
  /** The file it was fitted on. */
  source: z.string(),
  rows: z.number().int().nonnegative(),
  window_ms: z.number().positive(),
  quantile_grid: z.array(z.number()),
  features: z.record(FeatureName, FeatureBaselineSchema),
  /**
   * A seeded reservoir sample of feature rows (transformed scale, null kept as null) so the
   * isolation forest can be grown from a saved baseline; bounded by SAMPLE_SIZE rows.
   */
  sample: z.array(z.array(finite.nullable())),
});
export type Baseline = z.infer<typeof BaselineSchema>;
