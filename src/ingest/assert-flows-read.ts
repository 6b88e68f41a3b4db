import { closeSync, openSync, readSync } from 'node:fs';
import { NoFlowsError } from '../errors.ts';
import type { IngestSummary, ReadFlowsOptions } from './types.ts';

/**
 * Fail when an input gave no flow: a non-empty input must never read as 0 rows silently (an empty
 * file, a header only, a file in another format than `--format` says, every row quarantined).
 * Called once the input has been read; the message says which case it is and what to do.
 */
export function assertFlowsRead(summary: IngestSummary, options: Pick<ReadFlowsOptions, 'format'> = {}): void {
  if (summary.accepted > 0) return;
  const { file, format } = summary;
  const forced = options.format !== undefined ? ` as ${options.format} (--format)` : '';
  if (summary.read === 0) {
    if (format === 'empty') throw new NoFlowsError(file, 'The input is empty: no flows to read');
    const skipped = Object.entries(summary.skipped ?? {}).map(([kind, n]) => `${kind} ${n}`);
    if (skipped.length > 0) throw new NoFlowsError(file, `No flow records, only other events (${skipped.join(', ')})`);
    if (forced !== '') throw new NoFlowsError(file, `No flow rows read${forced}: the input is in another format or has no data rows; drop --format to detect it`);
    throw new NoFlowsError(file, `No flow rows: the input has a ${format} header but no data rows`);
  }
  const first = summary.quarantineFile !== undefined ? firstRecord(summary.quarantineFile) : undefined;
  throw new NoFlowsError(
    file,
    `Every row was quarantined (${summary.quarantined} of ${summary.read}) reading it${forced !== '' ? forced : ` as ${format}`}: is it in another format?` +
      (first !== undefined ? ` First: ${first}` : '') +
      (summary.quarantineFile !== undefined ? `; all in ${summary.quarantineFile}` : ''),
  );
}

/** The first quarantine record as "line N, field F: reason" (a small read of the file's head). */
function firstRecord(path: string): string | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      const record = JSON.parse(buffer.toString('utf8', 0, n).split('\n', 1)[0]!) as { line: number; field: string; reason: string };
      return `line ${record.line}, field ${record.field}: ${record.reason}`;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
