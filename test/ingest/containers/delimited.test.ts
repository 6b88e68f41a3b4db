import { describe, expect, it } from 'vitest';
import { BadRowError } from '../../../src/errors.ts';
import type { RowBatch, RowScan } from '../../../src/ingest/containers/container.ts';
import { openDelimited } from '../../../src/ingest/containers/delimited.ts';

/** Every row the container hands out (copied: the fast path reuses its row array), with its line. */
async function rowsOf(text: string, delimiter: string): Promise<[number, unknown[] | string][]> {
  async function* chunks(): AsyncGenerator<string> {
    yield text;
  }
  const container = await openDelimited(chunks(), { file: 'f.csv', delimiter });
  const out: [number, unknown[] | string][] = [];
  const take = (row: unknown[] | BadRowError, line: number): void => {
    out.push([line, row instanceof BadRowError ? row.message : [...row]]);
  };
  for await (const batch of container.batches as AsyncIterable<RowBatch | RowScan>) {
    if ('scan' in batch) batch.scan(take);
    else batch.rows.forEach((row, i) => take(row, batch.lines[i]!));
  }
  return out;
}

const FIELDS = ['0', '00', '012', '7', '123456789012345', '1234567890123456', '', '1a', 'a1', ' 1', '1.5', '-1', '10.0.0.1'];
const wide = (d: string): string => FIELDS.join(d);

describe('openDelimited, unquoted fast path', () => {
  it.each([
    ['one-character delimiter', ','],
    ['two-character delimiter', '::'],
  ])('cuts plain digits into numbers and the rest into text, and counts fields, with a %s', async (_, d) => {
    const header = FIELDS.map((_, i) => `c${i}`).join(d);
    const text = `${header}\r\n${wide(d)}\r\n\r\n${FIELDS.slice(1).join(d)}\n${wide(d)}${d}x\n${wide(d)}`;
    const rows = await rowsOf(text, d);
    const expected = [0, '00', '012', 7, 123456789012345, '1234567890123456', '', '1a', 'a1', ' 1', '1.5', '-1', '10.0.0.1'];
    expect(rows).toEqual([
      [2, expected],
      [4, 'expected 13 fields, got 12 at f.csv:4'],
      [5, 'expected 13 fields, got 14 at f.csv:5'],
      [6, expected],
    ]);
  });
});
