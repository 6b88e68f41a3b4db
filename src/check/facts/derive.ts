import type { FeatureTable } from '../deps.ts';
import type { Dimension } from './dimension.ts';
import type { FactRow } from './table-facts.ts';

/** A value the table gives or implies, with the rows it came from and how. */
export interface Candidate {
  value: number;
  dim: Dimension;
  rows: string[];
  values: Array<number | string | null>;
  derivation?: string;
}

const fmt = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 }));
const ADDITIVE: ReadonlySet<Dimension> = new Set(['bytes', 'packets', 'time', 'flows']);
const DURATION_KEY = /duration|^DURATION_/i;

function direct(row: FactRow): Candidate {
  return { value: row.base!, dim: row.dim, rows: [row.key], values: [row.value] };
}

/**
 * The bounded derivation search (issue 3): every numeric row, plus one step of arithmetic over
 * pairs — sums and differences of like rows, ratios and percentages, byte and packet rates over
 * each duration row, bytes × 8, bytes per packet. About n² candidates for n rows (n ≈ 20).
 */
export function deriveCandidates(rows: readonly FactRow[], table: FeatureTable): Map<Dimension, Candidate[]> {
  const out = new Map<Dimension, Candidate[]>();
  const add = (c: Candidate): void => {
    if (!Number.isFinite(c.value)) return;
    const list = out.get(c.dim) ?? [];
    list.push(c);
    out.set(c.dim, list);
  };
  // a value with a data-quality note (a wrapped duration, a counter at its maximum) backs no claim at face value
  const noted = new Set(table.notes.map((n) => n.field));
  const numeric = rows.filter((r) => r.base !== null && r.dim !== 'code' && r.dim !== 'instant' && !noted.has(r.key));
  if (table.window) add({ value: table.window.seconds * 1000, dim: 'time', rows: ['window.seconds'], values: [table.window.seconds], derivation: `window length ${table.window.seconds} s` });
  for (const r of numeric) {
    add(direct(r));
    if (r.dim === 'bytes') add({ value: r.base! * 8, dim: 'bits', rows: [r.key], values: [r.value], derivation: `${r.key} × 8 = ${fmt(r.base! * 8)} bits` });
    if (r.dim === 'bytes/s') add({ value: r.base! * 8, dim: 'bits/s', rows: [r.key], values: [r.value], derivation: `${r.key} × 8 = ${fmt(r.base! * 8)} bit/s` });
  }
  const durations = numeric.filter((r) => r.dim === 'time' && DURATION_KEY.test(r.key) && r.base! > 0);
  const f = table.flow;
  if (f?.start && f.end) {
    const ms = Date.parse(f.end) - Date.parse(f.start);
    if (ms > 0) {
      const span: FactRow = { key: 'end − start', value: ms, unit: 'ms', description: '', dim: 'time', base: ms };
      add({ ...direct(span), rows: ['start', 'end'], values: [f.start, f.end], derivation: `end − start = ${fmt(ms)} ms` });
      if (durations.length === 0) durations.push(span);
    }
  }
  pairs(numeric, add);
  rates(numeric, durations, add);
  shares(numeric, add);
  return out;
}

function pairs(numeric: readonly FactRow[], add: (c: Candidate) => void): void {
  for (let i = 0; i < numeric.length; i++) {
    const a = numeric[i]!;
    for (let j = 0; j < numeric.length; j++) {
      const b = numeric[j]!;
      if (i === j || b.base === 0) continue;
      const both = { rows: [a.key, b.key], values: [a.value, b.value] };
      if (a.dim === b.dim && ADDITIVE.has(a.dim)) {
        if (i < j) add({ value: a.base! + b.base!, dim: a.dim, ...both, derivation: `${a.key} + ${b.key} = ${fmt(a.base! + b.base!)}` });
        if (a.base! > b.base!) add({ value: a.base! - b.base!, dim: a.dim, ...both, derivation: `${a.key} − ${b.key} = ${fmt(a.base! - b.base!)}` });
      }
      if (a.dim === b.dim) {
        const ratio = a.base! / b.base!;
        add({ value: ratio, dim: 'ratio', ...both, derivation: `${a.key} / ${b.key} = ${fmt(ratio)}` });
        add({ value: ratio * 100, dim: 'percent', ...both, derivation: `${a.key} / ${b.key} × 100 = ${fmt(ratio * 100)} %` });
      }
      if (a.dim === 'bytes' && b.dim === 'packets') add({ value: a.base! / b.base!, dim: 'bytes', ...both, derivation: `${a.key} / ${b.key} = ${fmt(a.base! / b.base!)} bytes per packet` });
    }
  }
  // share of one row in the sum of a like pair (e.g. IN_BYTES of IN_BYTES + OUT_BYTES)
  for (const a of numeric) {
    for (const b of numeric) {
      if (a === b || a.dim !== b.dim || !ADDITIVE.has(a.dim) || a.base! + b.base! === 0) continue;
      const share = (100 * a.base!) / (a.base! + b.base!);
      add({ value: share, dim: 'percent', rows: [a.key, b.key], values: [a.value, b.value], derivation: `${a.key} / (${a.key} + ${b.key}) × 100 = ${fmt(share)} %` });
    }
  }
}

