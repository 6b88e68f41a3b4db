import type { FeatureTable } from '../deps.ts';
import { formatNumber as fmt } from '../checkers/evidence.ts';
import type { Dimension } from './dimension.ts';
import { sideOfRow, type DerivedSet } from './derived-set.ts';
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
  /** The exporter's sampling rate or interval (one packet in N), above 1: a sampled count times it estimates the whole. */
  sampling: readonly FactRow[];
  /** Each measure's two directions (IN_BYTES and OUT_BYTES, orig_pkts and resp_pkts): their sum over the duration is the flow's whole rate. */
  directions: ReadonlyArray<readonly [FactRow, FactRow]>;
  /** Extra time values: the window length and end − start. */
  times: readonly Candidate[];
  /** The derived values of each dimension asked about so far (derived-set.ts fills it lazily). */
  sets: Map<Dimension, DerivedSet>;
}

/**
 * A 32-bit exporter counter that wrapped or saturated: a count within 2^20 below 2^32 (stuck at
 * 2^32 − 1), or a duration within 1 % below 2^32 µs shown in ms (NF-v2's FLOW_DURATION_MILLISECONDS of
 * 4,29x,xxx ms in most rows). Read at face value it would back "71 minutes"; a table the ingest
 * stage built carries a note for it, a table handed in by a user does not, so it is told by value too.
 */
export function isWrapped(row: FactRow): boolean {
  const v = row.base;
  if (v === null || v > 2 ** 32) return false;
  if (row.dim === 'time') return v >= 0.99 * (2 ** 32 / 1000) && v <= 2 ** 32 / 1000;
  return (row.dim === 'bytes' || row.dim === 'packets') && v >= 2 ** 32 - 2 ** 20;
}

const DURATION_KEY = /duration|^DURATION_/i;
/** goflow2 sampling_rate, IPFIX samplingInterval / samplingPacketInterval, NetFlow v9 SAMPLING_INTERVAL. */
const SAMPLING_KEY = /sampling_?(?:rate|interval)|samplingPacketInterval/i;

/** nProbe's packet-size histogram (NUM_PKTS_UP_TO_128_BYTES …): each bucket counts a part of the packets. */
export const isSizeBucket = (row: FactRow): boolean => row.key.startsWith('NUM_PKTS_');

/** Prepare the rows for searching. Rows with a data-quality note (a wrapped counter) back nothing at face value. */
export function derivationBase(rows: readonly FactRow[], table: FeatureTable, span: Span | undefined, gaps: ReadonlyArray<{ ms: number; rows: [FactRow, FactRow] }> = []): DerivationBase {
  const noted = new Set(table.notes.map((n) => n.field));
  const numeric = rows.filter((r) => r.base !== null && r.dim !== 'code' && r.dim !== 'instant' && !noted.has(r.key) && !isWrapped(r));
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
  for (const { ms, rows: [a, b] } of gaps) times.push({ value: ms, dim: 'time', rows: [a.key, b.key], values: [a.value, b.value], label: `${b.key} − ${a.key} = ${fmt(ms)} ms` });
  const buckets = numeric.filter(isSizeBucket);
  const sampling = numeric.filter((r) => SAMPLING_KEY.test(r.key) && r.base! > 1);
  return { numeric, durations, buckets, bucketTotal: buckets.reduce((s, r) => s + r.base!, 0), sampling, directions: directionPairs(numeric), times, sets: new Map() };
}

/** The first row of each direction of bytes and of packets, where the record has both (size buckets are parts, not totals). */
function directionPairs(numeric: readonly FactRow[]): Array<readonly [FactRow, FactRow]> {
  const out: Array<readonly [FactRow, FactRow]> = [];
  for (const dim of ['bytes', 'packets'] as const) {
    const rows = numeric.filter((r) => r.dim === dim && !isSizeBucket(r));
    const sent = rows.find((r) => sideOfRow(r.key, r.value) === 'in');
    const back = rows.find((r) => sideOfRow(r.key, r.value) === 'out');
    if (sent && back) out.push([sent, back]);
  }
  return out;
}

