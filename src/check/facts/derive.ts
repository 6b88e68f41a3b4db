import type { FeatureTable } from '../deps.ts';
import { formatNumber as fmt } from '../checkers/evidence.ts';
import type { Dimension } from './dimension.ts';
import type { FactRow } from './table-facts.ts';

/** A value the table gives or implies, with the rows it came from and how. */
export interface Candidate {
  value: number;
  dim: Dimension;
  rows: string[];
  values: Array<number | string | null>;
  /** How it was derived; built only when a verdict cites it. */
  explain?: () => string;
  /** Short fixed label (baseline statistics). */
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
}

const ADDITIVE: ReadonlySet<Dimension> = new Set(['bytes', 'packets', 'time', 'flows']);
const DURATION_KEY = /duration|^DURATION_/i;

/** Prepare the rows for searching. Rows with a data-quality note (a wrapped counter) back nothing at face value. */
export function derivationBase(rows: readonly FactRow[], table: FeatureTable): DerivationBase {
  const noted = new Set(table.notes.map((n) => n.field));
  const numeric = rows.filter((r) => r.base !== null && r.dim !== 'code' && r.dim !== 'instant' && !noted.has(r.key));
  const durations = numeric.filter((r) => r.dim === 'time' && DURATION_KEY.test(r.key) && r.base! > 0);
  const times: Candidate[] = [];
  const seconds = table.window?.seconds;
  if (seconds !== undefined) times.push({ value: seconds * 1000, dim: 'time', rows: ['window.seconds'], values: [seconds], explain: () => `window length ${seconds} s` });
  const f = table.flow;
  if (f?.start && f.end) {
    const ms = Date.parse(f.end) - Date.parse(f.start);
    if (ms > 0) {
      times.push({ value: ms, dim: 'time', rows: ['start', 'end'], values: [f.start, f.end], explain: () => `end − start = ${fmt(ms)} ms` });
      if (durations.length === 0) durations.push({ key: 'end − start', value: ms, unit: 'ms', description: '', dim: 'time', base: ms });
    }
  }
  const buckets = numeric.filter((r) => r.key.startsWith('NUM_PKTS_'));
  return { numeric, durations, buckets, bucketTotal: buckets.reduce((s, r) => s + r.base!, 0), times };
}

/** Which candidates a search may use, by the rows they are built from. */
export type RowFilter = (keys: readonly string[]) => boolean;

const cand = (value: number, dim: Dimension, rows: readonly FactRow[], explain?: () => string): Candidate => ({
  value,
  dim,
  rows: rows.map((r) => r.key),
  values: rows.map((r) => r.value),
  ...(explain ? { explain } : {}),
});

/**
 * The bounded derivation search (issue 3), run lazily for one claimed dimension: every row of it,
 * then one step of arithmetic over pairs — sums and differences of like rows, ratios and
 * percentages, shares of IN + OUT and of the size buckets, rates over each duration, bytes × 8,
 * bytes per packet. Nothing is materialised until `accept` takes a value: O(n²) arithmetic per
 * claim for n rows, no allocation.
 */
export function searchDerived(base: DerivationBase, dim: Dimension, accept: (value: number) => boolean, allow: RowFilter = () => true): Candidate | undefined {
  const { numeric, durations } = base;
  // fixed arity: this runs O(n²) times per claim, so no rest-argument arrays
  const ok: Ok = (value, a, b, c) => Number.isFinite(value) && accept(value) && allow(c ? [a.key, b!.key, c.key] : b ? [a.key, b.key] : [a.key]);
  for (const r of numeric) {
    if (r.dim === dim && ok(r.base!, r)) return cand(r.base!, dim, [r]);
    if (dim === 'bits' && r.dim === 'bytes' && ok(r.base! * 8, r)) return cand(r.base! * 8, dim, [r], () => `${r.key} × 8 = ${fmt(r.base! * 8)} bits`);
    if (dim === 'bits/s' && r.dim === 'bytes/s' && ok(r.base! * 8, r)) return cand(r.base! * 8, dim, [r], () => `${r.key} × 8 = ${fmt(r.base! * 8)} bit/s`);
    if (dim === 'bits' && r.dim === 'entropy' && ok(r.base!, r)) return cand(r.base!, dim, [r]);
  }
  if (dim === 'time') for (const t of base.times) if (accept(t.value) && allow(t.rows)) return t;
  // the specific readings (rates, shares of a whole) before the generic pair arithmetic
  return searchRates(durations, numeric, dim, ok) ?? searchShares(base, dim, ok, accept, allow) ?? searchPairs(base, dim, ok);
}

type Ok = (value: number, a: FactRow, b?: FactRow, c?: FactRow) => boolean;

const PAIR_DIMS: ReadonlySet<Dimension> = new Set(['ratio', 'percent', 'bytes', 'packets', 'time', 'flows']);

