import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.ts';

const CHUNK_BYTES = 64 * 1024;

/** Whether the file starts with the gzip magic (not told by its name); InputError when it cannot be read. */
export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch((cause: NodeJS.ErrnoException) => {
    throw new InputError({ file: path }, `Cannot read the input (${cause.code ?? cause.message})`, { cause });
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0).catch((cause: NodeJS.ErrnoException) => {
      const why = cause.code === 'EISDIR' ? 'it is a directory; pass a flow file' : (cause.code ?? cause.message);
      throw new InputError({ file: path }, `Cannot read the input (${why})`, { cause });
    });
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Where a compressed input stopped decoding before its end (a cut download, a disk that filled up). */
export interface Truncation {
  /** The physical line the data stops in (1-based); the complete lines before it were read. */
  line: number;
  /** Decoded text of that last, incomplete line ('' when the data stops right after a newline). */
  partial: string;
  /** What zlib said, in words. */
  reason: string;
}

/**
 * The file as UTF-8 text chunks of 64 KiB, never the whole file at once. Small enough that each chunk
 * string is an ordinary young object (256 KiB ones went to large-object space and piled up until a full GC). Gzip is detected by its
 * magic bytes (not the file name); a UTF-8 BOM is dropped by the decoder.
 *
 * A gzip stream that ends early or turns corrupt does not throw: the complete lines decoded before the
 * cut are yielded, and `onTruncated` gets the line it stopped in, which is not yielded (its last field
 * may be cut short, and would read as a valid, wrong value).
 */
export async function* readTextChunks(path: string, onTruncated?: (truncation: Truncation) => void): AsyncGenerator<string> {
  const gz = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : raw;
  if (gz) raw.on('error', (e) => stream.destroy(e));
  const decoder = new TextDecoder('utf-8');
  let ascii = true;
  const decode = (chunk: Buffer): string => {
    // pure ASCII (the usual flow export) is copied as one-byte text; once any other byte is seen
    // (a BOM, UTF-8 text) the decoder takes over for good, so a split multi-byte sequence stays intact
    if (ascii) ascii = isAscii(chunk);
    return ascii ? chunk.toString('latin1') : decoder.decode(chunk, { stream: true });
  };
  try {
    if (!gz) {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = decode(chunk);
        if (text !== '') yield text;
      }
      const tail = decoder.decode();
      if (tail !== '') yield tail;
      return;
    }
    // gzip: hold back each chunk's unfinished last line, so a cut stream can leave it out
    let held = '';
    let lines = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = held + decode(chunk);
        const cut = text.lastIndexOf('\n');
        if (cut < 0) {
          held = text;
          continue;
        }
        held = text.slice(cut + 1);
        const body = text.slice(0, cut + 1);
        lines += countNewlines(body);
        yield body;
      }
    } catch (error) {
      const reason = zlibFailure(error);
      if (reason === undefined) throw error;
      onTruncated?.({ line: lines + 1, partial: held, reason });
      return;
    }
    const tail = held + decoder.decode();
    if (tail !== '') yield tail;
  } finally {
    raw.destroy();
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** zlib's error for a gzip stream cut short or corrupt, in words; undefined for any other error (a read error). */
function zlibFailure(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'Z_BUF_ERROR') return 'the gzip data ends early (the file is truncated)';
  if (code === 'Z_DATA_ERROR') return `the gzip data is corrupt (${(error as Error).message})`;
  return undefined;
}

/** A run of consecutive physical lines: `lines[i]` is line `first + i` (1-based), `\r` already removed. */
export interface LineBatch {
  lines: string[];
  first: number;
  /** Some line of the batch contains a double quote (CSV readers take the slow, quote-aware path only then). */
  quoted: boolean;
}

/** Text chunks cut at their last newline: each body holds whole lines (without the final newline). */
export async function* readBodies(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest === '' ? chunk : rest + chunk;
    const cut = text.lastIndexOf('\n');
    if (cut < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(cut + 1);
    yield text.slice(0, cut);
  }
  if (rest !== '') yield rest;
}

/** Split a body into physical lines (LF or CRLF). */
export function splitLines(body: string, first: number): LineBatch {
  const lines = body.split('\n');
  stripCarriageReturns(lines);
  return { lines, first, quoted: body.indexOf('"') >= 0 };
}

/** Split text chunks into physical lines (LF or CRLF), in batches of one chunk's worth. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<LineBatch> {
  let next = 1;
  for await (const body of readBodies(chunks)) {
    const batch = splitLines(body, next);
    next += batch.lines.length;
    yield batch;
  }
}

function stripCarriageReturns(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
}
