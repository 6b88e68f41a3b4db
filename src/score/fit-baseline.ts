import { DEFAULT_WINDOW_MS, FEATURE_NAMES, REGISTRY_VERSION, type FeatureName, type FeatureValues } from '../features/index.ts';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION, QUANTILE_GRID, type Baseline, type FeatureBaseline, type ScaleRule } from './baseline-schema.ts';
import { createPrng, randomInt } from './prng.ts';
import { QuantileSketch, weightedQuantile } from './quantile-sketch.ts';
import { applyTransform, transformOf } from './transform.ts';

/** Rows kept for growing an isolation forest from a saved baseline. */
export const SAMPLE_SIZE = 4096;
/**
 * Smallest robust-z scale (transformed units). With log1p, 0.25 means "a 28 % change is one unit";
 * without it a feature where almost every flow has the same value (MAD 0, IQR 0) would turn a
 * change from 1 to 2 flows into an enormous z.
 */
export const SCALE_FLOOR = 0.25;
const MAD_TO_SD = 1.4826;
const IQR_TO_SD = 1 / 1.349;
const MEAN_ABS_DEV_TO_SD = 1.2533;

export interface BaselineFitter {
  add(values: FeatureValues): void;
  finish(): Baseline;
}

/**
 * Fit a baseline in one streaming pass: one bounded quantile sketch per feature plus a seeded
 * reservoir sample of rows. Memory does not grow with the input.
 *
 * @example
 * const fitter = createBaselineFitter({ source: 'flows.csv' });
 * for (const v of rows) fitter.add(v);
 * const baseline = fitter.finish();
 */
export function createBaselineFitter(options: { source: string; windowMs?: number; seed?: number }): BaselineFitter {
  // By feature index, not name: add() runs once a flow over every feature.
  const sketches = FEATURE_NAMES.map(() => new QuantileSketch());
  const nulls = new Float64Array(FEATURE_NAMES.length);
  const sample: (number | null)[][] = [];
  const next = createPrng(options.seed ?? 42);
  let rows = 0;
  return {
    add(values) {
      rows++;
      for (let i = 0; i < FEATURE_NAMES.length; i++) {
        const v = values[FEATURE_NAMES[i]!];
        if (v === null || v === undefined || !Number.isFinite(v)) nulls[i]!++;
        else sketches[i]!.add(v);
      }
      // Reservoir sampling (Algorithm R): every row has the same chance to be kept. The row is
      // scaled only when it is kept (most are not, past the first SAMPLE_SIZE).
      if (sample.length < SAMPLE_SIZE) sample.push(scaledRow(values));
      else {
        const j = randomInt(next, rows);
        if (j < SAMPLE_SIZE) sample[j] = scaledRow(values);
      }
    },
    finish() {
      const features = Object.fromEntries(
        FEATURE_NAMES.map((n, i) => [n, summarize(n, sketches[i]!, nulls[i]!)]),
      ) as Record<FeatureName, FeatureBaseline>;
      return {
        format: BASELINE_FORMAT,
        version: BASELINE_FORMAT_VERSION,
        registry_version: REGISTRY_VERSION,
        source: options.source,
        rows,
        window_ms: options.windowMs ?? DEFAULT_WINDOW_MS,
        quantile_grid: [...QUANTILE_GRID],
        features,
        sample,
      };
    },
  };
}

/** A feature value on the scoring scale; null stays null (never imputed). */
export function toScaled(name: FeatureName, value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : applyTransform(transformOf(name), value);
}

/** Each feature's transform, by index (toScaled looks it up by name). */
const TRANSFORMS = FEATURE_NAMES.map(transformOf);

/** toScaled of the feature at index i, for the per-flow loops. */
export function toScaledAt(i: number, value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : applyTransform(TRANSFORMS[i]!, value);
}

/** Every feature of a flow on the scoring scale, in FEATURE_NAMES order. */
function scaledRow(values: FeatureValues): (number | null)[] {
  return FEATURE_NAMES.map((n, i) => toScaledAt(i, values[n]));
}

function summarize(name: FeatureName, sketch: QuantileSketch, nullCount: number): FeatureBaseline {
  const transform = transformOf(name);
  if (sketch.count === 0) {
    return {
      count: 0,
      nulls: nullCount,
      median: null,
      mad: null,
      p99: null,
      quantiles: [],
      scoring: { transform, center: 0, scale: 1, scale_rule: 'floor' },
    };
  }
  const { values, weights } = sketch.weighted();
  const q = (p: number): number => (p === 0 ? sketch.min : p === 100 ? sketch.max : weightedQuantile(values, weights, p / 100));
  const median = q(50);
  const rawDev = values.map((v) => Math.abs(v - median));
  const mad = weightedMedianOf(rawDev, weights);
  const t = values.map((v) => applyTransform(transform, v));
  const center = applyTransform(transform, median);
  const { scale, rule } = robustScale(t, weights, center);
  return {
    count: sketch.count,
    nulls: nullCount,
    median,
    mad,
    p99: q(99),
    quantiles: QUANTILE_GRID.map(q),
    scoring: { transform, center, scale, scale_rule: rule },
  };
}

/**
 * Robust scale on the transformed values, first rule that gives a positive number:
 * 1.4826·MAD, then IQR/1.349, then 1.2533·mean absolute deviation from the median; and never
 * below SCALE_FLOOR (a constant feature gets the floor, so z stays finite).
 */
export function robustScale(values: readonly number[], weights: readonly number[], center: number): { scale: number; rule: ScaleRule } {
  const dev = values.map((v) => Math.abs(v - center));
  const mad = MAD_TO_SD * weightedMedianOf(dev, weights);
  const candidates: [number, ScaleRule][] = [
    [mad, 'mad'],
    [IQR_TO_SD * (weightedQuantile(values, weights, 0.75) - weightedQuantile(values, weights, 0.25)), 'iqr'],
    [MEAN_ABS_DEV_TO_SD * weightedMean(dev, weights), 'mean-abs-dev'],
  ];
  for (const [scale, rule] of candidates) {
    if (scale > 0 && Number.isFinite(scale)) return scale >= SCALE_FLOOR ? { scale, rule } : { scale: SCALE_FLOOR, rule: 'floor' };
  }
  return { scale: SCALE_FLOOR, rule: 'floor' };
}

function weightedMedianOf(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  return weightedQuantile(
    order.map((i) => values[i]!),
    order.map((i) => weights[i]!),
    0.5,
  );
}

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    s += v * weights[i]!;
    w += weights[i]!;
  });
  return w > 0 ? s / w : 0;
}
