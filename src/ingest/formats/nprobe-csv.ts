import { isUnset, toFieldValue, toOptionalCount, toPort, toProtocol, toTcpFlags, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import type { Flow, QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toOptionalTimeMs, type TimeUnit } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns, EMPTY_FIELDS } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

/** Pick IPv4 unless it is empty or 0.0.0.0 while the IPv6 column has an address (nProbe fills both). */
function pickAddress(row: unknown[], v4: number, v6: number, header: string[], at: RowAt): string {
  const a = v4 >= 0 ? row[v4] : undefined;
  if (v6 < 0) return toAddress(a, header[v4]!, at);
  const b = row[v6];
  const useV6 = v4 < 0 || isUnset(a) || (a === '0.0.0.0' && !isUnset(b) && b !== '::');
  return useV6 ? toAddress(b, header[v6]!, at) : toAddress(a, header[v4]!, at);
}

/**
 * nProbe / NetFlow names: NF-v2 and NF-v3 (`IPV4_SRC_ADDR`, `FLOW_START_MILLISECONDS` …), IPv6 names, and the
 * seed's NetFlow v9 names (`IP_SRC_ADDR`, `PROTOCOL_NUM`, `FIRST_SWITCHED` as `YYYY-MM-DD HH:MM:SS` or epoch s).
 * Shared by the NF-v3 batch JSON reader.
 */
export function compileNprobe(header: string[], ctx: CompileContext, format: 'nprobe-csv' | 'nf-batch-json' = 'nprobe-csv'): CompiledFormat {
  const c = new Columns(header, ctx.file, format);
  const srcV4 = c.find('IPV4_SRC_ADDR', 'IP_SRC_ADDR', 'SRC_ADDR');
  const srcV6 = c.find('IPV6_SRC_ADDR');
  const dstV4 = c.find('IPV4_DST_ADDR', 'IP_DST_ADDR', 'DST_ADDR');
  const dstV6 = c.find('IPV6_DST_ADDR');
  if (srcV4 < 0 && srcV6 < 0) c.require('IPV4_SRC_ADDR', 'IPV6_SRC_ADDR', 'IP_SRC_ADDR');
  if (dstV4 < 0 && dstV6 < 0) c.require('IPV4_DST_ADDR', 'IPV6_DST_ADDR', 'IP_DST_ADDR');
  const idCol = c.find('FLOW_ID', 'ID', 'flow_id');
  const batchCol = c.find('batch');
  const sp = c.find('L4_SRC_PORT');
  const dp = c.find('L4_DST_PORT');
  const proto = c.require('PROTOCOL', 'PROTOCOL_NUM');
  const inBytes = c.require('IN_BYTES');
  const inPkts = c.require('IN_PKTS');
  const outBytes = c.find('OUT_BYTES');
  const outPkts = c.find('OUT_PKTS');
  const flags = c.find('TCP_FLAGS');
  const [start, startUnit] = timeColumn(c, ['FLOW_START_MILLISECONDS', 'ms'], ['FIRST_SWITCHED', 'auto'], ['FLOW_START_SEC', 's']);
  const [end, endUnit] = timeColumn(c, ['FLOW_END_MILLISECONDS', 'ms'], ['LAST_SWITCHED', 'auto'], ['FLOW_END_SEC', 's']);
  const dur = c.find('FLOW_DURATION_MILLISECONDS');
  const durName = dur >= 0 ? header[dur]! : 'FLOW_DURATION_MILLISECONDS';
  const extras = c.extras();
  const labelsById = ctx.labelsById;
  const h = header;
  // The batch column names the attack in the labelled NF-v3 join, so ids use its order of appearance
  // instead: an id reaches the prompt, and ground truth must not.
  const batchNumbers = new Map<string, number>();
  const batchNumber = (name: string): number => {
    let n = batchNumbers.get(name);
    if (n === undefined) batchNumbers.set(name, (n = batchNumbers.size + 1));
    return n;
  };

  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const ownId = idCol >= 0 && !isUnset(row[idCol]) ? String(row[idCol]) : null;
    const id = ownId === null ? String(rowNumber) : batchCol >= 0 ? `b${batchNumber(String(row[batchCol]))}:${ownId}` : ownId;
    const notes: QualityNote[] = [];
    const src = pickAddress(row, srcV4, srcV6, h, at);
    const dst = pickAddress(row, dstV4, dstV6, h, at);
    const t = resolveTimes(
      start >= 0 ? toOptionalTimeMs(row[start], h[start]!, at, startUnit) : null,
      end >= 0 ? toOptionalTimeMs(row[end], h[end]!, at, endUnit) : null,
      dur >= 0 ? toOptionalCount(row[dur], durName, at) : null,
      durName,
      notes,
    );
    let fields = extras.fields(row);
    let labels = extras.labels(row);
    if (t.durationSetAside) {
      if (fields === EMPTY_FIELDS) fields = {};
      fields[durName] = toFieldValue(row[dur]);
    }
    const truth = labelsById !== undefined && ownId !== null ? labelsById.get(ownId) : undefined;
    if (truth !== undefined) labels = { ...labels, ...truth };
    return {
      id,
      line: at.line,
      src_addr: src,
      dst_addr: dst,
      src_port: sp >= 0 ? toPort(row[sp], 'L4_SRC_PORT', at) : null,
      dst_port: dp >= 0 ? toPort(row[dp], 'L4_DST_PORT', at) : null,
      protocol: toProtocol(row[proto], h[proto]!, at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[inBytes], 'IN_BYTES', at),
      in_pkts: toCounter(row[inPkts], 'IN_PKTS', at),
      out_bytes: outBytes >= 0 ? toOptionalCounter(row[outBytes], 'OUT_BYTES', at) : null,
      out_pkts: outPkts >= 0 ? toOptionalCounter(row[outPkts], 'OUT_PKTS', at) : null,
      tcp_flags: flags >= 0 ? toTcpFlags(row[flags], 'TCP_FLAGS', at) : null,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: start >= 0, hasFlags: flags >= 0 };
}

function timeColumn(c: Columns, ...options: [string, TimeUnit][]): [number, TimeUnit] {
  for (const [name, unit] of options) {
    const i = c.find(name);
    if (i >= 0) return [i, unit];
  }
  return [-1, 'ms'];
}

export const nprobeCsv: FormatSpec = {
  name: 'nprobe-csv',
  container: 'csv',
  compile: (header, ctx) => compileNprobe(header, ctx),
};
