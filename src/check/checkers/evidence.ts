import type { Candidate } from '../facts/derive.ts';
import type { FactRow } from '../facts/table-facts.ts';
import type { Evidence } from '../types.ts';

/** Evidence from table rows, with an optional derivation. */
export function rowEvidence(rows: readonly FactRow[], derivation?: string): Evidence {
  const keys = rows.map((r) => r.key);
  const values = rows.map((r) => r.value);
  return derivation ? { rows: keys, values, derivation } : { rows: keys, values };
}

/** Evidence from a candidate value (direct or derived). */
export function candidateEvidence(c: Candidate): Evidence {
  const derivation = c.explain?.() ?? c.label;
  return derivation ? { rows: c.rows, values: c.values, derivation } : { rows: c.rows, values: c.values };
}

/** Thousands separators and at most 3 decimals, without Intl (toLocaleString is slow on a hot path). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 1000) / 1000;
  const text = String(Math.abs(rounded));
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  if (int.length <= 3 || int.includes('e')) return rounded < 0 ? `-${text}` : text;
  // groups of three digits as slices, not one character at a time
  const head = int.length % 3 || 3;
  let grouped = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) grouped += `,${int.slice(i, i + 3)}`;
  return `${rounded < 0 ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

/** A value as a reader would write it: thousands separators, at most 3 decimals. */
export function show(value: number | string | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return formatNumber(value);
}
