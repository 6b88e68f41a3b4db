import { isUnset, toPort, toProtocol, toTcpFlags, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import type { Flow, QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toOptionalTimeMs } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

const KNOWN = [
  'timestamp', 'flow_id', 'event_type', 'src_ip', 'src_port', 'dest_ip', 'dest_port', 'proto', 'app_proto',
  'flow.pkts_toserver', 'flow.pkts_toclient', 'flow.bytes_toserver', 'flow.bytes_toclient', 'flow.start', 'flow.end',
  'flow.age', 'flow.state', 'flow.reason', 'flow.alerted',
  'netflow.pkts', 'netflow.bytes', 'netflow.start', 'netflow.end', 'netflow.age',
  'tcp.tcp_flags', 'tcp.tcp_flags_ts', 'tcp.tcp_flags_tc', 'icmp_type', 'icmp_code',
];

/**
 * Suricata EVE JSON: `flow` events (IN = toserver, OUT = toclient) and `netflow` events (one direction:
 * IN = netflow.bytes/pkts, OUT null). Every other event type (alert, dns, tls, stats …) is skipped and counted
 * in the summary's `skipped`. `tcp.tcp_flags` is hex; start/end are ISO 8601 with offsets.
 */
function compileSuricata(header: string[], ctx: CompileContext): CompiledFormat {
  const c = new Columns(header, ctx.file, 'suricata-eve');
  const ix = (name: string): number => c.require(name);
  const type = ix('event_type');
  const [id, sa, sp, da, dp, pr] = ['flow_id', 'src_ip', 'src_port', 'dest_ip', 'dest_port', 'proto'].map(ix) as [number, number, number, number, number, number];
  const f = ['flow.bytes_toserver', 'flow.pkts_toserver', 'flow.bytes_toclient', 'flow.pkts_toclient', 'flow.start', 'flow.end'].map(ix);
  const n = ['netflow.bytes', 'netflow.pkts', 'netflow.start', 'netflow.end'].map(ix);
  const flags = ix('tcp.tcp_flags');
  c.find('timestamp');
  const extras = c.extras();
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow | null => {
    const kind = row[type];
    const isFlow = kind === 'flow';
    if (!isFlow && kind !== 'netflow') {
      ctx.skip(typeof kind === 'string' ? kind : '(no event_type)');
      return null;
    }
    const notes: QualityNote[] = [];
    const [startCol, endCol] = isFlow ? [f[4]!, f[5]!] : [n[2]!, n[3]!];
    const t = resolveTimes(
      toOptionalTimeMs(row[startCol], header[startCol]!, at, 's'),
      toOptionalTimeMs(row[endCol], header[endCol]!, at, 's'),
      null,
      'duration_ms',
      notes,
    );
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: isUnset(row[id]) ? String(rowNumber) : String(row[id]),
      line: at.line,
      src_addr: toAddress(row[sa], 'src_ip', at),
      dst_addr: toAddress(row[da], 'dest_ip', at),
      src_port: toPort(row[sp], 'src_port', at),
      dst_port: toPort(row[dp], 'dest_port', at),
      protocol: toProtocol(row[pr], 'proto', at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: isFlow ? toCounter(row[f[0]!], 'flow.bytes_toserver', at) : toCounter(row[n[0]!], 'netflow.bytes', at),
      in_pkts: isFlow ? toCounter(row[f[1]!], 'flow.pkts_toserver', at) : toCounter(row[n[1]!], 'netflow.pkts', at),
      out_bytes: isFlow ? toOptionalCounter(row[f[2]!], 'flow.bytes_toclient', at) : null,
      out_pkts: isFlow ? toOptionalCounter(row[f[3]!], 'flow.pkts_toclient', at) : null,
      tcp_flags: toTcpFlags(row[flags], 'tcp.tcp_flags', at, true),
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: true, hasFlags: true };
}

export const suricataEve: FormatSpec = { name: 'suricata-eve', container: 'jsonl', knownKeys: KNOWN, compile: compileSuricata };
