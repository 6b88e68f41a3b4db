import { BadRowError } from '../../errors.ts';
import type { Container, RowBatch } from './container.ts';
import { alignRecord, jsonHeader } from './json-records.ts';
import type { LineBatch } from './text-chunks.ts';

interface Found {
  text: string;
  line: number;
}

/**
 * Streams the objects of a top-level JSON array (`[{…},{…}]`) without holding the file: tracks string and
 * nesting state across lines and cuts each element at depth 1.
 */
class ArrayScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] | null = null;
  private startLine = 0;

  scan(line: string, lineNo: number, out: Found[]): void {
    let from = this.parts === null ? -1 : 0;
    for (let j = 0; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
      } else if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        if (++this.depth === 2) {
          this.parts = [];
          this.startLine = lineNo;
          from = j;
        }
      } else if (c === 125 || c === 93) {
        if (this.depth-- === 2 && this.parts !== null) {
          this.parts.push(line.slice(from, j + 1));
          out.push({ text: this.parts.join('\n'), line: this.startLine });
          this.parts = null;
          from = -1;
        }
      }
    }
    if (this.parts !== null) this.parts.push(line.slice(Math.max(from, 0)));
  }
}

function parse(found: Found, file: string): unknown {
  try {
    return JSON.parse(found.text);
  } catch (cause) {
    return new BadRowError({ file, line: found.line, field: '(record)', value: found.text.slice(0, 1000) }, `invalid JSON: ${(cause as Error).message}`);
  }
}

/** A JSON array of flat-ish objects (the NF-v3 batch `flows.json`). */
export async function openJsonArray(lines: AsyncIterator<LineBatch>, file: string, knownKeys: readonly string[]): Promise<Container> {
  const scanner = new ArrayScanner();
  const queue: Found[] = [];
  let done = false;
  async function fill(): Promise<void> {
    while (queue.length === 0 && !done) {
      const r = await lines.next();
      if (r.done) done = true;
      else r.value.lines.forEach((l, i) => scanner.scan(l, r.value.first + i, queue));
    }
  }
  await fill();
  const firstValue = queue.length > 0 ? parse(queue[0]!, file) : null;
  const first = firstValue !== null && typeof firstValue === 'object' && !(firstValue instanceof BadRowError) ? (firstValue as Record<string, unknown>) : null;
  const header = jsonHeader(first, knownKeys);
  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      for (;;) {
        await fill();
        if (queue.length === 0) return;
        const out: RowBatch = { rows: [], lines: [] };
        for (const found of queue.splice(0)) {
          const value = parse(found, file);
          out.lines.push(found.line);
          out.rows.push(value instanceof BadRowError ? value : alignRecord(value, header, file, found.line));
        }
        yield out;
      }
    } finally {
      await lines.return?.(undefined);
    }
  }
  return { header, batches: batches() };
}
