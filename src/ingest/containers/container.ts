import type { BadRowError } from '../../errors.ts';

/** Rows of one batch, each aligned with the header, or the error that made it unreadable. */
export interface RowBatch {
  rows: (unknown[] | BadRowError)[];
  /** Physical line where each row starts. */
  lines: number[];
}

/** Receives each row of a scanned batch; the row array may be reused for the next row, so copy what you keep. */
export type RowVisitor = (row: unknown[] | BadRowError, line: number) => void;

/** A batch handed row by row to a visitor, without materialising the rows (the CSV fast path). */
export interface RowScan {
  scan(visit: RowVisitor): void;
}

/** A file split into a header and rows, before any format-specific meaning is applied. */
export interface Container {
  header: string[];
  batches: AsyncIterable<RowBatch | RowScan> | Iterable<RowBatch | RowScan>;
  /** JSON containers: the first record, aligned with the header (formats that need a look at the data). */
  sample?: unknown[];
}
