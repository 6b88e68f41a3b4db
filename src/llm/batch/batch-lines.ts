import { BatchApiError } from '../../errors.ts';
import { chatRequestBody } from '../chat-request.ts';
import type { NarrateRequest } from '../provider.ts';

/** The endpoint every line of a flowlens batch targets. */
export const BATCH_ENDPOINT = '/v1/chat/completions';

/** Limits of one batch input file (the Batch API's: 50,000 requests, 200 MB). Injectable for tests. */
export interface BatchLimits {
  /** @default 50000 */
  maxRequests: number;
  /** @default 200 MB (209,715,200 bytes) */
  maxBytes: number;
}

export const OPENAI_BATCH_LIMITS: BatchLimits = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 };

/** One request of a batch: the flow's record id as `custom_id`, and its rendered request. */
export interface BatchEntry {
  customId: string;
  /** The request's content key (`requestKey`): a resumed batch is reused only for the same request. */
  key: string;
  request: NarrateRequest;
}

/** A batch input file's worth of entries, and its JSONL text. */
export interface BatchChunk {
  entries: BatchEntry[];
  text: string;
}

/**
 * One JSONL line of a batch input file. The body is the online path's (`chatRequestBody`), at the
 * best structured-output level: a batch has no turn in which to fall back or repair.
 */
export function batchLine(entry: BatchEntry): string {
  const body = chatRequestBody(entry.request, entry.request.messages, 'json_schema');
  return `${JSON.stringify({ custom_id: entry.customId, method: 'POST', url: BATCH_ENDPOINT, body })}\n`;
}

/**
 * Split entries into input files that each stay within the limits, in order. A generator: each
 * file's text is made when it is asked for, so only one file's worth is held at a time.
 */
export function* splitIntoChunks(
  entries: readonly BatchEntry[],
  limits: BatchLimits = OPENAI_BATCH_LIMITS,
  /** Told of a request over the byte limit on its own, which is left out; without it, that throws. */
  onTooLarge?: (entry: BatchEntry, error: BatchApiError) => void,
): Generator<BatchChunk> {
  let lines: string[] = [];
  let group: BatchEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const line = batchLine(entry);
    const size = Buffer.byteLength(line);
    if (size > limits.maxBytes) {
      const error = new BatchApiError('split', `the request of flow ${JSON.stringify(entry.customId)} is ${size} bytes, over the ${limits.maxBytes}-byte limit of a batch file`);
      if (!onTooLarge) throw error;
      onTooLarge(entry, error);
      continue;
    }
    if (group.length > 0 && (group.length >= limits.maxRequests || bytes + size > limits.maxBytes)) {
      yield { entries: group, text: lines.join('') };
      lines = [];
      group = [];
      bytes = 0;
    }
    lines.push(line);
    group.push(entry);
    bytes += size;
  }
  if (group.length > 0) yield { entries: group, text: lines.join('') };
}

/** The Batch API bills a request at half the online price of its model; the run's cost uses this. */
export const BATCH_PRICE_FACTOR = 0.5;
