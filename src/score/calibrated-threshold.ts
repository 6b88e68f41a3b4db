/** Share of the baseline a default threshold flags. */
export const THRESHOLD_SHARE = 0.01;

/**
 * A scorer's default threshold: the score that only 1 % of the baseline's own sample reaches, so
 * "above the threshold" means "rarer than 99 % of the baseline" whatever the scorer's scale. Falls
 * back to `fallback` when the sample is empty or scores it all 0 (a constant input).
 */
export function calibratedThreshold(sampleScores: readonly number[], fallback: number): number {
  if (sampleScores.length === 0) return fallback;
  const sorted = [...sampleScores].sort((a, b) => a - b);
  const q = sorted[Math.min(sorted.length - 1, Math.floor((1 - THRESHOLD_SHARE) * sorted.length))]!;
  return q > 0 && Number.isFinite(q) ? Number(q.toPrecision(4)) : fallback;
}
