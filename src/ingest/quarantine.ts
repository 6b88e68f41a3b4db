import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { BadRowError } from '../errors.ts';
import type { QuarantineRecord } from './types.ts';

/**
 * Default quarantine path: next to the `--out` file as `<out name>.quarantine.jsonl` when there is one,
 * else `<input basename>.quarantine.jsonl` in the current directory.
 */
export function defaultQuarantinePath(input: string, out?: string, cwd = process.cwd()): string {
  if (out !== undefined) {
    const name = basename(out, extname(out));
    return join(dirname(resolve(cwd, out)), `${name}.quarantine.jsonl`);
  }
  return join(cwd, `${basename(input).replace(/\.gz$/i, '')}.quarantine.jsonl`);
}

/** Appends quarantine records as JSONL; the file is created (truncated) only when the first bad row arrives. */
export class QuarantineWriter {
  private pending: string[] = [];
  private created = false;
  count = 0;

  constructor(readonly path: string) {}

  add(error: BadRowError): void {
    const record: QuarantineRecord = {
      file: error.file,
      line: error.line ?? 0,
      field: error.field ?? '(row)',
      value: error.value ?? null,
      reason: error.reason,
    };
    this.pending.push(JSON.stringify(record));
    this.count++;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    if (!this.created) {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(this.path, text);
      this.created = true;
    } else await appendFile(this.path, text);
  }
}
