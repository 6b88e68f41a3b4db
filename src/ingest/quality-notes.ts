import { EMPTY_FIELDS } from './formats/columns.ts';
import type { Flow, QualityNote } from './flow-schema.ts';

/** Shared by every flow without notes (most of them); frozen, so a stray push fails loudly: use addNote. */
export const NO_NOTES: QualityNote[] = Object.freeze([]) as unknown as QualityNote[];

/** Attach a note, replacing the shared NO_NOTES by the flow's own array. */
export function addNote(flow: Flow, note: QualityNote): void {
  if (flow.notes === NO_NOTES) flow.notes = [note];
  else flow.notes.push(note);
}

/** A duration at or above this (66.7 min) is suspect: NF-v2 writes 4,29x,xxx ms, a wrapped 32-bit counter. */
export const SUSPECT_DURATION_MS = 4_000_000;
const U32_MAX = 4_294_967_295;
/** 4293420 → "4,293,420" (toLocaleString is far too slow for the hot path). */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(Math.round(n * 1000) / 1000).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}
const fmt = formatNumber;

export interface ResolvedTimes {
  start_ms: number | null;
  end_ms: number | null;
  duration_ms: number | null;
  /** True when the raw duration was set aside; the caller keeps it in `fields`. */
  durationSetAside: boolean;
}

// one result object reused per call (the hot path reads it at once): no allocation per row
const resolved: ResolvedTimes = { start_ms: null, end_ms: null, duration_ms: null, durationSetAside: false };

/**
 * Reconcile start, end and an exporter-reported duration (all ms). Rule (issue 2, "Data-quality notes"):
 * a reported duration ≥ 4,000,000 ms (this covers values just under 2^32 ms) is checked against end − start;
 * when they disagree by more than max(2 s, 1 %) the start/end difference is used, and without both
 * start and end the duration is null. Either way a `wrapped-duration` note says so. The returned object is
 * reused by the next call: read it at once.
 */
export function resolveTimes(
  start: number | null,
  end: number | null,
  duration: number | null,
  durationField: string,
  notes: QualityNote[],
): Readonly<ResolvedTimes> {
  let durationSetAside = false;
  if (duration !== null && duration >= SUSPECT_DURATION_MS) {
    const span = start !== null && end !== null && end >= start ? end - start : null;
    if (span === null) {
      notes.push({
        code: 'wrapped-duration',
        field: durationField,
        value: duration,
        message: `${durationField} is ${fmt(duration)} ms, a value typical of a wrapped 32-bit exporter counter rather than a ${(duration / 60_000).toFixed(1)}-minute flow, and the flow has no start and end times to check it against, so duration_ms is null and the raw value is kept in fields.`,
      });
      duration = null;
      durationSetAside = true;
    } else if (Math.abs(duration - span) > Math.max(2000, span * 0.01)) {
      notes.push({
        code: 'wrapped-duration',
        field: durationField,
        value: duration,
        message: `${durationField} is ${fmt(duration)} ms but the flow's own start and end are ${fmt(span)} ms apart, so the reported value is a wrapped exporter counter and duration_ms uses the start/end difference.`,
      });
      duration = span;
      durationSetAside = true;
    }
  }
  if (start !== null && end !== null && end < start) {
    notes.push({
      code: 'end-before-start',
      field: 'end_ms',
      value: end,
      message: `The flow's end time is ${fmt(start - end)} ms before its start time, so its timestamps are unreliable${duration === null ? ' and duration_ms is null' : ''}.`,
    });
  } else if (duration === null && start !== null && end !== null) duration = end - start;
  if (end === null && start !== null && duration !== null) end = start + duration;
  // epoch ms near 1.7e12 carry float noise below 1 µs; durations are reported to the µs
  if (duration !== null && !Number.isInteger(duration)) duration = Math.round(duration * 1000) / 1000;
  resolved.start_ms = start;
  resolved.end_ms = end;
  resolved.duration_ms = duration;
  resolved.durationSetAside = durationSetAside;
  return resolved;
}

const COUNTERS = ['in_bytes', 'in_pkts', 'out_bytes', 'out_pkts'] as const;
/**
 * 10^11 bytes/s is 800 Gbit/s, the fastest Ethernet link: no single flow crosses a link faster. A
 * short flow's rate is inflated by a duration rounded to the exporter's millisecond, but not this
 * far (that takes 100 MB in one millisecond); NF-v2 has rates of 6×10^14 bytes/s.
 */
