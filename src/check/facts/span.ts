import { epochMs } from '../deps.ts';
import type { FactRow } from './table-facts.ts';

/** The flow's length from its start and end fields, in ms, with the rows it came from. */
export interface Span {
  ms: number;
  rows: [FactRow, FactRow];
}

/** Milliseconds per unit of a time field; epoch numbers without a unit are told apart by magnitude. */
const MS_PER_UNIT: Readonly<Record<string, number>> = { 'epoch ms': 1, ms: 1, 'epoch s': 1000, s: 1000, 'epoch µs': 1e-3, µs: 1e-3, 'epoch ns': 1e-6, ns: 1e-6 };

/**
 * end − start of the record, read from its start and end fields in their own unit: epoch times,
 * ISO strings, or NetFlow v9's FIRST_SWITCHED / LAST_SWITCHED, which count ms of the exporter's
 * uptime and are no dates at all. undefined without both, or when they do not give a positive length.
 */
export function spanOf(times: readonly FactRow[], edges: ReadonlyMap<FactRow, 'start' | 'end' | undefined>): Span | undefined {
  const start = times.find((r) => edges.get(r) === 'start');
  const end = times.find((r) => edges.get(r) === 'end');
  if (!start || !end) return eventListSpan(times);
  const ms = msOf(end) - msOf(start);
  return Number.isFinite(ms) && ms > 0 ? { ms, rows: [start, end] } : undefined;
}

/** `evidence[2].@timestamp` → `evidence[].@timestamp`: the same field of every item of a list. */
const ITEM_INDEX = /\[\d+\]/g;

/**
 * A record without start and end fields that lists its events (an incident's evidence, an alert's
 * related events) spans from its first event to its last: the earliest and latest time of one field
 * that every item of the list has.
 */
function eventListSpan(times: readonly FactRow[]): Span | undefined {
  const byField = new Map<string, FactRow[]>();
  for (const row of times) {
    if (!row.key.includes('[')) continue;
    const field = row.key.replace(ITEM_INDEX, '[]');
    const list = byField.get(field);
    if (list) list.push(row);
    else byField.set(field, [row]);
  }
  let best: Span | undefined;
  for (const rows of byField.values()) {
    if (rows.length < 2) continue;
    // each time read once: an ISO string is parsed by Date.parse
    const times = rows.map(msOf);
    let first = 0;
    let last = 0;
    times.forEach((t, i) => {
      if (t < times[first]!) first = i;
      if (t > times[last]!) last = i;
    });
    const ms = times[last]! - times[first]!;
    if (Number.isFinite(ms) && ms > 0 && (best === undefined || ms > best.ms)) best = { ms, rows: [rows[first]!, rows[last]!] };
  }
  return best;
}

/** Most time rows whose gaps are offered as derivations: a record has a few (start, end, an alert's time, a log line's). */
const MAX_GAP_ROWS = 8;

/**
 * The gaps between the record's times other than its span: "the alert came 3.35 s after the
 * connection began" is weird.ts − conn.ts. Each pair of distinct instants once, the later minus the earlier.
 */
export function timeGaps(times: readonly FactRow[], span: Span | undefined): Array<{ ms: number; rows: [FactRow, FactRow] }> {
  const read = times.slice(0, MAX_GAP_ROWS).map((row) => ({ row, ms: msOf(row) })).filter((t) => Number.isFinite(t.ms));
  const out: Array<{ ms: number; rows: [FactRow, FactRow] }> = [];
  for (let i = 0; i < read.length; i++) {
    for (let j = 0; j < read.length; j++) {
      const [a, b] = [read[i]!, read[j]!];
      if (b.ms <= a.ms || (span !== undefined && span.rows[0] === a.row && span.rows[1] === b.row)) continue;
      out.push({ ms: b.ms - a.ms, rows: [a.row, b.row] });
    }
  }
  return out;
}

function msOf(row: FactRow): number {
  // a time written without its year ("Mar 22 04:11:38") is no instant to measure from
  if (typeof row.value === 'string') return /^\d+(?:\.\d+)?$/.test(row.value.trim()) ? msOf({ ...row, value: Number(row.value) }) : /\d{4}/.test(row.value) ? Date.parse(row.value) : NaN;
  const value = row.value as number;
  const factor = MS_PER_UNIT[row.unit];
  return factor !== undefined ? value * factor : epochMs(value);
}
