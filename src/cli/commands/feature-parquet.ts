import type { DuckDBAppender } from '@duckdb/node-api';
import { FEATURE_NAMES, type FlowFeatures } from '../../features/index.ts';
import { CANONICAL, type FeatureRowWriter } from './feature-rows.ts';

/** Canonical fields stored as 32-bit integers; the others are text (addresses) or DOUBLE (times in ms). */
const INTEGER_FIELDS = new Set(['src_port', 'dst_port', 'protocol', 'tcp_flags']);
const TEXT_FIELDS = new Set(['src_addr', 'dst_addr']);

/**
 * `flowlens features --out x.parquet` with the native engine (issue 14): the same rows and columns as
 * the CSV (id, canonical fields, notes, labels, every feature; null stays null), appended to a table in
 * embedded DuckDB, which spills past its memory limit to disk, then written by DuckDB's Parquet writer
 * (zstd) at the end. DuckDB is loaded only when Parquet is asked for.
 */
export async function openParquetFeatureWriter(file: string, options: { memoryLimit?: string } = {}): Promise<FeatureRowWriter & { close(): void }> {
  const [{ openSpillingDuckdb, sqlString }, { quoteIdent }] = await Promise.all([import('../../features/sql/duckdb-features.ts'), import('../../features/sql/load-flows-duckdb.ts')]);
  const { connection, close } = await openSpillingDuckdb(options);
  let appender: DuckDBAppender | undefined;
  let labelKeys: string[] = [];
  const createTable = async (keys: string[]): Promise<void> => {
    labelKeys = keys;
    const columns = [
      'id VARCHAR',
      ...CANONICAL.map((k) => `${k} ${INTEGER_FIELDS.has(k) ? 'INTEGER' : TEXT_FIELDS.has(k) ? 'VARCHAR' : 'DOUBLE'}`),
      'notes VARCHAR',
      ...keys.map((k) => `${quoteIdent(k)} VARCHAR`),
      ...FEATURE_NAMES.map((n) => `${quoteIdent(n)} DOUBLE`),
    ];
    await connection.run(`CREATE TABLE features (${columns.join(', ')})`);
    appender = await connection.createAppender('features');
  };
  return {
    async write(batch) {
      if (appender === undefined && batch.length > 0) await createTable(Object.keys(batch[0]!.flow.labels));
      for (const row of batch) appendRow(appender!, row, labelKeys);
    },
    async end() {
      if (appender === undefined) await createTable([]);
      appender!.closeSync();
      await connection.run(`COPY features TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
    },
    close,
  };
}

function appendRow(appender: DuckDBAppender, { flow, features }: FlowFeatures, labelKeys: readonly string[]): void {
  appender.appendVarchar(flow.id);
  for (const key of CANONICAL) {
    const v = flow[key];
    if (v === null) appender.appendNull();
    else if (typeof v === 'string') appender.appendVarchar(v);
    else if (INTEGER_FIELDS.has(key)) appender.appendInteger(v);
    else appender.appendDouble(v);
  }
  appender.appendVarchar(flow.notes.map((n) => n.code).join(';'));
  for (const key of labelKeys) {
    const label = flow.labels[key];
    if (label === undefined) appender.appendNull();
    else appender.appendVarchar(label);
  }
  for (const name of FEATURE_NAMES) {
    const v = features[name];
    if (v === null) appender.appendNull();
    else appender.appendDouble(v);
  }
  appender.endRow();
}
