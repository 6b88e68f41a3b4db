import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../../errors.ts';
import { isUnset, toOptionalCount, toPort, toProtocol, toTcpFlags, type RowAt, toCounter, toOptionalCounter } from '../coerce.ts';
import type { Flow, QualityNote } from '../flow-schema.ts';
import { toAddress } from '../ip-address.ts';
import { toOptionalTimeMs } from '../parse-time.ts';
import { NO_NOTES, resolveTimes } from '../quality-notes.ts';
import { Columns } from './columns.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

/** The --mapping YAML: canonical field → input column name. Example: fixtures/flows/ingest/mapping.yaml. */
export const MappingSchema = z
  .object({
    delimiter: z.string().min(1).optional(),
    columns: z
      .object({
        src_addr: z.string(),
        dst_addr: z.string(),
        protocol: z.string(),
        in_bytes: z.string(),
        in_pkts: z.string(),
        id: z.string().optional(),
        src_port: z.string().optional(),
        dst_port: z.string().optional(),
        out_bytes: z.string().optional(),
        out_pkts: z.string().optional(),
        start: z.string().optional(),
        end: z.string().optional(),
        duration: z.string().optional(),
        tcp_flags: z.string().optional(),
      })
      .strict(),
    /** Unit of numeric start/end values. @default auto (by magnitude) */
    time_unit: z.enum(['s', 'ms', 'us', 'ns', 'auto']).default('auto'),
    /** Unit of the duration column. @default ms */
    duration_unit: z.enum(['s', 'ms', 'us']).default('ms'),
    /** Offset of date texts that carry none. @default +00:00 (UTC) */
    utc_offset: z.string().regex(/^[+-]\d{2}:?\d{2}$/).default('+00:00'),
    /** Ground-truth columns besides the built-in names (Label, Attack …). */
    labels: z.array(z.string()).default([]),
  })
  .strict();
export type Mapping = z.infer<typeof MappingSchema>;

/** Read and validate a mapping file; a bad one is a ConfigError naming the key. */
export async function loadMapping(file: string): Promise<Mapping> {
  // loaded here, not with the module: every command that reads flows loads this format, few read a mapping
  const { parse: parseYaml } = await import('yaml');
  const parsed = MappingSchema.safeParse(parseYaml(await readFile(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(issue.path.join('.') || '(root)', file, `Invalid mapping: ${issue.message}`);
}

const DURATION_MS = { s: 1000, ms: 1, us: 0.001 } as const;

function offsetMinutes(text: string): number {
  const digits = text.slice(1).replace(':', '');
  return (text[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function compileMapped(header: string[], ctx: CompileContext): CompiledFormat {
  const m = ctx.mapping as Mapping;
  const c = new Columns(header, ctx.file, 'mapped-csv');
  const col = m.columns;
  const req = (name: string): number => c.require(name);
  const opt = (name: string | undefined): number => (name === undefined ? -1 : c.require(name));
  const [sa, da, pr, ib, ip] = [col.src_addr, col.dst_addr, col.protocol, col.in_bytes, col.in_pkts].map(req) as [number, number, number, number, number];
  const [id, sp, dp, ob, op, st, en, du, fl] = [col.id, col.src_port, col.dst_port, col.out_bytes, col.out_pkts, col.start, col.end, col.duration, col.tcp_flags].map(opt) as number[];
  const offset = offsetMinutes(m.utc_offset);
  const scale = DURATION_MS[m.duration_unit];
  const extras = c.extras(m.labels);
  const h = header;
  const map = (row: unknown[], at: RowAt, rowNumber: number): Flow => {
    const notes: QualityNote[] = [];
    const d = du! >= 0 ? toOptionalCount(row[du!], h[du!]!, at) : null;
    const t = resolveTimes(
      st! >= 0 ? toOptionalTimeMs(row[st!], h[st!]!, at, m.time_unit, offset) : null,
      en! >= 0 ? toOptionalTimeMs(row[en!], h[en!]!, at, m.time_unit, offset) : null,
      d === null ? null : d * scale,
      du! >= 0 ? h[du!]! : 'duration',
      notes,
    );
    const fields = extras.fields(row);
    const labels = extras.labels(row);
    return {
      id: id! >= 0 && !isUnset(row[id!]) ? String(row[id!]) : String(rowNumber),
      line: at.line,
      src_addr: toAddress(row[sa], h[sa]!, at),
      dst_addr: toAddress(row[da], h[da]!, at),
      src_port: sp! >= 0 ? toPort(row[sp!], h[sp!]!, at) : null,
      dst_port: dp! >= 0 ? toPort(row[dp!], h[dp!]!, at) : null,
      protocol: toProtocol(row[pr], h[pr]!, at),
      start_ms: t.start_ms,
      end_ms: t.end_ms,
      duration_ms: t.duration_ms,
      in_bytes: toCounter(row[ib], h[ib]!, at),
      in_pkts: toCounter(row[ip], h[ip]!, at),
      out_bytes: ob! >= 0 ? toOptionalCounter(row[ob!], h[ob!]!, at) : null,
      out_pkts: op! >= 0 ? toOptionalCounter(row[op!], h[op!]!, at) : null,
      tcp_flags: fl! >= 0 ? toTcpFlags(row[fl!], h[fl!]!, at) : null,
      fields,
      labels,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
  };
  return { map, hasTime: st! >= 0, hasFlags: fl! >= 0 };
}

export const mappedCsv: FormatSpec = { name: 'mapped-csv', container: 'csv', compile: compileMapped };
