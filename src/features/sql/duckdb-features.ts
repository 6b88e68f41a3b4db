import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MissingColumnError } from '../../errors.ts';
import type { FlowSource } from '../../ingest/index.ts';
import { featureSql, FLOWS_TABLE_COLUMNS, windowFeatureSql, type FeatureSqlOptions } from './feature-sql.ts';
import { loadFlowsIntoDuckdb, ORDERED_COLUMN } from './load-flows-duckdb.ts';

/** Options for openDuckdbFeatures. */
export interface DuckdbFeaturesOptions {
  /** Sliding-window length W in ms. @default 60000 */
  windowMs?: number;
  /**
   * DuckDB's memory limit; past it, DuckDB spills to a temp directory. The process holds well more than
   * the limit (Node, and DuckDB's memory outside its buffer pool): at 10 M flows, 861 MiB at 256MB, 864–986 MiB at 320MB
   * and 1,294 MiB at 512MB (src/features/README.md). @default DUCKDB_FEATURES_DEFAULTS.memoryLimit
   */
  memoryLimit?: string;
  /** DuckDB worker threads: each holds its own share of the window sorts. @default DUCKDB_FEATURES_DEFAULTS.threads */
  threads?: number;
  /** Which statement to run (see FeatureSqlOptions.form): 'portable' executes the Spark/ClickHouse form here. @default 'frames' */
  form?: 'frames' | 'portable';
}

/** What `--engine duckdb` runs with unless told: the settings that kept 10 M flows under 1 GB of peak RSS. */
export const DUCKDB_FEATURES_DEFAULTS = { memoryLimit: '256MB', threads: 1 } as const;

/** Flows to compute features for: an input opened by flowlens ingest, or a Parquet file with the canonical columns. */
export type DuckdbInput = { source: FlowSource } | { parquet: string };

export type DuckdbOutFormat = 'parquet' | 'csv' | 'jsonl';

/** An embedded DuckDB holding the flows, and the feature statement over them. */
export interface DuckdbFeatures {
  connection: DuckDBConnection;
  /** The statement (DuckDB dialect) that yields one row per flow: id, canonical fields, notes/labels, every feature. */
  sql: string;
  flows: number;
  /** Write every row to a file (COPY: streamed by DuckDB, never held in JS). */
  write(file: string, format: DuckdbOutFormat): Promise<void>;
  close(): void;
}

const COPY_FORMAT: Record<DuckdbOutFormat, string> = {
  parquet: 'FORMAT parquet',
  csv: 'FORMAT csv, HEADER true',
  // DuckDB's JSON writer writes one object per line
  jsonl: 'FORMAT json',
};

/** A SQL string literal. */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Load flows into an embedded DuckDB (its binaries come from npm) and prepare the registry's feature
 * SQL over them. Close it when done: its spill directory is removed then.
 *
 * @example
 * const duck = await openDuckdbFeatures({ source: await openFlows('flows.csv') });
 * try { await duck.write('features.parquet', 'parquet'); } finally { duck.close(); }
 */
export async function openDuckdbFeatures(input: DuckdbInput, options: DuckdbFeaturesOptions = {}): Promise<DuckdbFeatures> {
  // rows come out ORDER BY idx; insertion order elsewhere costs memory for nothing
  const { connection, close } = await openSpillingDuckdb({ ...DUCKDB_FEATURES_DEFAULTS, ...options, preserveInsertionOrder: false });
  try {
    const loaded = 'source' in input ? await loadIngested(connection, input.source) : await viewParquet(connection, input.parquet);
    const sqlOptions: FeatureSqlOptions = { dialect: 'duckdb', form: options.form ?? 'frames', windowMs: options.windowMs, hasTime: loaded.hasTime, hasFlags: loaded.hasFlags, passThrough: loaded.passThrough, ...loaded.sqlOptions };
    const sql = loaded.staged ? await stageWindowFeatures(connection, sqlOptions) : featureSql(sqlOptions);
    return {
      connection,
      sql,
      flows: loaded.flows,
      write: async (file, format) => void (await connection.run(`COPY (${sql}) TO ${sqlString(file)} (${COPY_FORMAT[format]})`)),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Compute the window features into a table of their own, and return the statement that joins it to the
 * flows. Run as one statement, the window sorts hold their memory (or their spill) while the output is
 * joined and sorted back into idx order; staged, they have ended first.
 */
async function stageWindowFeatures(connection: DuckDBConnection, options: FeatureSqlOptions): Promise<string> {
  let { hasFlags } = options;
  if (hasFlags === 'detect') hasFlags = Boolean((await connection.runAndReadAll('SELECT count(tcp_flags) > 0 AS f FROM flows')).getRowObjectsJS()[0]!['f']);
  if (options.hasTime !== false) await connection.run(`CREATE TEMP TABLE window_features AS ${windowFeatureSql(options)}`);
  return featureSql({ ...options, hasFlags, windowTable: 'window_features' });
}

/**
 * An embedded in-memory DuckDB that spills past `memoryLimit` (default 512MB) to a temp directory of
 * its own, removed by close().
 */
export async function openSpillingDuckdb(options: { memoryLimit?: string; threads?: number; preserveInsertionOrder?: boolean } = {}): Promise<{ connection: DuckDBConnection; close(): void }> {
  const spill = mkdtempSync(join(tmpdir(), 'flowlens-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: options.memoryLimit ?? '512MB',
    temp_directory: spill,
    preserve_insertion_order: String(options.preserveInsertionOrder ?? true),
    ...(options.threads !== undefined ? { threads: String(options.threads) } : {}),
  });
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

interface Loaded {
  flows: number;
  hasTime: boolean;
  hasFlags: boolean | 'detect';
  passThrough: string[];
  /** How the flows that join the windows are found (see FeatureSqlOptions). */
  sqlOptions?: Pick<FeatureSqlOptions, 'lateColumn' | 'orderedColumn'>;
  /** The flows table is in idx order: compute the window features first (stageWindowFeatures). */
  staged?: boolean;
}

async function loadIngested(connection: DuckDBConnection, source: FlowSource): Promise<Loaded> {
  const { flows, labelKeys } = await loadFlowsIntoDuckdb(connection, source);
  return { flows, hasTime: source.hasTime, hasFlags: source.hasFlags, passThrough: ['notes', ...labelKeys], sqlOptions: { orderedColumn: ORDERED_COLUMN }, staged: true };
}

/** A Parquet file as the `flows` view; `idx` is the file's row order unless the file has one. */
async function viewParquet(connection: DuckDBConnection, file: string): Promise<Loaded> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  const header = reader.getRowObjectsJS().map((row) => String(row['column_name']));
  for (const column of FLOWS_TABLE_COLUMNS) {
    if (column !== 'idx' && !header.includes(column)) throw new MissingColumnError(file, column, header, 'canonical parquet');
  }
  const idx = header.includes('idx') ? '' : ', file_row_number AS idx';
  await connection.run(`CREATE VIEW flows AS SELECT *${idx} FROM read_parquet(${sqlString(file)}, file_row_number = true)`);
  const count = await connection.runAndReadAll('SELECT count(*) AS n FROM flows');
  const passThrough = header.filter((name) => !(FLOWS_TABLE_COLUMNS as readonly string[]).includes(name));
  return { flows: Number(count.getRowObjectsJS()[0]!['n']), hasTime: true, hasFlags: 'detect', passThrough };
}

