import { formatNumber as fmt } from '../checkers/evidence.ts';
import type { Evidence } from '../types.ts';
import { describeField, sideOf } from '../deps.ts';
import { isSizeBucket, type Candidate, type DerivationBase } from './derive.ts';
import type { Dimension } from './dimension.ts';
import type { FactRow } from './table-facts.ts';

/** How a derived value was computed from its rows; the explanation text is built only when a verdict cites it. */
type How = 'row' | 'bits' | 'bitrate' | 'time' | 'pps' | 'Bps' | 'bps' | 'bucket' | 'inout' | 'sum' | 'diff' | 'ratio' | 'pct' | 'bpp' | 'scaled' | 'totalpps' | 'totalBps' | 'totalbps';

/** One value the table gives or implies in a dimension, in search order. */
export interface Derived {
  value: number;
  /** The row keys it is built from (what a RowFilter sees). */
  keys: readonly string[];
  how: How;
  rows: readonly FactRow[];
  /** For `time`: the prepared candidate (window length, end − start). */
  time: Candidate | undefined;
  /** The side a claim names ("in" / "out") that may not use this value, once read (see closedSide); 'none' when any may. */
  otherSide: 'in' | 'out' | 'both' | 'none' | undefined;
}

const OUT_ROW = /^(?:OUT_|DST_TO_SRC|RETRANSMITTED_OUT)/;
const IN_ROW = /^(?:IN_|SRC_TO_DST|RETRANSMITTED_IN|src_in_)/;

/**
 * The side a claim names that may not use the value: one built from rows of the other direction
 * (a row, or a quotient such as bytes per packet of that side); 'both' when it mixes the two sides
 * (their sum), which no one side sent. Read on first use and
 * kept (few claims name a side, so most values are never tested).
 */
export function closedSide(d: Derived): 'in' | 'out' | 'both' | 'none' {
  if (d.otherSide === undefined) {
    let side: 'in' | 'out' | 'both' | 'none' = 'none';
    for (let i = 0; i < d.keys.length; i++) {
      const own = rowSide(d.keys[i]!, d.rows[i]?.value ?? null);
      if (own !== 'none') side = side === 'none' || side === own ? own : 'both';
    }
    d.otherSide = side;
  }
  return d.otherSide;
}

/** The side a claim may not take this row for: the other side than the one it counts. */
function rowSide(key: string, value: FactRow['value']): 'in' | 'out' | 'none' {
  const side = sideOfRow(key, value);
  return side === 'in' ? 'out' : side === 'out' ? 'in' : 'none';
}

/** The side a row counts: nProbe's IN_/OUT_ names, else the role the vocabulary gives the field (source or client is "in"). */
export function sideOfRow(key: string, value: FactRow['value']): 'in' | 'out' | undefined {
  if (OUT_ROW.test(key)) return 'out';
  if (IN_ROW.test(key)) return 'in';
  const side = sideOf(describeField(key, value).role);
  return side === 'src' ? 'in' : side === 'dst' ? 'out' : undefined;
}

/** Every derived value has the same fields, so the search's property reads stay monomorphic. */
function derived(value: number, keys: readonly string[], how: How, rows: readonly FactRow[], time?: Candidate): Derived {
  return { value, keys, how, rows, time, otherSide: undefined };
}

const ADDITIVE: ReadonlySet<Dimension> = new Set(['bytes', 'packets', 'time', 'flows']);
const PAIR_DIMS: ReadonlySet<Dimension> = new Set(['ratio', 'percent', 'bytes', 'packets', 'time', 'flows']);

/** The derived values of one dimension built so far, and the next stage to build. */
export interface DerivedSet {
  readonly dim: Dimension;
  readonly items: Derived[];
  stage: number;
}

type Stage = (base: DerivationBase, dim: Dimension, out: Derived[]) => void;

/** The stages of the bounded derivation search (issue 3), in the order it tries them. */
const STAGES: readonly Stage[] = [addRows, addTimes, addRates, addScaled, addShares, addPairs];

