import { BadRowError } from '../../errors.ts';
import type { Container, RowBatch, RowScan, RowVisitor } from './container.ts';
import { guessDelimiter, splitQuoted, uniqueNames } from './split-quoted.ts';
import { readBodies, splitLines, type LineBatch } from './text-chunks.ts';

export interface DelimitedOptions {
  file: string;
  /** @default guessed from the header */
  delimiter?: string;
  /** Starts of a line that ends the data (nfdump's `Summary` block). */
  trailers?: readonly string[];
}

const MAX_RECORD_CHARS = 1 << 20;

/**
 * A field of the fast path: plain decimal digits (no sign, no leading zero, ≤ 15 digits, so exact) become a
 * number without allocating a string; anything else is cut as text and left to the format's coercers.
 */
function cutField(t: string, p: number, q: number): string | number {
  const len = q - p;
  if (len > 0 && len <= 15) {
    let c = t.charCodeAt(p);
    if ((c >= 49 && c <= 57) || (len === 1 && c === 48)) {
      let n = c - 48;
      let i = p + 1;
      for (; i < q; i++) {
        c = t.charCodeAt(i);
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      if (i === q) return n;
    }
  }
  return t.slice(p, q);
}

function shown(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

/** The first non-blank line of the text, and the body after it; null when there is none yet. */
async function readHeader(bodies: AsyncIterator<string>): Promise<{ header: string | null; rest: string; line: number }> {
  let line = 1;
  for (let r = await bodies.next(); !r.done; r = await bodies.next()) {
    const lines = r.value.split('\n');
    const at = lines.findIndex((l) => l.trim() !== '');
    if (at >= 0) {
      const cut = lines.slice(0, at + 1).reduce((n, l) => n + l.length + 1, 0);
      return { header: lines[at]!.replace(/\r$/, ''), rest: r.value.slice(cut), line: line + at + 1 };
    }
    line += lines.length;
  }
  return { header: null, rest: '', line };
}

/**
 * CSV (or TSV, `;`, `|`): header on the first non-blank line, quoted fields, multi-line records.
 * A chunk without any double quote takes the fast path: fields are cut straight from the chunk with
 * indexOf (no per-line strings, no split arrays); other chunks go line by line through the quote-aware splitter.
 */
export async function openDelimited(chunks: AsyncIterable<string>, options: DelimitedOptions): Promise<Container> {
  const bodies = readBodies(chunks);
  const { header: headerLine, rest, line: firstDataLine } = await readHeader(bodies);
  if (headerLine === null) return { header: [], batches: [] };
  const d = options.delimiter ?? guessDelimiter(headerLine);
  const header = uniqueNames(splitQuoted(headerLine, d) ?? headerLine.split(d));
  const width = header.length;
  const last = width - 1;
  const step = d.length;
  const file = options.file;
  const trailers = options.trailers ?? [];
  const isTrailer = (line: string): boolean => trailers.some((t) => line.startsWith(t));
  const hasTrailer = (body: string): boolean => trailers.some((t) => body.startsWith(t) || body.includes(`\n${t}`));
  let pending: string | null = null;
  let pendingLine = 0;
  let ended = false;
  let nextLine = firstDataLine;

  const wrongCount = (text: string, line: number, got: number): BadRowError =>
    new BadRowError({ file, line, field: '(row)', value: shown(text) }, `expected ${width} fields, got ${got}`);

  // one row array for the whole fast path: the visitor copies what it keeps
  const row = new Array<string | number>(width);

  /** Fast path over a whole body with no quotes: each row goes to the visitor as it is cut. Returns the next line number. */
  function scanPlain(t: string, line: number, visit: RowVisitor): number {
    const n = t.length;
    let pos = 0;
    while (pos <= n) {
      let nl = t.indexOf('\n', pos);
      if (nl < 0) nl = n;
      let e = nl;
      if (e > pos && t.charCodeAt(e - 1) === 13) e--;
      if (e > pos) {
        let p = pos;
        let ok = true;
        for (let k = 0; k < last; k++) {
          const q = t.indexOf(d, p);
          if (q < 0 || q >= e) {
            ok = false;
            break;
          }
          row[k] = cutField(t, p, q);
          p = q + step;
        }
        if (ok) {
          const q = t.indexOf(d, p);
          if (q >= 0 && q < e) ok = false;
          else row[last] = cutField(t, p, e);
        }
        visit(ok ? row : wrongCount(t.slice(pos, e), line, t.slice(pos, e).split(d).length), line);
      }
      line++;
      pos = nl + 1;
    }
    return line;
  }

  function push(out: RowBatch, values: string[], line: number, text: string): void {
    out.lines.push(line);
    out.rows.push(values.length === width ? values : wrongCount(text, line, values.length));
  }

  /** Line by line: quotes, records spanning lines, trailers. */
  function convertLines(batch: LineBatch, out: RowBatch): void {
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
      if (trailers.length > 0 && isTrailer(line)) {
        ended = true;
        break;
      }
      const values = line.indexOf('"') < 0 ? line.split(d) : splitQuoted(line, d);
      if (values !== null) push(out, values, first + i, line);
      else {
        pending = line;
        pendingLine = first + i;
      }
    }
  }

  function convert(body: string): RowBatch | RowScan {
    if (pending === null && body.indexOf('"') < 0 && !hasTrailer(body)) {
      return {
        scan: (visit) => {
          nextLine = scanPlain(body, nextLine, visit);
        },
      };
    }
    const out: RowBatch = { rows: [], lines: [] };
    const batch = splitLines(body, nextLine);
    nextLine += batch.lines.length;
    convertLines(batch, out);
    return out;
  }

  async function* batches(): AsyncGenerator<RowBatch | RowScan> {
    try {
      if (rest !== '') yield convert(rest);
      for (let r = await bodies.next(); !r.done && !ended; r = await bodies.next()) yield convert(r.value);
      if (pending !== null) yield { rows: [new BadRowError({ file, line: pendingLine, field: '(row)', value: shown(pending) }, 'quoted field never closed')], lines: [pendingLine] };
    } finally {
      // a trailer or a consumer that stops early leaves the input open otherwise
      await bodies.return(undefined);
    }
  }

  return { header, batches: batches() };
}
