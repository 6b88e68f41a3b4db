import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support.ts';

const DEMO = resolve(import.meta.dirname, '../../../fixtures/flows/demo.csv');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-features-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The demo's first 3,000 flows: enough for windows and a forest, quick to score twice.
const csv = join(dir, 'flows.csv');
writeFileSync(csv, `${readFileSync(DEMO, 'utf8').split('\n').slice(0, 3001).join('\n')}\n`);

async function duckdb<T>(use: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await use(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** CSV text as rows of cells (the features CSV has no quoted cells here). */
const csvRows = (text: string): string[][] => text.trim().split('\n').map((line) => line.split(','));

describe('flowlens features and score with Parquet (native engine)', () => {
  it('writes the same rows and columns to Parquet as to CSV, nulls as nulls', async () => {
    const [outCsv, outParquet] = [join(dir, 'f.csv'), join(dir, 'f.parquet')];
    for (const out of [outCsv, outParquet]) expect((await runCli(['features', csv, '--out', out, '--quiet'])).code).toBe(0);
    const [header, ...rows] = csvRows(readFileSync(outCsv, 'utf8'));
    const stored = await duckdb((run) => run(`SELECT * FROM read_parquet('${outParquet}')`));
    expect(stored).toHaveLength(3000);
    expect(Object.keys(stored[0]!)).toEqual(header);
    rows.forEach((cells, j) =>
      cells.forEach((cell, i) => {
        const value = stored[j]![header![i]!];
        if (cell === '') expect([null, '']).toContain(value);
        else if (typeof value === 'number') expect(value).toBe(Number(cell));
        else expect(String(value)).toBe(cell);
      }),
    );
  });

  it('reads a Parquet input like the CSV it was made from: the same features and the same scores', async () => {
    const parquet = join(dir, 'flows.parquet');
    await duckdb((run) => run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`));
    const features = await Promise.all(
      [csv, parquet].map(async (input, k) => {
        const out = join(dir, `from-${k}.csv`);
        const r = await runCli(['features', input, '--out', out, '--quarantine', join(dir, `q${k}.jsonl`), '--quiet']);
        expect(r.stderr).toContain('read 3000 = accepted 3000');
        return readFileSync(out, 'utf8');
      }),
    );
    expect(features[1]).toBe(features[0]);
    const scores = [];
    for (const [k, input] of [csv, parquet].entries()) {
      const file = join(dir, `scores-${k}.jsonl`);
      expect((await runCli(['score', input, '--top', '2', '--out', join(dir, `t${k}`), '--scores', file, '--quiet'])).code).toBe(0);
      // a Parquet row's "line" is its row number; a CSV line counts the header
      scores.push(readFileSync(file, 'utf8').replace(/"line":\d+,/g, ''));
    }
    expect(scores[1]).toBe(scores[0]);
  });

  it('names a Parquet file whose columns match no format', async () => {
    const parquet = join(dir, 'odd.parquet');
    await duckdb((run) => run(`COPY (SELECT 1 AS a, 'x' AS b) TO '${parquet}' (FORMAT parquet)`));
    const r = await runCli(['features', parquet, '--out', join(dir, 'odd.csv'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot tell the format of this Parquet file from its columns');
    expect(r.stderr).toContain(parquet);
  });
});
