import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../../errors.ts';
import type { Narrative, TokenUsage } from '../provider.ts';
import { BatchClient, type BatchClientOptions } from './batch-client.ts';
import { download, settleChunk } from './collect-batch.ts';
import { OPENAI_BATCH_LIMITS, splitIntoChunks, type BatchEntry, type BatchLimits } from './batch-lines.ts';
import { readBatchState, writeBatchState, type BatchChunkState, type BatchState } from './batch-state.ts';
import { pollBatches, type PollOptions, type PollRound } from './poll-batches.ts';

export interface BatchApiOptions extends PollOptions {
  client: BatchClientOptions;
  /** Where the state file, the input files and the downloaded output and error files live (the run directory's `batches/`). */
  dir: string;
  /** Per input file. @default the API's: 50,000 requests, 200 MB */
  limits?: BatchLimits;
  /** Strings scrubbed from answers (the API key). @default [] */
  secrets?: string[];
  /** After each round of polls (the progress line). */
  onRound?: (round: PollRound) => void;
}

/** One flow's outcome: the narrative, or why there is none. */
export type BatchOutcome = { narrative: Narrative } | { error: Error };

/** What the Batch API did in this run. */
export interface BatchApiStats {
  /** Batches created in this run, and requests in them. */
  submitted: number;
  sent: number;
  /** Batches of an earlier run waited on (resume). */
  resumed: number;
  /** Files/Batches calls made (uploads, creates, polls, downloads). */
  calls: number;
  polls: number;
  /** Answers that reported usage (billed), including ones rejected afterwards. */
  billed: number;
  usage: TokenUsage;
  /** Flows a batch ended without answering (expired, cancelled). */
  unanswered: number;
}

interface Waiting {
  chunk: BatchChunkState;
  pending: BatchEntry[];
}

/**
 * Explain entries through the Batch API: reuse the run's unfinished batches that hold the same
 * requests, write the rest as JSONL files within the limits, upload each (`purpose: batch`), create
 * a 24 h batch on /v1/chat/completions, poll with backoff, download output and error files, and hand
 * every entry's outcome to `onSettled` as its batch ends. Every step is saved in `dir/state.json`
 * before the next is taken, so a rerun after a crash resumes polling and never submits twice.
 */
export async function runBatchApi(entries: readonly BatchEntry[], options: BatchApiOptions, onSettled: (entry: BatchEntry, outcome: BatchOutcome) => void): Promise<BatchApiStats> {
  const stateFile = join(options.dir, 'state.json');
  const state = readBatchState(stateFile);
  const save = (): void => writeBatchState(stateFile, state);
  const client = new BatchClient(options.client);
  const stats: BatchApiStats = { submitted: 0, sent: 0, resumed: 0, calls: 0, polls: 0, billed: 0, usage: { prompt_tokens: 0, completion_tokens: 0 }, unanswered: 0 };
  const waiting = resumable(state, entries);
  stats.resumed = waiting.filter((w) => w.chunk.batch_id !== undefined).length;
  const claimed = new Set(waiting.flatMap((w) => w.pending.map((e) => e.customId)));
  // A request too large for any batch file is that flow's failure, not the run's.
  const fresh = entries.filter((e) => !claimed.has(e.customId));
  waiting.push(...addChunks(state, fresh, options, (entry, error) => onSettled(entry, { error })));
  save();
  for (const w of waiting) {
    if (w.chunk.batch_id !== undefined) continue;
    if (await submit(client, w.chunk, options.dir, save)) {
      stats.submitted++;
      stats.sent += Object.keys(w.chunk.requests).length;
    } else stats.resumed++;
  }
  const byBatch = new Map(waiting.map((w) => [w.chunk.batch_id!, w]));
  const sizes = new Map(waiting.map((w) => [w.chunk.batch_id!, Object.keys(w.chunk.requests).length]));
  stats.polls = await pollBatches(
    client,
    [...byBatch.keys()],
    async (info) => {
      const w = byBatch.get(info.id)!;
      const answers = await download(client, info, options.dir);
      w.chunk.failed = settleChunk(w.pending, info, answers, options.secrets ?? [], stats, onSettled);
      w.chunk.status = info.status;
      // Marked only after every outcome was handed over (and appended to the results): a kill before this re-collects.
      w.chunk.collected = true;
      save();
    },
    { ...options, sizes },
  );
  stats.calls = client.calls;
  return stats;
}

/** Unfinished batches of an earlier run holding some of these very requests (same custom_id and request key). */
function resumable(state: BatchState, entries: readonly BatchEntry[]): Waiting[] {
  const byId = new Map(entries.map((e) => [e.customId, e]));
  const claimed = new Set<string>();
  const waiting: Waiting[] = [];
  for (const chunk of state.chunks) {
    if (chunk.collected) continue;
    const pending = Object.entries(chunk.requests).flatMap(([id, key]) => {
      const entry = byId.get(id);
      return entry && entry.key === key && !claimed.has(id) ? [entry] : [];
    });
    if (pending.length === 0) continue;
    pending.forEach((e) => claimed.add(e.customId));
    waiting.push({ chunk, pending });
  }
  return waiting;
}

/** Write the input files of new batches and enter them in the state (saved by the caller before any upload). */
function addChunks(state: BatchState, entries: readonly BatchEntry[], options: BatchApiOptions, tooLarge: (entry: BatchEntry, error: Error) => void): Waiting[] {
  mkdirSync(options.dir, { recursive: true });
  const added: Waiting[] = [];
  for (const chunk of splitIntoChunks(entries, options.limits ?? OPENAI_BATCH_LIMITS, tooLarge)) {
    const input = `input-${String(state.chunks.length + 1).padStart(4, '0')}.jsonl`;
    writeFileSync(join(options.dir, input), chunk.text);
    const saved: BatchChunkState = { input, requests: Object.fromEntries(chunk.entries.map((e) => [e.customId, e.key])), collected: false, failed: [] };
    state.chunks.push(saved);
    added.push({ chunk: saved, pending: chunk.entries });
  }
  return added;
}

/** Upload (unless done) and create the batch, saving each id as soon as it is known; false when an earlier run's batch was adopted. */
async function submit(client: BatchClient, chunk: BatchChunkState, dir: string, save: () => void): Promise<boolean> {
  if (chunk.input_file_id === undefined) {
    chunk.input_file_id = await client.upload(readInput(join(dir, chunk.input)), basename(chunk.input));
    save();
  } else {
    // The file was uploaded by a run that died around the create: that batch may exist already.
    const found = await client.findByInputFile(chunk.input_file_id);
    if (found) {
      chunk.batch_id = found.id;
      chunk.status = found.status;
      save();
      return false;
    }
  }
  const batch = await client.create(chunk.input_file_id, { flowlens_input: chunk.input });
  chunk.batch_id = batch.id;
  chunk.status = batch.status;
  save();
  return true;
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError({ file }, 'The batch input file of an unsubmitted batch is missing (delete state.json next to it to start over)', { cause });
  }
}
