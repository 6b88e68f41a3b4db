/** Metrics of bench/quality.ts: binary label benign vs anything else. */

/** ROC-AUC with mid-ranks for ties (Mann–Whitney U). */
export function rocAuc(scores: readonly number[], anomaly: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const pos = anomaly.filter((a) => a === 1).length;
  const neg = anomaly.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  const rankSum = anomaly.reduce((s, a, i) => s + (a === 1 ? ranks[i]! : 0), 0);
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Precision of the k highest scores; a tie group straddling k counts by its anomaly share (expected value). */
export function precisionAtK(scores: readonly number[], anomaly: readonly number[], k: number): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const kth = scores[idx[k - 1]!]!;
  const above = idx.filter((i) => scores[i]! > kth);
  const tied = idx.filter((i) => scores[i] === kth);
  const hitsAbove = above.filter((i) => anomaly[i] === 1).length;
  const tiedShare = tied.filter((i) => anomaly[i] === 1).length / tied.length;
  return (hitsAbove + (k - above.length) * tiedShare) / k;
}

/** Benign vs anything else, from whichever label columns the input has. */
export function isAnomaly(labels: Record<string, string>): number {
  const lower = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k.toLowerCase(), v.trim().toLowerCase()]));
  if (lower.attack !== undefined) return lower.attack === 'benign' ? 0 : 1;
  if (lower.label !== undefined) return ['0', 'benign', 'normal'].includes(lower.label) ? 0 : 1;
  throw new Error(`no label column in ${JSON.stringify(labels)}`);
}

