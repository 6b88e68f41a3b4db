import { sharedMemo } from './shared-memo.ts';
import type { FeatureTable } from '../deps.ts';
import type { Candidate } from './derive.ts';
import type { Dimension } from './dimension.ts';
import type { FactRow } from './table-facts.ts';

/** A baseline statistic, contribution or score figure: what "median", "p99", "percentile", "rank" quote. */
export interface StatFact {
  /** In base units, to compare with a claim. */
  value: number;
  dim: Dimension;
  /** The row (or score / window member) it belongs to. */
  key: string;
  /** As the table gives it. */
  raw: number;
  label: string;
}

/** A row's statistic labels, what "median", "p99", "percentile", "contribution" cite. */
interface RowLabels {
  median: string;
  p99: string;
  percentile: string;
  contribution: string;
}

/** Labels by row key, shared across tables: row names repeat from table to table, so each row's labels are built once. */
const labelsOf = sharedMemo((key: string): RowLabels => ({ median: `baseline median of ${key}`, p99: `baseline p99 of ${key}`, percentile: `percentile of ${key} in the baseline`, contribution: `contribution of ${key}` }));

/** The table's statistics, in the order checkStat prefers them. */
export function statFacts(rows: readonly FactRow[], table: FeatureTable): StatFact[] {
  const out: StatFact[] = [];
  for (const r of rows) {
    const b = r.baseline;
    const hasContribution = typeof r.contribution === 'number';
    if (!b && !hasContribution) continue;
    const label = labelsOf(r.key);
    const factor = r.base !== null && typeof r.value === 'number' && r.value !== 0 ? r.base / r.value : 1;
    if (b?.median != null) out.push({ value: b.median * factor, dim: r.dim, key: r.key, raw: b.median, label: label.median });
    if (b?.p99 != null) out.push({ value: b.p99 * factor, dim: r.dim, key: r.key, raw: b.p99, label: label.p99 });
    if (b?.percentile != null) out.push({ value: b.percentile, dim: 'percent', key: r.key, raw: b.percentile, label: label.percentile });
    if (hasContribution) out.push({ value: r.contribution as number, dim: 'number', key: r.key, raw: r.contribution as number, label: label.contribution });
  }
  const s = table.score;
  if (s) {
    out.push({ value: s.value, dim: 'number', key: 'score', raw: s.value, label: 'score value' });
    out.push({ value: s.rank, dim: 'number', key: 'score.rank', raw: s.rank, label: 'score rank' });
    if (s.of !== undefined) out.push({ value: s.of, dim: 'number', key: 'score.of', raw: s.of, label: 'flows scored' });
    if (s.threshold !== null) out.push({ value: s.threshold, dim: 'number', key: 'score.threshold', raw: s.threshold, label: 'score threshold' });
  }
  if (table.window) out.push({ value: table.window.seconds * 1000, dim: 'time', key: 'window.seconds', raw: table.window.seconds, label: 'window length' });
  return out;
}

/** The Candidate a verdict cites. */
export function statCandidate(s: StatFact): Candidate {
  return { value: s.value, dim: s.dim, rows: [s.key], values: [s.raw], label: s.label };
}
