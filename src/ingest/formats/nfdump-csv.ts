import { toOptionalCount, toPort, toProtocol, toTcpFlags, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import type { Flow, QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toOptionalTimeMs, toTimeMs } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

/**
 * `nfdump -o csv`: ts,te,td,sa,da,sp,dp,pr,flg,…,ipkt,ibyt,opkt,obyt,… with times as
 * `YYYY-MM-DD HH:MM:SS[.mmm]` (UTC), td in seconds, pr a name or number, flg letters (`...AP.SF`).
 * The trailing `Summary` block is not data.
 */
function compileNfdump(header: string[], ctx: CompileContext): CompiledFormat {
  const c = new Columns(header, ctx.file, 'nfdump-csv');
  const ts = c.require('ts');
  const te = c.find('te');
  const td = c.find('td');
  const sa = c.require('sa');
  const da = c.require('da');
  const sp = c.find('sp');
  const dp = c.find('dp');
  const pr = c.require('pr');
  const flg = c.find('flg');
  const ipkt = c.require('ipkt');
  const ibyt = c.require('ibyt');
  const opkt = c.find('opkt');
  const obyt = c.find('obyt');
  const extras = c.extras();
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const notes: QualityNote[] = [];
    const seconds = td >= 0 ? toOptionalCount(row[td], 'td', at) : null;
    const t = resolveTimes(
      toTimeMs(row[ts], 'ts', at, 's'),
      te >= 0 ? toOptionalTimeMs(row[te], 'te', at, 's') : null,
      seconds === null ? null : seconds * 1000,
      'td',
      notes,
    );
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: String(rowNumber),
      line: at.line,
      src_addr: toAddress(row[sa], 'sa', at),
      dst_addr: toAddress(row[da], 'da', at),
      src_port: sp >= 0 ? toPort(row[sp], 'sp', at) : null,
      dst_port: dp >= 0 ? toPort(row[dp], 'dp', at) : null,
      protocol: toProtocol(row[pr], 'pr', at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[ibyt], 'ibyt', at),
      in_pkts: toCounter(row[ipkt], 'ipkt', at),
      out_bytes: obyt >= 0 ? toOptionalCounter(row[obyt], 'obyt', at) : null,
      out_pkts: opkt >= 0 ? toOptionalCounter(row[opkt], 'opkt', at) : null,
      tcp_flags: flg >= 0 ? toTcpFlags(row[flg], 'flg', at) : null,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: true, hasFlags: flg >= 0 };
}

export const nfdumpCsv: FormatSpec = {
  name: 'nfdump-csv',
  container: 'csv',
  trailers: ['Summary', 'No matched flows'],
  compile: compileNfdump,
};
