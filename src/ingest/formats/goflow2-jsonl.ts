import { toPort, toProtocol, toTcpFlags, type RowAt, toCounter } from '../coerce.ts';
import type { Flow, QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toOptionalTimeMs, type TimeUnit } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

const KNOWN = ['src_addr', 'dst_addr', 'src_port', 'dst_port', 'proto', 'bytes', 'packets', 'tcp_flags', 'time_flow_start_ns', 'time_flow_end_ns'];

function timeColumn(c: Columns, options: [string, TimeUnit][]): [number, TimeUnit] {
  for (const [name, unit] of options) {
    const i = c.find(name);
    if (i >= 0) return [i, unit];
  }
  return [-1, 'ns'];
}

/**
 * goflow2 JSON lines (`src_addr`, `dst_addr`, `bytes`, `packets`, `proto` as a name or number,
 * `time_flow_start_ns`/`time_flow_end_ns`, `tcp_flags`). One direction per record: IN = bytes/packets,
 * OUT is null. Byte counts are as exported (not multiplied by `sampling_rate`, which stays in fields).
 */
function compileGoflow2(header: string[], ctx: CompileContext): CompiledFormat {
  const c = new Columns(header, ctx.file, 'goflow2-jsonl');
  const sa = c.require('src_addr', 'SrcAddr');
  const da = c.require('dst_addr', 'DstAddr');
  const sp = c.find('src_port', 'SrcPort');
  const dp = c.find('dst_port', 'DstPort');
  const pr = c.require('proto', 'Proto');
  const bytes = c.require('bytes', 'Bytes');
  const pkts = c.require('packets', 'Packets');
  const flags = c.find('tcp_flags', 'TCPFlags');
  const [st, stUnit] = timeColumn(c, [['time_flow_start_ns', 'ns'], ['time_flow_start_ms', 'ms'], ['TimeFlowStart', 's']]);
  const [en, enUnit] = timeColumn(c, [['time_flow_end_ns', 'ns'], ['time_flow_end_ms', 'ms'], ['TimeFlowEnd', 's']]);
  const extras = c.extras();
  const h = header;
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const notes: QualityNote[] = [];
    const t = resolveTimes(
      st >= 0 ? toOptionalTimeMs(row[st], h[st]!, at, stUnit) : null,
      en >= 0 ? toOptionalTimeMs(row[en], h[en]!, at, enUnit) : null,
      null,
      'duration_ms',
      notes,
    );
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: String(rowNumber),
      line: at.line,
      src_addr: toAddress(row[sa], h[sa]!, at),
      dst_addr: toAddress(row[da], h[da]!, at),
      src_port: sp >= 0 ? toPort(row[sp], h[sp]!, at) : null,
      dst_port: dp >= 0 ? toPort(row[dp], h[dp]!, at) : null,
      protocol: toProtocol(row[pr], h[pr]!, at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[bytes], h[bytes]!, at),
      in_pkts: toCounter(row[pkts], h[pkts]!, at),
      out_bytes: null,
      out_pkts: null,
      tcp_flags: flags >= 0 ? toTcpFlags(row[flags], h[flags]!, at) : null,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: st >= 0, hasFlags: flags >= 0 };
}

export const goflow2Jsonl: FormatSpec = { name: 'goflow2-jsonl', container: 'jsonl', knownKeys: KNOWN, compile: compileGoflow2 };
