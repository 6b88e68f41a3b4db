import { BadRowError } from '../../errors.ts';
import type { RowAt } from '../coerce.ts';
import { FlowSchema, type Flow } from '../flow-schema.ts';
import type { CompileContext, CompiledFormat, FormatSpec } from './format-spec.ts';

const KEYS = Object.keys(FlowSchema.shape);

/**
 * JSONL of canonical flows, as `flowlens ingest --out` writes them. Each record is checked with the full
 * FlowSchema (this is an edge); `line` becomes the JSONL line, the id is kept.
 */
function compileCanonical(header: string[], ctx: CompileContext): CompiledFormat {
  const map = (row: unknown[], at: RowAt): Flow => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) if (row[i] !== undefined) record[header[i]!] = row[i];
    record.line = at.line;
    const parsed = FlowSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(record)';
    throw new BadRowError({ file: at.file, line: at.line, field, value: (record[String(issue.path[0])] ?? null) as unknown }, issue.message);
  };
  const at = (key: string): unknown => ctx.sample?.[header.indexOf(key)];
  return { map, hasTime: at('start_ms') !== null && at('start_ms') !== undefined, hasFlags: at('tcp_flags') !== null && at('tcp_flags') !== undefined };
}

export const canonicalJsonl: FormatSpec = {
  name: 'canonical-jsonl',
  container: 'jsonl',
  nested: true,
  knownKeys: KEYS,
  compile: compileCanonical,
};