function rates(numeric: readonly FactRow[], durations: readonly FactRow[], add: (c: Candidate) => void): void {
  for (const d of durations) {
    const seconds = d.base! / 1000;
    for (const a of numeric) {
      if (a.dim !== 'bytes' && a.dim !== 'packets') continue;
      const both = { rows: [a.key, d.key], values: [a.value, d.value] };
      const rate = a.base! / seconds;
      if (a.dim === 'packets') {
        add({ value: rate, dim: 'packets/s', ...both, derivation: `${a.key} / (${d.key} / 1000) = ${fmt(rate)} packets/s` });
        continue;
      }
      add({ value: rate, dim: 'bytes/s', ...both, derivation: `${a.key} / (${d.key} / 1000) = ${fmt(rate)} bytes/s` });
      add({ value: rate * 8, dim: 'bits/s', ...both, derivation: `${a.key} × 8 / (${d.key} / 1000) = ${fmt(rate * 8)} bit/s` });
    }
  }
}

/** Baseline statistics, contributions and score figures: what "median", "p99", "percentile", "rank" quote. */
export function statCandidates(rows: readonly FactRow[], table: FeatureTable): Candidate[] {
  const out: Candidate[] = [];
  for (const r of rows) {
    const b = r.baseline;
    const factor = r.base !== null && typeof r.value === 'number' && r.value !== 0 ? r.base / r.value : 1;
    if (b?.median != null) out.push({ value: b.median * factor, dim: r.dim, rows: [r.key], values: [b.median], derivation: `baseline median of ${r.key}` });
    if (b?.p99 != null) out.push({ value: b.p99 * factor, dim: r.dim, rows: [r.key], values: [b.p99], derivation: `baseline p99 of ${r.key}` });
    if (b?.percentile != null) out.push({ value: b.percentile, dim: 'percent', rows: [r.key], values: [b.percentile], derivation: `percentile of ${r.key} in the baseline` });
    if (typeof r.contribution === 'number') out.push({ value: r.contribution, dim: 'number', rows: [r.key], values: [r.contribution], derivation: `contribution of ${r.key}` });
  }
  const s = table.score;
  if (s) {
    out.push({ value: s.value, dim: 'number', rows: ['score'], values: [s.value], derivation: 'score value' });
    out.push({ value: s.rank, dim: 'number', rows: ['score.rank'], values: [s.rank], derivation: 'score rank' });
    if (s.of !== undefined) out.push({ value: s.of, dim: 'number', rows: ['score.of'], values: [s.of], derivation: 'flows scored' });
    if (s.threshold !== null) out.push({ value: s.threshold, dim: 'number', rows: ['score.threshold'], values: [s.threshold], derivation: 'score threshold' });
  }
  if (table.window) out.push({ value: table.window.seconds * 1000, dim: 'time', rows: ['window.seconds'], values: [table.window.seconds], derivation: 'window length' });
  return out;
}

/** Each packet-size bucket's share of all buckets, and each row's share of IN + OUT of its kind. */
function shares(numeric: readonly FactRow[], add: (c: Candidate) => void): void {
  const buckets = numeric.filter((r) => r.key.startsWith('NUM_PKTS_'));
  const total = buckets.reduce((s, r) => s + r.base!, 0);
  if (total > 0) {
    for (const b of buckets) add({ value: (100 * b.base!) / total, dim: 'percent', rows: buckets.map((r) => r.key), values: buckets.map((r) => r.value), derivation: `${b.key} / (sum of NUM_PKTS_*) × 100 = ${fmt((100 * b.base!) / total)} %` });
  }
  for (const [inKey, outKey] of [['IN_PKTS', 'OUT_PKTS'], ['IN_BYTES', 'OUT_BYTES']] as const) {
    const a = numeric.find((r) => r.key === inKey);
    const b = numeric.find((r) => r.key === outKey);
    if (!a || !b || a.base! + b.base! === 0) continue;
    for (const r of numeric.filter((x) => x.dim === a.dim && x !== a && x !== b)) {
      const share = (100 * r.base!) / (a.base! + b.base!);
      add({ value: share, dim: 'percent', rows: [r.key, inKey, outKey], values: [r.value, a.value, b.value], derivation: `${r.key} / (${inKey} + ${outKey}) × 100 = ${fmt(share)} %` });
    }
  }
}
