import type { FeatureTable } from '../deps.ts';
import { formatNumber as fmt } from '../checkers/evidence.ts';
import type { Dimension } from './dimension.ts';
import type { DerivedSet } from './derived-set.ts';
import type { FactRow } from './table-facts.ts';
import type { Span } from './span.ts';

/** A value the table gives or implies, with the rows it came from and how. */
export interface Candidate {
  value: number;
  dim: Dimension;
  rows: string[];
  values: Array<number | string | null>;
  /** How it was derived; built only when a verdict cites it. */
  explain?: () => string;
  /** Short fixed label (baseline statistics, the window length, end − start). */
  label?: string;
}

/** The rows a derivation search runs over, prepared once per table. */
export interface DerivationBase {
  numeric: readonly FactRow[];
  durations: readonly FactRow[];
  buckets: readonly FactRow[];
  bucketTotal: number;
  /** Extra time values: the window length and end − start. */
  times: readonly Candidate[];
  /** The derived values of each dimension asked about so far (derived-set.ts fills it lazily). */
  sets: Map<Dimension, DerivedSet>;
}

const DURATION_KEY = /duration|^DURATION_/i;

/** Prepare the rows for searching. Rows with a data-quality note (a wrapped counter) back nothing at face value. */
export function derivationBase(rows: readonly FactRow[], table: FeatureTable, span: Span | undefined): DerivationBase {
  const noted = new Set(table.notes.map((n) => n.field));
  const numeric = rows.filter((r) => r.base !== null && r.dim !== 'code' && r.dim !== 'instant' && !noted.has(r.key));
  const durations = numeric.filter((r) => r.dim === 'time' && DURATION_KEY.test(r.key) && r.base! > 0);
  const times: Candidate[] = [];
  const seconds = table.window?.seconds;
  // fixed labels rather than explain closures: two per table, and a closure costs more than the text
  if (seconds !== undefined) times.push({ value: seconds * 1000, dim: 'time', rows: ['window.seconds'], values: [seconds], label: `window length ${seconds} s` });
  if (span) {
    const [start, end] = span.rows;
    const ms = span.ms;
    times.push({ value: ms, dim: 'time', rows: [start.key, end.key], values: [start.value, end.value], label: `${end.key} − ${start.key} = ${fmt(ms)} ms` });
    if (durations.length === 0) durations.push({ key: `${end.key} − ${start.key}`, value: ms, unit: 'ms', description: '', dim: 'time', base: ms });
  }
  const buckets = numeric.filter((r) => r.key.startsWith('NUM_PKTS_'));
  return { numeric, durations, buckets, bucketTotal: buckets.reduce((s, r) => s + r.base!, 0), times, sets: new Map() };
}