export const MAX_BYTES_PER_S = 1e11;
/** Rates nProbe exports beside the counters (NF-v2, NF-v3), in bytes/s or bits/s, checked against the same bound. */
const EXPORTER_RATES: ReadonlyArray<readonly [name: string, bitsPerUnit: number]> = [
  ['SRC_TO_DST_SECOND_BYTES', 8],
  ['DST_TO_SRC_SECOND_BYTES', 8],
  ['SRC_TO_DST_AVG_THROUGHPUT', 1],
  ['DST_TO_SRC_AVG_THROUGHPUT', 1],
];

/**
 * Attach the notes that need the whole flow: counters at 2^32 − 1, bytes per packet outside 20..65,535,
 * TCP flags on a non-TCP flow. `payloadBytes` skips the low bytes-per-packet check for formats whose byte
 * counts exclude headers (CICFlowMeter's TotLen), where < 20 is normal.
 */
export function addFlowNotes(flow: Flow, payloadBytes = false): void {
  // one comparison per counter on the hot path; the loop runs only for the rare flow at the ceiling
  if (flow.in_bytes === U32_MAX || flow.in_pkts === U32_MAX || flow.out_bytes === U32_MAX || flow.out_pkts === U32_MAX) {
    for (const field of COUNTERS) {
      if (flow[field] !== U32_MAX) continue;
      addNote(flow, {
        code: 'counter-max',
        field,
        value: U32_MAX,
        message: `${field} is 4,294,967,295 (2^32 − 1), the ceiling of a 32-bit counter, so the true value is unknown and probably larger.`,
      });
    }
  }
  checkPacketSize(flow, 'in_bytes', flow.in_bytes, flow.in_pkts, payloadBytes);
  if (flow.out_bytes !== null && flow.out_pkts !== null) checkPacketSize(flow, 'out_bytes', flow.out_bytes, flow.out_pkts, payloadBytes);
  if (flow.duration_ms !== null && flow.duration_ms > 0) {
    checkRate(flow, 'in_bytes', flow.in_bytes, flow.duration_ms);
    if (flow.out_bytes !== null) checkRate(flow, 'out_bytes', flow.out_bytes, flow.duration_ms);
  }
  // most flows have no extra fields: a name looked up in the shared empty object misses all the way up
  // its prototype chain, four times a flow (issue 14, sixth round: 0.1 µs a flow)
  for (let i = 0; i < EXPORTER_RATES.length && flow.fields !== EMPTY_FIELDS; i++) {
    const [name, bitsPerUnit] = EXPORTER_RATES[i]!;
    const value = flow.fields[name];
    if (typeof value === 'number' && value * bitsPerUnit > MAX_BYTES_PER_S * 8) {
      addNote(flow, {
        code: 'rate-implausible',
        field: name,
        value,
        message: `${name} is ${value.toExponential(2)} ${bitsPerUnit === 8 ? 'bytes' : 'bits'}/s, faster than any network link (800 Gbit/s), so the exporter's rate is wrong and is not a measurement.`,
      });
    }
  }
  if (flow.tcp_flags !== null && flow.tcp_flags !== 0 && flow.protocol !== 6) {
    addNote(flow, {
      code: 'flags-on-non-tcp',
      field: 'tcp_flags',
      value: flow.tcp_flags,
      message: `The flow has TCP flags (${flow.tcp_flags}) but protocol ${flow.protocol} is not TCP, so the flags are an exporter artifact and mean nothing here.`,
    });
  }
}

function checkRate(flow: Flow, field: 'in_bytes' | 'out_bytes', bytes: number, durationMs: number): void {
  const rate = bytes / (durationMs / 1000);
  if (rate <= MAX_BYTES_PER_S) return;
  addNote(flow, {
    code: 'rate-implausible',
    field,
    value: bytes,
    message: `${field} over duration_ms (${fmt(durationMs)} ms) gives ${rate.toExponential(2)} bytes/s (${fmt(Math.round((rate * 8) / 1e9))} Gbit/s), faster than any network link (800 Gbit/s), so the byte count or the duration is wrong: a mis-scaled or wrapped counter, or a duration in another unit.`,
  });
}

function checkPacketSize(flow: Flow, field: 'in_bytes' | 'out_bytes', bytes: number, pkts: number, payloadBytes: boolean): void {
  if (pkts <= 0) return;
  const per = bytes / pkts;
  if (per < 20 && !payloadBytes) {
    addNote(flow, {
      code: 'bytes-per-packet-low',
      field,
      value: bytes,
      message: `${field} gives ${fmt(per)} bytes per packet, below the 20-byte minimum IP header, so the byte or packet count is wrong or sampled.`,
    });
  } else if (per > 65_535) {
    addNote(flow, {
      code: 'bytes-per-packet-high',
      field,
      value: bytes,
      message: `${field} gives ${fmt(per)} bytes per packet, above the 65,535-byte maximum IP packet, so the byte or packet count is wrong or sampled.`,
    });
  }
}
