import { open } from 'node:fs/promises';
import { InputError } from '../../errors.ts';
import type { Container, RowBatch } from './container.ts';

/** Every Parquet file starts (and ends) with these 4 bytes. */
const MAGIC = 'PAR1';

/** Whether a file is Parquet: its first 4 bytes, whatever its name. */
export async function isParquetFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false; // the text reader names the file and the reason
  }
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.toString('latin1') === MAGIC;
  } catch {
    return false; // a directory, say: the same
  } finally {
    await handle.close();
  }
}

/** A Parquet file's columns and rows, as read by embedded DuckDB; close() ends the read early. */
export interface ParquetContainer extends Container {
  /** The first row, aligned with the header (for format detection and compile). */
  sample: unknown[];
  close(): Promise<void>;
}

/**
 * A value as the CSV and JSON formats take it: numbers and text as they are, a 64-bit integer as a
 * number while it is exact (else its decimal text, which the counter rules check), dates and
 * other typed values as their text.
 */
function plainValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Open a Parquet file as a container: the header is its column names, each row its values in column
 * order, streamed by DuckDB (`@duckdb/node-api`, loaded only for Parquet input) a chunk at a time, so
 * memory stays bounded whatever the file's size. A row's "line" is its 1-based row number.
 */
export async function openParquet(file: string): Promise<ParquetContainer> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '256MB' });
  const connection = await instance.connect();
  const close = async (): Promise<void> => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const result = await connection.stream('SELECT * FROM read_parquet($file)', { file });
    const header = result.columnNames();
    const chunks = result.yieldRowsJs();
    const first = await chunks.next();
    const firstRows = first.done ? [] : first.value;
    let row = 0;
    const toBatch = (rows: unknown[][]): RowBatch => {
      const lines = rows.map(() => ++row);
      return { rows: rows.map((r) => r.map(plainValue)), lines };
    };
    const firstBatch = toBatch(firstRows);
    async function* batches(): AsyncGenerator<RowBatch> {
      try {
        if (firstBatch.rows.length > 0) yield firstBatch;
        for (let r = await chunks.next(); !r.done; r = await chunks.next()) yield toBatch(r.value);
      } finally {
        await close();
      }
    }
    return { header, batches: batches(), sample: (firstBatch.rows[0] as unknown[] | undefined) ?? [], close };
  } catch (error) {
    await close();
    if (error instanceof InputError) throw error;
    throw new InputError({ file }, `Cannot read the input as Parquet: ${(error as Error).message}`);
  }
}
