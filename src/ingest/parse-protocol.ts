import { InputError } from '../errors.ts';
import type { PackedBlock } from './packed-flows.ts';
import type { FormatName } from './types.ts';

/** What the parse thread is given: a plain text input and how to read it (the calling thread has opened it once already). */
export interface ParseJob {
  file: string;
  format: FormatName;
  mappingFile?: string;
}

/**
 * Blocks (one a batch, about 64 KiB of input each) sent in one message, and messages the parse thread
 * may be ahead of the calling thread. A message a block woke the other thread 1,600 times a million
 * flows, and on a busy machine each wake-up cost the calling thread about 0.3 ms.
 */
export const PARSE_BLOCKS_PER_MESSAGE = 4;
export const PARSE_AHEAD_MESSAGES = 3;

/**
 * Parse thread → calling thread: ready once the header is read and the format compiled, then the
 * blocks (one a batch) a few at a time, with the skipped-record counts so far, then the end or an
 * error. The calling thread answers each message of blocks it takes with a credit (the number 1).
 */
export type ParseMessage =
  | { kind: 'ready' }
  | { kind: 'blocks'; blocks: PackedBlock[]; skipped: Record<string, number> }
  | { kind: 'end' }
  | { kind: 'error'; error: SerializedError };

/** An error as it crosses threads: its message and code, and an InputError's context. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  input?: { file: string; line: number | undefined; field: string | undefined; value: unknown; expected: string | undefined };
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const out: SerializedError = { name: error.name, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') out.code = code;
  if (error instanceof InputError) {
    out.input = { file: error.file, line: error.line, field: error.field, value: error.value, expected: error.expected };
  }
  return out;
}

/** The error again on the calling thread: an InputError with the same context and message, else an Error with the same message and code. */
export function reviveError(error: SerializedError): Error {
  if (error.input !== undefined) {
    const where = error.input.line === undefined ? error.input.file : `${error.input.file}:${error.input.line}`;
    const suffix = ` at ${where}`;
    const reason = error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
    return new InputError(error.input, reason);
  }
  return Object.assign(new Error(error.message), error.code !== undefined ? { code: error.code } : {});
}
