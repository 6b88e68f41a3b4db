import { isUnset, toOptionalCount, toPort, toProtocol, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import { TCP_FLAG_BITS, type Flow, type QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toTimeMs } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

/** The conn.log fields, in Zeek's order (JSON records that omit unset ones still line up). */
export const ZEEK_CONN_FIELDS = [
  'ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration',
  'orig_bytes', 'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history',
  'orig_pkts', 'orig_ip_bytes', 'resp_pkts', 'resp_ip_bytes', 'tunnel_parents',
] as const;

const { SYN, ACK, FIN, RST } = TCP_FLAG_BITS;
/**
 * TCP flags from Zeek `history` (either case, i.e. either direction): S → SYN, H → SYN+ACK, A → ACK,
 * F → FIN, R → RST. Other letters (D data, T retransmission, G gap, C bad checksum, W window, I, Q, ^)
 * say nothing certain about PSH/URG/ECE/CWR and are ignored. Null without a history or for non-TCP.
 */
export function historyToFlags(history: string): number {
  let bits = 0;
  for (let i = 0; i < history.length; i++) {
    switch (history[i]) {
      case 'S': case 's': bits |= SYN; break;
      case 'H': case 'h': bits |= SYN | ACK; break;
      case 'A': case 'a': bits |= ACK; break;
      case 'F': case 'f': bits |= FIN; break;
      case 'R': case 'r': bits |= RST; break;
    }
  }
  return bits;
}

function compileZeek(header: string[], ctx: CompileContext, format: 'zeek-tsv' | 'zeek-jsonl'): CompiledFormat {
  const c = new Columns(header, ctx.file, format);
  const ts = c.require('ts');
  const uid = c.find('uid');
  const oh = c.require('id.orig_h');
  const op = c.find('id.orig_p');
  const rh = c.require('id.resp_h');
  const rp = c.find('id.resp_p');
  const proto = c.require('proto');
  const dur = c.find('duration');
  const inBytes = c.require('orig_ip_bytes', 'orig_bytes');
  const inPkts = c.require('orig_pkts');
  const outBytes = c.find('resp_ip_bytes', 'resp_bytes');
  const outPkts = c.find('resp_pkts');
  const history = c.peek('history');
  const extras = c.extras();
  const h = header;
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const notes: QualityNote[] = [];
    const src = toAddress(row[oh], 'id.orig_h', at);
    let protocol = toProtocol(row[proto], 'proto', at);
    if (protocol === 1 && src.includes(':')) protocol = 58; // Zeek logs ICMPv6 as "icmp"
    const start = toTimeMs(row[ts], 'ts', at, 's');
    const seconds = dur >= 0 ? toOptionalCount(row[dur], 'duration', at) : null;
    const duration = seconds === null ? null : seconds * 1000;
    const t = resolveTimes(start, duration === null ? null : start + duration, duration, 'duration', notes);
    const hist = history >= 0 ? row[history] : undefined;
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: uid >= 0 && !isUnset(row[uid]) ? String(row[uid]) : String(rowNumber),
      line: at.line,
      src_addr: src,
      dst_addr: toAddress(row[rh], 'id.resp_h', at),
      src_port: op >= 0 ? toPort(row[op], 'id.orig_p', at) : null,
      dst_port: rp >= 0 ? toPort(row[rp], 'id.resp_p', at) : null,
      protocol,
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[inBytes], h[inBytes]!, at),
      in_pkts: toCounter(row[inPkts], 'orig_pkts', at),
      out_bytes: outBytes >= 0 ? toOptionalCounter(row[outBytes], h[outBytes]!, at) : null,
      out_pkts: outPkts >= 0 ? toOptionalCounter(row[outPkts], 'resp_pkts', at) : null,
      tcp_flags: protocol === 6 && typeof hist === 'string' && !isUnset(hist) ? historyToFlags(hist) : null,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: true, hasFlags: history >= 0 };
}

export const zeekTsv: FormatSpec = {
  name: 'zeek-tsv',
  container: 'zeek-tsv',
  compile: (header, ctx) => compileZeek(header, ctx, 'zeek-tsv'),
};

export const zeekJsonl: FormatSpec = {
  name: 'zeek-jsonl',
  container: 'jsonl',
  knownKeys: ZEEK_CONN_FIELDS,
  compile: (header, ctx) => compileZeek(header, ctx, 'zeek-jsonl'),
};
