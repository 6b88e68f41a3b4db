import { BadRowError } from '../../errors.ts';
import type { Container, RowBatch } from './container.ts';
import type { LineBatch } from './text-chunks.ts';

/** Nested objects become dotted keys (`flow.bytes_toserver`); arrays stay values. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${key}.`, out);
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

/** Header for JSON records: the format's known keys, then the first record's other keys. */
export function jsonHeader(first: Record<string, unknown> | null, knownKeys: readonly string[], nested = false): string[] {
  const header = [...knownKeys];
  const seen = new Set(header);
  if (first !== null) for (const key of Object.keys(nested ? first : flatten(first))) if (!seen.has(key)) header.push(key);
  return header;
}

/** A JSON row can carry keys the header does not know (records differ); they ride along here. */
export type JsonRow = unknown[] & { extra?: Record<string, unknown> };

const headerSets = new WeakMap<string[], Set<string>>();

/** Align a flattened record with the header; keys missing from the header go to `row.extra`. */
export function alignRecord(value: unknown, header: string[], file: string, line: number, nested = false): JsonRow | BadRowError {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return new BadRowError({ file, line, field: '(record)', value: JSON.stringify(value)?.slice(0, 1000) ?? null }, 'not a JSON object');
  }
  const flat = nested ? (value as Record<string, unknown>) : flatten(value as Record<string, unknown>);
  const row: JsonRow = new Array<unknown>(header.length);
  let matched = 0;
  for (let i = 0; i < header.length; i++) {
    const v = flat[header[i]!];
    row[i] = v;
    if (v !== undefined) matched++;
  }
  const keys = Object.keys(flat);
  if (keys.length > matched) {
    let known = headerSets.get(header);
    if (known === undefined) headerSets.set(header, (known = new Set(header)));
    const extra: Record<string, unknown> = {};
    for (const key of keys) if (!known.has(key)) extra[key] = flat[key];
    if (Object.keys(extra).length > 0) row.extra = extra;
  }
  return row;
}

function parseLine(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    return new BadRowError({ file, line, field: '(record)', value: text.length > 1000 ? `${text.slice(0, 997)}...` : text }, `invalid JSON: ${(cause as Error).message}`);
  }
}

/** JSON lines: one object per non-blank line. */
export async function openJsonLines(lines: AsyncIterator<LineBatch>, file: string, knownKeys: readonly string[], nested = false): Promise<Container> {
  let carry: LineBatch | null = null;
  let first: Record<string, unknown> | null = null;
  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    const at = r.value.lines.findIndex((l) => l.trim() !== '');
    if (at < 0) continue;
    carry = r.value;
    const parsed = parseLine(r.value.lines[at]!, file, r.value.first + at);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && !(parsed instanceof BadRowError)) first = parsed as Record<string, unknown>;
    break;
  }
  const header = jsonHeader(first, knownKeys, nested);
  function convert(batch: LineBatch): RowBatch {
    const out: RowBatch = { rows: [], lines: [] };
    batch.lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const line = batch.first + i;
      const parsed = parseLine(text, file, line);
      out.lines.push(line);
      out.rows.push(parsed instanceof BadRowError ? parsed : alignRecord(parsed, header, file, line, nested));
    });
    return out;
  }
  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      if (carry !== null) yield convert(carry);
      for (let r = await lines.next(); !r.done; r = await lines.next()) yield convert(r.value);
    } finally {
      await lines.return?.(undefined);
    }
  }
  const sample = first === null ? undefined : alignRecord(first, header, file, 1, nested);
  return { header, batches: batches(), ...(Array.isArray(sample) ? { sample } : {}) };
}
