/**
 * How the isolation forest shares a flow's score out over its features (see isolation-forest.ts).
 * Raw isolation credit is not enough: every flow, typical or not, collects bits from splits that
 * merely separate big masses, and a flow isolated early collects big credits from whatever feature
 * its small nodes happen to split on — on the demo a bulk upload's src_syn_flows = 0, shared by
 * 24 % of all flows, outranked its 100th-percentile IN_PKTS.
 */

/** Two-sided tail mass floor, 0.1 %: the quantile grid's resolution (a 0.05 % step at each end). */
const TAIL_FLOOR = 0.001;

/**
 * Mean credit per feature that a baseline sample row collects (the trees' own training rows, so a
 * typical flow), over the rows where the feature is not null; 0 for a feature that always is.
 */
export function typicalCredit(sample: readonly Float64Array[], credits: readonly Float64Array[]): Float64Array {
  const features = credits[0]?.length ?? 0;
  const sum = new Float64Array(features);
  const count = new Float64Array(features);
  sample.forEach((x, j) => {
    for (let i = 0; i < features; i++) {
      if (Number.isNaN(x[i]!)) continue;
      sum[i]! += credits[j]![i]!;
      count[i]!++;
    }
  });
  return sum.map((s, i) => (count[i]! > 0 ? s / count[i]! : 0));
}

/**
 * Bits of surprise in the value alone: −log2 of its two-sided baseline tail mass (min(p, 100 − p) / 50).
 * 0 at the median, 2.06 at the 12th percentile, 9.97 beyond the whole baseline.
 */
export function marginalSurprise(percentile: number): number {
  return Math.log2(1 / Math.max(TAIL_FLOOR, Math.min(percentile, 100 - percentile) / 50));
}

/**
 * Weights the score is shared by: the flow's credit from each feature beyond a typical row's
 * (≤ 0 counts 0: the feature isolates this flow no more than any flow), times the value's marginal
 * surprise, so a feature is credited for isolation it both earns in the trees and shows in its own
 * row. Nulls weigh 0. A flow with no positive weight (a typical one) keeps its raw credits, so its
 * contributions still add up to its score.
 */
export function attributionWeights(x: Float64Array, credit: Float64Array, typical: Float64Array, percentiles: Float64Array): Float64Array {
  const weights = credit.map((c, i) => {
    if (Number.isNaN(x[i]!)) return 0;
    const excess = c - typical[i]!;
    return excess > 0 ? excess * marginalSurprise(percentiles[i]!) : 0;
  });
  return weights.some((w) => w > 0) ? weights : credit.map((c, i) => (Number.isNaN(x[i]!) ? 0 : c));
}
