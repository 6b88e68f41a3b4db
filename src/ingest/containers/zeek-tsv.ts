import { BadRowError } from '../../errors.ts';
import type { Container, RowBatch } from './container.ts';
import type { LineBatch } from './text-chunks.ts';

function unescapeSeparator(text: string): string {
  return text.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Zeek TSV logs: `#separator`, `#fields`, `#empty_field` header lines, `-` for unset. IoT-23 quirk: the last
 * `#fields` entry is `tunnel_parents   label   detailed-label` in one tab field, and each row's last tab field
 * holds those three values separated by spaces; both are split on whitespace.
 */
export async function openZeekTsv(lines: AsyncIterator<LineBatch>, file: string): Promise<Container> {
  let sep = '\t';
  let empty = '(empty)';
  let unset = '-';
  let header: string[] | null = null;
  let carry: LineBatch | null = null;
  while (header === null) {
    const r = await lines.next();
    if (r.done) break;
    const { lines: ls, first } = r.value;
    for (let i = 0; i < ls.length; i++) {
      const line = ls[i]!;
      if (line.startsWith('#separator ')) sep = unescapeSeparator(line.slice(11).trim());
      else if (line.startsWith('#empty_field')) empty = line.split(sep)[1] ?? empty;
      else if (line.startsWith('#unset_field')) unset = line.split(sep)[1] ?? unset;
      else if (line.startsWith('#fields')) {
        header = line.split(sep).slice(1);
        carry = { lines: ls.slice(i + 1), first: first + i + 1, quoted: false };
        break;
      }
    }
  }
  if (header === null) return { header: [], batches: [] };
  const merged = header[header.length - 1]!.trim().split(/\s+/);
  const mergedExtra = merged.length - 1;
  const names = [...header.slice(0, -1), ...merged];
  const width = names.length;

  function convert(batch: LineBatch): RowBatch {
    const out: RowBatch = { rows: [], lines: [] };
    batch.lines.forEach((line, i) => {
      if (line === '' || line.charCodeAt(0) === 35) return; // '#close', repeated headers
      const lineNo = batch.first + i;
      const values = line.split(sep);
      if (mergedExtra > 0 && values.length === width - mergedExtra) {
        const parts = values.pop()!.trim().split(/\s+/);
        values.push(...parts);
      }
      // unset (`-`) and empty-set markers both become '' so every reader sees one "not set"
      for (let k = 0; k < values.length; k++) if (values[k] === unset || values[k] === empty) values[k] = '';
      out.lines.push(lineNo);
      out.rows.push(
        values.length === width
          ? values
          : new BadRowError({ file, line: lineNo, field: '(row)', value: line.slice(0, 1000) }, `expected ${width} fields, got ${values.length}`),
      );
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
  return { header: names, batches: batches() };
}