/** A sampled count times the sampling rate: the exporter's estimate of the whole ("about 775,000 bytes" from 1,514 sampled at 1 in 512). */
function addScaled(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  // "about 100 times larger": the factor a sampled count is scaled by is the sampling rate itself
  if (dim === 'ratio') for (const s of base.sampling) push(out, s.base!, 'row', s);
  if (dim !== 'bytes' && dim !== 'packets') return;
  for (const s of base.sampling) for (const r of base.numeric) if (r.dim === dim) push(out, r.base! * s.base!, 'scaled', r, s);
}

/**
 * Every value of one dimension the bounded derivation search can reach, in the order it tries
 * them: each row, then the specific readings (rates, shares of a whole), then one step of pair
 * arithmetic. Kept per table and dimension and built a stage at a time, only as far as a search
 * goes (most claims match a row, so the O(n²) pairs are rarely built). Non-finite values are
 * dropped, as the search always skipped them.
 */
export function derivedSet(base: DerivationBase, dim: Dimension): DerivedSet {
  let set = base.sets.get(dim);
  if (set === undefined) {
    set = { dim, items: [], stage: 0 };
    base.sets.set(dim, set);
  }
  return set;
}

/** The i-th derived value of the set (building further stages as needed), undefined past the last. */
export function derivedAt(base: DerivationBase, set: DerivedSet, i: number): Derived | undefined {
  while (i >= set.items.length && set.stage < STAGES.length) STAGES[set.stage++]!(base, set.dim, set.items);
  return set.items[i];
}

function addTimes(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  if (dim === 'time') for (const t of base.times) out.push(derived(t.value, t.rows, 'time', [], t));
}

/** Add a value built from one to three rows (fixed arguments and literal arrays: no rest array or callback per value). */
function push(out: Derived[], value: number, how: How, a: FactRow, b?: FactRow, c?: FactRow): void {
  if (!Number.isFinite(value)) return;
  if (b === undefined) out.push(derived(value, [a.key], how, [a]));
  else if (c === undefined) out.push(derived(value, [a.key, b.key], how, [a, b]));
  else out.push(derived(value, [a.key, b.key, c.key], how, [a, b, c]));
}

function addRows(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  for (const r of base.numeric) {
    if (r.dim === dim) push(out, r.base!, 'row', r);
    if (dim === 'bits' && r.dim === 'bytes') push(out, r.base! * 8, 'bits', r);
    if (dim === 'bits/s' && r.dim === 'bytes/s') push(out, r.base! * 8, 'bitrate', r);
    if (dim === 'bits' && r.dim === 'entropy') push(out, r.base!, 'row', r);
  }
}

function addRates(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  if (dim !== 'bytes/s' && dim !== 'bits/s' && dim !== 'packets/s') return;
  for (const d of base.durations) {
    const seconds = d.base! / 1000;
    for (const a of base.numeric) {
      const rate = a.base! / seconds;
      if (a.dim === 'packets' && dim === 'packets/s') push(out, rate, 'pps', a, d);
      if (a.dim === 'bytes' && dim === 'bytes/s') push(out, rate, 'Bps', a, d);
      if (a.dim === 'bytes' && dim === 'bits/s') push(out, rate * 8, 'bps', a, d);
    }
    // "20 KB/s in total", "133 packets per second": both directions over the flow's length
    for (const [a, b] of base.directions) {
      const rate = (a.base! + b.base!) / seconds;
      if (a.dim === 'packets' && dim === 'packets/s') push(out, rate, 'totalpps', a, b, d);
      if (a.dim === 'bytes' && dim === 'bytes/s') push(out, rate, 'totalBps', a, b, d);
      if (a.dim === 'bytes' && dim === 'bits/s') push(out, rate * 8, 'totalbps', a, b, d);
    }
  }
}

function addShares(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  if (dim !== 'percent') return;
  const bucketKeys = base.buckets.map((r) => r.key);
  for (const b of base.buckets) {
    const share = base.bucketTotal === 0 ? NaN : (100 * b.base!) / base.bucketTotal;
    // rows: the bucket first, then all of them (the evidence lists every bucket)
    if (Number.isFinite(share)) out.push(derived(share, bucketKeys, 'bucket', [b, ...base.buckets]));
  }
  for (const [inKey, outKey] of [['IN_PKTS', 'OUT_PKTS'], ['IN_BYTES', 'OUT_BYTES']] as const) {
    const a = base.numeric.find((r) => r.key === inKey);
    const b = base.numeric.find((r) => r.key === outKey);
    if (!a || !b || a.base! + b.base! === 0) continue;
    for (const r of base.numeric) if (r.dim === a.dim) push(out, (100 * r.base!) / (a.base! + b.base!), 'inout', r, a, b);
  }
}

