import { FEATURE_NAMES, type FeatureValues } from '../features/index.ts';
import type { Baseline } from './baseline-schema.ts';
import { toScaled } from './fit-baseline.ts';
import { calibratedThreshold } from './calibrated-threshold.ts';
import type { Contributions, Scorer, ScoreResult } from './types.ts';

/** |z| beyond this is clipped: one broken counter should not outweigh every other feature. */
export const Z_CLIP = 30;
/** Fallback threshold when the baseline has no sample to calibrate on: an RMS z of 3 is clearly unusual. */
export const ROBUST_Z_THRESHOLD = 3;

/**
 * Robust z-score scorer. Per feature: z = (t(x) − median) / scale on the transformed scale (see
 * fit-baseline.ts for the scale rule), clipped to ±Z_CLIP. The flow's score is the root mean square
 * of z over its non-null features; null features are left out (not imputed) and get a null
 * contribution. Contribution = sign(z) · z² / (n · score), so the |contributions| add up to the
 * score and the sign says whether the value is above (+) or below (−) the baseline.
 *
 * @example
 * const scorer = createRobustZ(baseline);
 * scorer.score(values).score; // 4.2
 */
export function createRobustZ(baseline: Baseline): Scorer {
  const params = FEATURE_NAMES.map((n) => baseline.features[n].scoring);
  const fromScaled = (x: readonly (number | null)[]): ScoreResult => {
    const z: (number | null)[] = x.map((v, i) => {
      if (v === null || baseline.features[FEATURE_NAMES[i]!].count === 0) return null;
      const p = params[i]!;
      return Math.max(-Z_CLIP, Math.min(Z_CLIP, (v - p.center) / p.scale));
    });
    const used = z.filter((v): v is number => v !== null);
    const sumSq = used.reduce((s, v) => s + v * v, 0);
    const score = used.length > 0 ? Math.sqrt(sumSq / used.length) : 0;
    const contributions = Object.fromEntries(
      FEATURE_NAMES.map((n, i) => {
        const v = z[i]!;
        if (v === null) return [n, null];
        return [n, score > 0 ? (Math.sign(v) * v * v) / (used.length * score) : 0];
      }),
    ) as Contributions;
    return { score, contributions };
  };
  const score = (values: FeatureValues): ScoreResult => fromScaled(FEATURE_NAMES.map((n) => toScaled(n, values[n])));
  return {
    method: 'robust-z',
    threshold: calibratedThreshold(baseline.sample.map((row) => fromScaled(row).score), ROBUST_Z_THRESHOLD),
    score,
    scores: (batch) => Float64Array.from(batch, (values) => score(values).score),
    scoresAsync: async (batch) => Float64Array.from(batch, (values) => score(values).score),
  };
}
