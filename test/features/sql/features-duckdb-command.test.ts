import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES, openDuckdbFeatures } from '../../../src/features/index.ts';
import { openFlows } from '../../../src/ingest/index.ts';
import { runCli } from '../../cli/support.ts';
import { compareEngines, type EngineRow } from './compare-engines.ts';

const SMALL = resolve(import.meta.dirname, '../../../fixtures/flows/ingest/nprobe-v3.csv');
const DEMO = resolve(import.meta.dirname, '../../../fixtures/flows/demo.csv');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-features-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quarantine = ['--quarantine', join(dir, 'q.jsonl')];

/** Rows of any file DuckDB reads (parquet, csv, json lines), as engine rows. */
async function readBack(file: string): Promise<EngineRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = file.endsWith('.parquet') ? 'read_parquet' : file.endsWith('.csv') ? 'read_csv' : 'read_json';
    const rows = (await connection.runAndReadAll(`SELECT * FROM ${reader}('${file}') ORDER BY idx`)).getRowObjectsJS();
    return rows.map((row) => ({
      id: String(row['id']),
      features: Object.fromEntries(FEATURE_NAMES.map((n) => [n, row[n] === null ? null : Number(row[n])])) as EngineRow['features'],
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function nativeJsonl(input: string): Promise<EngineRow[]> {
  const { code, stdout } = await runCli(['features', input, ...quarantine, '--quiet']);
  expect(code).toBe(0);
  return stdout.trim().split('\n').map((line) => {
    const row = JSON.parse(line) as Record<string, number | null>;
    return { id: String(row['id']), features: Object.fromEntries(FEATURE_NAMES.map((n) => [n, row[n]])) as EngineRow['features'] };
  });
}

describe('flowlens features --engine duckdb', () => {
  it.each(['parquet', 'csv', 'jsonl'])('--out features.%s: the native rows, every feature', async (ext) => {
    const out = join(dir, `small.${ext}`);
    const { code, stderr } = await runCli(['features', SMALL, '--engine', 'duckdb', '--out', out, ...quarantine]);
    expect(code).toBe(0);
    expect(stderr).toContain(`features (duckdb): 3 flows, window 60000 ms → ${out} (${ext})`);
    expect(stderr).toContain('read 3 = accepted 3 + quarantined 0');
    const { values, differences } = compareEngines(await nativeJsonl(SMALL), await readBack(out));
    expect([values, differences]).toEqual([3 * 18, []]);
  });

  it('reads a Parquet file of canonical flows itself (idx from the file’s row order when absent)', async () => {
    // the demo's first 3,000 flows (20,000 take seconds more and prove no more)
    const csv = join(dir, 'demo-3000.csv');
    writeFileSync(csv, readFileSync(DEMO, 'utf8').split('\n').slice(0, 3001).join('\n'));
    const parquet = join(dir, 'demo-canonical.parquet');
    const duck = await openDuckdbFeatures({ source: await openFlows(csv, { quarantineFile: join(dir, 'q.jsonl') }) });
    try {
      await duck.connection.run(`COPY (SELECT * EXCLUDE (idx, notes, late, in_start_order) FROM flows ORDER BY idx) TO '${parquet}' (FORMAT parquet)`);
    } finally {
      duck.close();
    }
    const out = join(dir, 'demo-from-parquet.jsonl');
    const { code } = await runCli(['features', parquet, '--engine', 'duckdb', '--out', out]);
    expect(code).toBe(0);
    const { values, differences } = compareEngines(await nativeJsonl(csv), await readBack(out));
    expect([values, differences]).toEqual([3000 * 18, []]);
  });

  it('names the missing column of a Parquet file without the canonical ones', async () => {
    const parquet = join(dir, 'not-flows.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1 AS idx, 'a' AS id) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const { code, stderr } = await runCli(['features', parquet, '--engine', 'duckdb', '--out', join(dir, 'x.parquet')]);
    expect(code).toBe(2);
    expect(stderr).toContain('Missing required column `src_addr` for format canonical parquet; the header has: idx, id');
  });

  it('needs --out; Parquet output needs --out', async () => {
    const noOut = await runCli(['features', SMALL, '--engine', 'duckdb', ...quarantine]);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('`--engine duckdb` writes a file: give `--out features.parquet|csv|jsonl`')]);
    const nativeParquet = await runCli(['features', SMALL, '--out-format', 'parquet', ...quarantine]);
    expect([nativeParquet.code, nativeParquet.stderr]).toEqual([2, expect.stringContaining('Parquet is written to a file: give `--out features.parquet`')]);
  });
});

describe('flowlens features --sql', () => {
  it('prints the statement for the dialect and window asked for', async () => {
    const { code, stdout } = await runCli(['features', '--sql', '--dialect', 'clickhouse', '--window', '5m']);
    expect(code).toBe(0);
    expect(stdout.startsWith('WITH\n')).toBe(true);
    expect(stdout).toContain('RANGE BETWEEN 300000 PRECEDING AND CURRENT ROW');
    expect(stdout.trimEnd().endsWith('SETTINGS join_use_nulls = 1;')).toBe(true);
  });

  it('asks for an input when there is neither one nor --sql', async () => {
    const { code, stderr } = await runCli(['features']);
    expect([code, stderr]).toEqual([2, expect.stringContaining('Expected an input file (or `--sql` to print the feature SQL)')]);
  });
});

