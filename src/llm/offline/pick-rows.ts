import type { FeatureTable, TableRow } from '../../table/index.ts';
import { directionOf } from './compare-row.ts';

/** At most this many rows are discussed as "what stands out". */
export const MAX_TOP_ROWS = 4;

/**
 * The rows that drive the score: largest |contribution| first (the sign only says above or below
 * the baseline median); when the table has no contributions (e.g. a score column from the input),
 * the rows whose value is high or low against their baseline, most extreme percentile first.
 */
export function pickTopRows(table: FeatureTable): TableRow[] {
  const rows = [...table.features, ...table.fields].filter((r) => typeof r.value === 'number');
  const contributing = rows
    .filter((r) => typeof r.contribution === 'number' && r.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution ?? 0) - Math.abs(a.contribution ?? 0));
  if (contributing.length > 0) return contributing.slice(0, MAX_TOP_ROWS);
  return rows
    .filter((r) => directionOf(r) === 'high' || directionOf(r) === 'low')
    .sort((a, b) => extremeness(b) - extremeness(a))
    .slice(0, MAX_TOP_ROWS);
}

function extremeness(row: TableRow): number {
  const p = row.baseline?.percentile;
  return p === null || p === undefined ? 0 : Math.abs(p - 50);
}
