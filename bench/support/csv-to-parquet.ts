import { DuckDBInstance } from '@duckdb/node-api';

/** The same rows as Parquet (DuckDB's CSV reader and Parquet writer), for the Parquet input lines of the benches. */
export async function csvToParquet(csv: string, parquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM read_csv('${csv.replace(/'/g, "''")}')) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