function addPairs(base: DerivationBase, dim: Dimension, out: Derived[]): void {
  if (!PAIR_DIMS.has(dim)) return;
  const anyDim = dim === 'ratio' || dim === 'percent';
  for (const a of base.numeric) {
    if (!anyDim && a.dim !== dim) continue;
    for (const b of base.numeric) {
      if (a === b) continue;
      // a size bucket's count is a part of a side's packets, never a term beside another side's total
      if (a.dim === b.dim && ADDITIVE.has(a.dim) && dim === a.dim && isSizeBucket(a) === isSizeBucket(b)) {
        push(out, a.base! + b.base!, 'sum', a, b);
        if (a.base! > b.base!) push(out, a.base! - b.base!, 'diff', a, b);
      }
      if (b.base === 0) continue;
      const ratio = a.base! / b.base!;
      if (a.dim === b.dim && dim === 'ratio') push(out, ratio, 'ratio', a, b);
      if (a.dim === b.dim && dim === 'percent') push(out, ratio * 100, 'pct', a, b);
      if (a.dim === 'bytes' && b.dim === 'packets' && dim === 'bytes') push(out, ratio, 'bpp', a, b);
    }
  }
}

/** How the value was derived, as evidence and reasons quote it; undefined for a value read straight from a row. */
export function derivationOf(d: Derived): string | undefined {
  if (d.time) return d.time.explain?.() ?? d.time.label;
  return d.how === 'row' ? undefined : explain(d);
}

/** The evidence a verdict citing the value gives: its rows (a bucket share cites every bucket once) and their values. */
export function derivedEvidence(d: Derived, derivation: string | undefined): Evidence {
  let keys: string[];
  let values: Array<number | string | null>;
  if (d.time) {
    keys = d.time.rows;
    values = d.time.values;
  } else {
    const rows = d.how === 'bucket' ? d.rows.slice(1) : d.rows;
    keys = rows.map((r) => r.key);
    values = rows.map((r) => r.value);
  }
  return derivation ? { rows: keys, values, derivation } : { rows: keys, values };
}

function explain(d: Derived): string {
  const [a, b, c] = d.rows as [FactRow, FactRow | undefined, FactRow | undefined];
  const v = fmt(d.value);
  switch (d.how) {
    case 'bits': return `${a.key} × 8 = ${v} bits`;
    case 'bitrate': return `${a.key} × 8 = ${v} bit/s`;
    case 'pps': return `${a.key} / (${b!.key} / 1000) = ${v} packets/s`;
    case 'Bps': return `${a.key} / (${b!.key} / 1000) = ${v} bytes/s`;
    case 'bps': return `${a.key} × 8 / (${b!.key} / 1000) = ${v} bit/s`;
    case 'bucket': return `${a.key} / (sum of NUM_PKTS_*) × 100 = ${v} %`;
    case 'inout': return `${a.key} / (${b!.key} + ${c!.key}) × 100 = ${v} %`;
    case 'sum': return `${a.key} + ${b!.key} = ${v}`;
    case 'diff': return `${a.key} − ${b!.key} = ${v}`;
    case 'ratio': return `${a.key} / ${b!.key} = ${v}`;
    case 'pct': return `${a.key} / ${b!.key} × 100 = ${v} %`;
    case 'bpp': return `${a.key} / ${b!.key} = ${v} bytes per packet`;
    case 'totalpps': return `(${a.key} + ${b!.key}) / (${c!.key} / 1000) = ${v} packets/s`;
    case 'totalBps': return `(${a.key} + ${b!.key}) / (${c!.key} / 1000) = ${v} bytes/s`;
    case 'totalbps': return `(${a.key} + ${b!.key}) × 8 / (${c!.key} / 1000) = ${v} bit/s`;
    case 'scaled': return `${a.key} × ${b!.key} = ${v} (the sampled count scaled up)`;
    default: return '';
  }
}
