import type { BadRowError } from '../../errors.ts';

/** Rows of one batch, each aligned with the header, or the error that made it unreadable. */
export interface RowBatch {
  rows: (unknown[] | BadRowError)[];
  /** Physical line where each row starts. */
  lines: number[];
}

/** A file split into a header and rows, before any format-specific meaning is applied. */
export interface Container {
  header: string[];
  batches: AsyncIterable<RowBatch> | Iterable<RowBatch>;
  /** JSON containers: the first record, aligned with the header (formats that need a look at the data). */
  sample?: unknown[];
}