function searchPairs(base: DerivationBase, dim: Dimension, ok: Ok): Candidate | undefined {
  if (!PAIR_DIMS.has(dim)) return undefined;
  const { numeric } = base;
  const anyDim = dim === 'ratio' || dim === 'percent';
  for (const a of numeric) {
    if (!anyDim && a.dim !== dim) continue;
    for (const b of numeric) {
      if (a === b) continue;
      if (a.dim === b.dim && ADDITIVE.has(a.dim) && dim === a.dim) {
        if (ok(a.base! + b.base!, a, b)) return cand(a.base! + b.base!, dim, [a, b], () => `${a.key} + ${b.key} = ${fmt(a.base! + b.base!)}`);
        if (a.base! > b.base! && ok(a.base! - b.base!, a, b)) return cand(a.base! - b.base!, dim, [a, b], () => `${a.key} − ${b.key} = ${fmt(a.base! - b.base!)}`);
      }
      if (b.base === 0) continue;
      const ratio = a.base! / b.base!;
      if (a.dim === b.dim && dim === 'ratio' && ok(ratio, a, b)) return cand(ratio, dim, [a, b], () => `${a.key} / ${b.key} = ${fmt(ratio)}`);
      if (a.dim === b.dim && dim === 'percent' && ok(ratio * 100, a, b)) return cand(ratio * 100, dim, [a, b], () => `${a.key} / ${b.key} × 100 = ${fmt(ratio * 100)} %`);
      if (a.dim === 'bytes' && b.dim === 'packets' && dim === 'bytes' && ok(ratio, a, b)) return cand(ratio, dim, [a, b], () => `${a.key} / ${b.key} = ${fmt(ratio)} bytes per packet`);
    }
  }
  return undefined;
}

function searchRates(durations: readonly FactRow[], numeric: readonly FactRow[], dim: Dimension, ok: Ok): Candidate | undefined {
  if (dim !== 'bytes/s' && dim !== 'bits/s' && dim !== 'packets/s') return undefined;
  for (const d of durations) {
    const seconds = d.base! / 1000;
    for (const a of numeric) {
      const rate = a.base! / seconds;
      if (a.dim === 'packets' && dim === 'packets/s' && ok(rate, a, d)) return cand(rate, dim, [a, d], () => `${a.key} / (${d.key} / 1000) = ${fmt(rate)} packets/s`);
      if (a.dim === 'bytes' && dim === 'bytes/s' && ok(rate, a, d)) return cand(rate, dim, [a, d], () => `${a.key} / (${d.key} / 1000) = ${fmt(rate)} bytes/s`);
      if (a.dim === 'bytes' && dim === 'bits/s' && ok(rate * 8, a, d)) return cand(rate * 8, dim, [a, d], () => `${a.key} × 8 / (${d.key} / 1000) = ${fmt(rate * 8)} bit/s`);
    }
  }
  return undefined;
}

function searchShares(base: DerivationBase, dim: Dimension, ok: Ok, accept: (value: number) => boolean, allow: RowFilter): Candidate | undefined {
  if (dim !== 'percent') return undefined;
  for (const b of base.buckets) {
    const share = base.bucketTotal === 0 ? NaN : (100 * b.base!) / base.bucketTotal;
    if (Number.isFinite(share) && accept(share) && allow(base.buckets.map((r) => r.key))) return cand(share, dim, base.buckets, () => `${b.key} / (sum of NUM_PKTS_*) × 100 = ${fmt(share)} %`);
  }
  for (const [inKey, outKey] of [['IN_PKTS', 'OUT_PKTS'], ['IN_BYTES', 'OUT_BYTES']] as const) {
    const a = base.numeric.find((r) => r.key === inKey);
    const b = base.numeric.find((r) => r.key === outKey);
    if (!a || !b || a.base! + b.base! === 0) continue;
    for (const r of base.numeric) {
      if (r.dim !== a.dim) continue;
      const share = (100 * r.base!) / (a.base! + b.base!);
      if (ok(share, r, a, b)) return cand(share, dim, [r, a, b], () => `${r.key} / (${inKey} + ${outKey}) × 100 = ${fmt(share)} %`);
    }
  }
  return undefined;
}

/** Baseline statistics, contributions and score figures: what "median", "p99", "percentile", "rank" quote. */
export function statCandidates(rows: readonly FactRow[], table: FeatureTable): Candidate[] {
  const out: Candidate[] = [];
  for (const r of rows) {
    const b = r.baseline;
    const factor = r.base !== null && typeof r.value === 'number' && r.value !== 0 ? r.base / r.value : 1;
    if (b?.median != null) out.push({ value: b.median * factor, dim: r.dim, rows: [r.key], values: [b.median], label: `baseline median of ${r.key}` });
    if (b?.p99 != null) out.push({ value: b.p99 * factor, dim: r.dim, rows: [r.key], values: [b.p99], label: `baseline p99 of ${r.key}` });
    if (b?.percentile != null) out.push({ value: b.percentile, dim: 'percent', rows: [r.key], values: [b.percentile], label: `percentile of ${r.key} in the baseline` });
    if (typeof r.contribution === 'number') out.push({ value: r.contribution, dim: 'number', rows: [r.key], values: [r.contribution], label: `contribution of ${r.key}` });
  }
  const s = table.score;
  if (s) {
    out.push({ value: s.value, dim: 'number', rows: ['score'], values: [s.value], label: 'score value' });
    out.push({ value: s.rank, dim: 'number', rows: ['score.rank'], values: [s.rank], label: 'score rank' });
    if (s.of !== undefined) out.push({ value: s.of, dim: 'number', rows: ['score.of'], values: [s.of], label: 'flows scored' });
    if (s.threshold !== null) out.push({ value: s.threshold, dim: 'number', rows: ['score.threshold'], values: [s.threshold], label: 'score threshold' });
  }
  if (table.window) out.push({ value: table.window.seconds * 1000, dim: 'time', rows: ['window.seconds'], values: [table.window.seconds], label: 'window length' });
  return out;
}
