import { formatNumber, type TableRow } from '../../table/index.ts';

export type Direction = 'high' | 'low' | 'typical' | 'unknown';

/** Percentiles at or beyond these count as high / low in the offline narrative. */
const HIGH_PERCENTILE = 90;
const LOW_PERCENTILE = 10;

/** "1 packet", not "1 packets". */
const SINGULAR: Record<string, string> = { bytes: 'byte', packets: 'packet', flows: 'flow', ports: 'port', addresses: 'address', bits: 'bit' };

/** The value as the table's Markdown shows it (the same digits the model and the report see), with its unit. */
export function valueWithUnit(value: number | string | null, unit: string): string {
  if (value === null) return 'null';
  const text = typeof value === 'number' ? formatNumber(value) : `"${value}"`;
  const shown = value === 1 ? (SINGULAR[unit] ?? unit) : unit;
  return shown ? `${text} ${shown}` : text;
}

/** How the row's value sits against its own baseline columns, and nothing else. */
export function directionOf(row: TableRow): Direction {
  const b = row.baseline;
  if (typeof row.value !== 'number' || !b) return 'unknown';
  if ((b.p99 !== null && row.value > b.p99) || (b.percentile !== null && b.percentile >= HIGH_PERCENTILE)) return 'high';
  if (b.percentile !== null && b.percentile <= LOW_PERCENTILE && b.median !== null && row.value < b.median) return 'low';
  if (b.percentile === null && b.median === null) return 'unknown';
  return 'typical';
}

/**
 * The baseline comparison in words, each figure copied from the table: "above the baseline p99
 * (912000 bytes) and at percentile 99.97 of the baseline (baseline median 1840 bytes)".
 */
export function describeBaseline(row: TableRow): string | undefined {
  const b = row.baseline;
  if (typeof row.value !== 'number' || !b) return undefined;
  const v = row.value;
  const parts: string[] = [];
  if (b.p99 !== null && v > b.p99) parts.push(`above the baseline p99 (${valueWithUnit(b.p99, row.unit)})`);
  else if (b.median !== null && v > b.median) parts.push(`above the baseline median (${valueWithUnit(b.median, row.unit)})`);
  else if (b.median !== null && v < b.median) parts.push(`below the baseline median (${valueWithUnit(b.median, row.unit)})`);
  else if (b.median !== null) parts.push(`equal to the baseline median (${valueWithUnit(b.median, row.unit)})`);
  if (b.percentile !== null) parts.push(`at percentile ${formatNumber(b.percentile)} of the baseline`);
  if (b.p99 !== null && v > b.p99 && b.median !== null) parts.push(`whose median is ${valueWithUnit(b.median, row.unit)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
