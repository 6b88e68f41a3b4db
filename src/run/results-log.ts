import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors.ts';
import type { ResultRecord } from './types.ts';

/** Data written by `write()` survives SIGKILL; fdatasync bounds what a power loss could cost. */
const SYNC_EVERY_MS = 250;

/**
 * Read a results JSONL file. A last line without its newline is a record torn by a kill mid-write:
 * it is ignored (the item simply runs again). Any other bad line is an error naming the line.
 */
export function readResults(file: string): ResultRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  lines.pop(); // '' after the final newline, or the torn fragment
  return lines.flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      const record = JSON.parse(line) as ResultRecord;
      if (typeof record.flow_id !== 'string' || (record.status !== 'done' && record.status !== 'failed')) throw new Error('shape');
      return [record];
    } catch (cause) {
      throw new InputError(
        { file, line: index + 1, field: 'record', value: line, expected: 'a results record ({flow_id, status: done|failed, …})' },
        undefined,
        { cause },
      );
    }
  });
}

/** Append-only results file: one `write()` per complete line, so a kill tears at most the line in flight. */
export class ResultsLog {
  private readonly fd: number;
  private lastSync = Date.now();
  private syncing = false;

  private constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'a+');
    dropTornTail(this.fd);
  }

  /** Open for appending, first cutting off a torn last line so the next record starts on its own line. */
  static open(file: string): ResultsLog {
    return new ResultsLog(file);
  }

  append(record: ResultRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    const now = Date.now();
    if (now - this.lastSync >= SYNC_EVERY_MS && !this.syncing) {
      this.lastSync = now;
      this.syncing = true;
      // Off the event loop: a sync fdatasync would stall every request in flight.
      fdatasync(this.fd, () => {
        this.syncing = false;
      });
    }
  }

  close(): void {
    fdatasyncSync(this.fd);
    this.closeWhenSynced();
  }

  private closeWhenSynced(): void {
    // An async fdatasync may still hold the descriptor: close after it.
    if (this.syncing) setImmediate(() => this.closeWhenSynced());
    else closeSync(this.fd);
  }
}

function dropTornTail(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  if (last[0] === 0x0a) return;
  // Scan back for the last newline; tails are one record long, so read in small chunks.
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (at >= 0) {
      ftruncateSync(fd, start + at + 1);
      return;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
}

/** Rewrite the file with one record per item (atomic rename), once a rerun has superseded older lines. */
export function compactResults(file: string, records: readonly ResultRecord[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const fd = openSync(tmp, 'r');
  fdatasyncSync(fd);
  closeSync(fd);
  renameSync(tmp, file);
}
