import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { OutputError } from '../../errors.ts';
import { ByteSink } from '../../util/byte-sink.ts';

/** A system error in words a user can act on, with its code. */
export function describeSystemError(cause: unknown): string {
  const e = cause as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a file is in the way where a directory should be',
    EEXIST: 'a file is in the way where a directory should be',
    EISDIR: 'it is a directory',
    ENOSPC: 'no space left on the device',
    ENOENT: 'no such file or directory',
  };
  return e?.code !== undefined ? `${words[e.code] ?? e.message} (${e.code})` : String((cause as Error)?.message ?? cause);
}

/**
 * Create an output directory (and its parents) and prove it can be written, before any long work:
 * a probe file is written and removed (root passes permission checks, but not a read-only mount).
 */
export async function prepareOutputDir(dir: string, flag: string): Promise<void> {
  const probe = join(dir, `.flowlens-write-check-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (cause) {
    throw new OutputError(dir, flag, describeSystemError(cause), { cause });
  }
}

/** The directory of an output file, prepared as above; a directory where the file should be is refused. */
export async function prepareOutputFile(file: string, flag: string): Promise<void> {
  await prepareOutputDir(dirname(resolve(file)), flag);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(file, flag, 'it is a directory; give a file name');
}

/**
 * A write stream to an output file that has opened (or failed to, as an OutputError): a stream's
 * `error` event with no listener would end the process with a stack trace after all the work.
 * A later write error is kept and thrown by `finish()`.
 */
export async function openOutputStream(file: string, flag: string): Promise<{ stream: WriteStream; finish(): Promise<void> }> {
  await prepareOutputFile(file, flag);
  const stream = createWriteStream(file);
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  try {
    await once(stream, 'open');
  } catch (cause) {
    throw new OutputError(file, flag, describeSystemError(cause), { cause });
  }
  return {
    stream,
    async finish() {
      if (failure === undefined && !stream.writableFinished) {
        stream.end();
        await once(stream, 'finish').catch((e: unknown) => (failure ??= e));
      }
      if (failure !== undefined) throw new OutputError(file, flag, describeSystemError(failure), { cause: failure });
    },
  };
}

/** A ByteSink on an output file, prepared as above; a failure to open or write it is an OutputError. */
export async function openOutputSink(file: string, flag: string): Promise<ByteSink & { close(): Promise<void> }> {
  await prepareOutputFile(file, flag);
  const failed = (cause: unknown): OutputError => new OutputError(file, flag, describeSystemError(cause), { cause });
  try {
    return await ByteSink.toFile(file, failed);
  } catch (cause) {
    throw cause instanceof OutputError ? cause : failed(cause);
  }
}
