import type { Candidate } from '../facts/derive.ts';
import type { FactRow } from '../facts/table-facts.ts';
import type { Evidence } from '../types.ts';

/** Evidence from table rows, with an optional derivation. */
export function rowEvidence(rows: readonly FactRow[], derivation?: string): Evidence {
  return { rows: rows.map((r) => r.key), values: rows.map((r) => r.value), ...(derivation ? { derivation } : {}) };
}

/** Evidence from a candidate value (direct or derived). */
export function candidateEvidence(c: Candidate): Evidence {
  return { rows: c.rows, values: c.values, ...(c.derivation ? { derivation: c.derivation } : {}) };
}

/** A value as a reader would write it: thousands separators, at most 3 decimals. */
export function show(value: number | string | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
