import { badRow, toCount, toOptionalCount, toPort, toProtocol, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import { TCP_FLAG_BITS, type Flow, type QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toTimeMs } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

// CICFlowMeter-V4 (CSE-CIC-IDS2018) short names first, then CICFlowMeter-V3 (CIC-IDS2017) long names
const FLAG_COUNTS: [number, string, string][] = [
  [TCP_FLAG_BITS.FIN, 'FIN Flag Cnt', 'FIN Flag Count'],
  [TCP_FLAG_BITS.SYN, 'SYN Flag Cnt', 'SYN Flag Count'],
  [TCP_FLAG_BITS.RST, 'RST Flag Cnt', 'RST Flag Count'],
  [TCP_FLAG_BITS.PSH, 'PSH Flag Cnt', 'PSH Flag Count'],
  [TCP_FLAG_BITS.ACK, 'ACK Flag Cnt', 'ACK Flag Count'],
  [TCP_FLAG_BITS.URG, 'URG Flag Cnt', 'URG Flag Count'],
  [TCP_FLAG_BITS.ECE, 'ECE Flag Cnt', 'ECE Flag Count'],
  [TCP_FLAG_BITS.CWR, 'CWE Flag Count', 'CWR Flag Count'],
];

/** Why a negative `Flow Duration` is quarantined: the quarantine reason, in the README and in tests. */
export const NEGATIVE_DURATION_REASON =
  'negative Flow Duration: a known CICFlowMeter artifact (CIC-IDS2017 has such rows); the flow has no usable duration or end time';

/**
 * `Flow Duration` in µs. A negative one is a bad row, not a note: end = start + duration would put the end
 * before the start, and every rate of the flow would be negative.
 */
function toFlowDuration(raw: unknown, field: string, at: RowAt): number | null {
  // plain digits arrive as numbers from the CSV fast path; only text can carry a minus sign
  if (typeof raw === 'string' && raw.charCodeAt(0) === 45 && +raw < 0) return badRow(at, field, raw, NEGATIVE_DURATION_REASON);
  return toOptionalCount(raw, field, at);
}

/**
 * CICFlowMeter CSV, both variants (`Src IP`/`Tot Fwd Pkts` and `Source IP`/`Total Fwd Packets`, header
 * names trimmed). `Flow Duration` is in µs; `Timestamp` is day first; IN = forward. Byte counts are payload
 * only (TotLen), so the low bytes-per-packet note is not applied. TCP flags: a bit is set when its
 * flag count is above 0. `Flow ID` is a 5-tuple, not unique, so the id is the row number.
 */
function compileCic(header: string[], ctx: CompileContext): CompiledFormat {
  const c = new Columns(header, ctx.file, 'cic-csv');
  const src = c.require('Src IP', 'Source IP');
  const dst = c.require('Dst IP', 'Destination IP');
  const sp = c.find('Src Port', 'Source Port');
  const dp = c.find('Dst Port', 'Destination Port');
  const proto = c.require('Protocol');
  const ts = c.find('Timestamp');
  const dur = c.find('Flow Duration');
  const inPkts = c.require('Tot Fwd Pkts', 'Total Fwd Packets');
  const inBytes = c.require('TotLen Fwd Pkts', 'Total Length of Fwd Packets');
  const outPkts = c.find('Tot Bwd Pkts', 'Total Backward Packets');
  const outBytes = c.find('TotLen Bwd Pkts', 'Total Length of Bwd Packets');
  const flagCols = FLAG_COUNTS.map(([bit, a, b]) => [bit, c.peek(a, b)] as const).filter(([, i]) => i >= 0);
  const extras = c.extras();
  const h = header;
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const notes: QualityNote[] = [];
    const start = ts >= 0 ? toTimeMs(row[ts], 'Timestamp', at, 's') : null;
    const micros = dur >= 0 ? toFlowDuration(row[dur], h[dur]!, at) : null;
    const duration = micros === null ? null : micros / 1000;
    const t = resolveTimes(start, start === null || duration === null ? null : start + duration, duration, 'Flow Duration', notes);
    let flags: number | null = null;
    if (flagCols.length > 0) {
      flags = 0;
      for (const [bit, i] of flagCols) if (toCount(row[i], h[i]!, at) > 0) flags |= bit;
    }
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: String(rowNumber),
      line: at.line,
      src_addr: toAddress(row[src], h[src]!, at),
      dst_addr: toAddress(row[dst], h[dst]!, at),
      src_port: sp >= 0 ? toPort(row[sp], h[sp]!, at) : null,
      dst_port: dp >= 0 ? toPort(row[dp], h[dp]!, at) : null,
      protocol: toProtocol(row[proto], 'Protocol', at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[inBytes], h[inBytes]!, at),
      in_pkts: toCounter(row[inPkts], h[inPkts]!, at),
      out_bytes: outBytes >= 0 ? toOptionalCounter(row[outBytes], h[outBytes]!, at) : null,
      out_pkts: outPkts >= 0 ? toOptionalCounter(row[outPkts], h[outPkts]!, at) : null,
      tcp_flags: flags,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: ts >= 0, hasFlags: flagCols.length > 0, payloadBytes: true };
}

export const cicCsv: FormatSpec = { name: 'cic-csv', container: 'csv', compile: compileCic };
