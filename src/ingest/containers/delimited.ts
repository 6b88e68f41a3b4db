import { BadRowError } from '../../errors.ts';
import type { Container, RowBatch } from './container.ts';
import { guessDelimiter, splitQuoted, uniqueNames } from './split-quoted.ts';
import type { LineBatch } from './text-chunks.ts';

export interface DelimitedOptions {
  file: string;
  /** @default guessed from the header */
  delimiter?: string;
  /** A line that ends the data (nfdump's `Summary` block). */
  isTrailer?: (line: string) => boolean;
}

const MAX_RECORD_CHARS = 1 << 20;

function shown(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

/** Find the header line; returns it with the lines left over in its batch. */
async function readHeader(lines: AsyncIterator<LineBatch>): Promise<{ header: string | null; rest: LineBatch | null }> {
  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    const { lines: batch, first } = r.value;
    const at = batch.findIndex((l) => l.trim() !== '');
    if (at >= 0) return { header: batch[at]!, rest: { lines: batch.slice(at + 1), first: first + at + 1, quoted: r.value.quoted } };
  }
  return { header: null, rest: null };
}

/** CSV (or TSV, `;`, `|`): header on the first non-blank line, quoted fields, multi-line records. */
export async function openDelimited(lines: AsyncIterator<LineBatch>, options: DelimitedOptions): Promise<Container> {
  const { header: headerLine, rest } = await readHeader(lines);
  if (headerLine === null) return { header: [], batches: [] };
  const d = options.delimiter ?? guessDelimiter(headerLine);
  const header = uniqueNames(splitQuoted(headerLine, d) ?? headerLine.split(d));
  const width = header.length;
  const file = options.file;
  const isTrailer = options.isTrailer;
  let pending: string | null = null;
  let pendingLine = 0;
  let ended = false;

  function push(out: RowBatch, values: string[], line: number, text: string): void {
    out.lines.push(line);
    out.rows.push(
      values.length === width
        ? values
        : new BadRowError({ file, line, field: '(row)', value: shown(text) }, `expected ${width} fields, got ${values.length}`),
    );
  }

  /** No quotes anywhere in the batch: plain split, the hot path. */
  function convertPlain(batch: LineBatch): RowBatch {
    const { lines: ls, first } = batch;
    const rows: RowBatch['rows'] = [];
    const lineNos: number[] = [];
    for (let i = 0; i < ls.length; i++) {
      const line = ls[i]!;
      if (line.length === 0) continue;
      if (isTrailer !== undefined && isTrailer(line)) {
        ended = true;
        break;
      }
      const values = line.split(d);
      lineNos.push(first + i);
      rows.push(values.length === width ? values : new BadRowError({ file, line: first + i, field: '(row)', value: shown(line) }, `expected ${width} fields, got ${values.length}`));
    }
    return { rows, lines: lineNos };
  }

  function convert(batch: LineBatch): RowBatch {
    if (!batch.quoted && pending === null) return convertPlain(batch);
    const out: RowBatch = { rows: [], lines: [] };
    const { lines: ls, first } = batch;
    for (let i = 0; i < ls.length && !ended; i++) {
      const line = ls[i]!;
      if (pending !== null) {
        pending += `\n${line}`;
        const values = splitQuoted(pending, d);
        if (values !== null) {
          push(out, values, pendingLine, pending);
          pending = null;
        } else if (pending.length > MAX_RECORD_CHARS) {
          out.lines.push(pendingLine);
          out.rows.push(new BadRowError({ file, line: pendingLine, field: '(row)', value: shown(pending) }, 'quoted field never closed'));
          pending = null;
        }
        continue;
      }
      if (line.length === 0) continue;
      if (isTrailer !== undefined && isTrailer(line)) {
        ended = true;
        break;
      }
      if (line.indexOf('"') < 0) {
        push(out, line.split(d), first + i, line);
        continue;
      }
      const values = splitQuoted(line, d);
      if (values !== null) push(out, values, first + i, line);
      else {
        pending = line;
        pendingLine = first + i;
      }
    }
    return out;
  }

  async function* batches(): AsyncGenerator<RowBatch> {
    if (rest !== null && rest.lines.length > 0) yield convert(rest);
    for (let r = await lines.next(); !r.done && !ended; r = await lines.next()) yield convert(r.value);
    if (pending !== null) {
      const bad = new BadRowError({ file, line: pendingLine, field: '(row)', value: shown(pending) }, 'quoted field never closed');
      yield { rows: [bad], lines: [pendingLine] };
    }
    if (ended) await lines.return?.(undefined);
  }

  return { header, batches: batches() };
}
