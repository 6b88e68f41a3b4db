import type { TableRow } from './deps.ts';

/** A value as an analyst reads it: grouped digits, at most 2 decimals, its unit, and "not applicable" for null. */
export function formatValue(value: TableRow['value'], unit = ''): string {
  if (value === null) return 'not applicable';
  if (typeof value === 'string') return value;
  const shown = Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
  return unit && unit !== 'count' && unit !== '1' ? `${shown} ${unit}` : shown;
}

/** "percentile 99.97" (a decimal percentile takes no ordinal suffix). */
export function formatPercentile(p: number): string {
  return `percentile ${Number(p.toFixed(2))}`;
}

/** File-name-safe form of a flow id. */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'flow';
}

/** `explain-flow@v1`, whether the template's version is stored as "1" or "v1". */
export function promptRef(template: { id: string; version: string }): string {
  return `${template.id}@${template.version.startsWith('v') ? template.version : `v${template.version}`}`;
}
