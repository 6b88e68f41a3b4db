import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../errors.ts';

/** Bump when the state file's shape changes. */
export const BATCH_STATE_FORMAT = 1;

const ChunkSchema = z.object({
  /** The input JSONL, relative to the state file's directory. */
  input: z.string().min(1),
  /** custom_id → request key of every request in the file: a rerun waits on this batch only for the same requests. */
  requests: z.record(z.string(), z.string()),
  input_file_id: z.string().min(1).optional(),
  batch_id: z.string().min(1).optional(),
  /** The batch's last known status. */
  status: z.string().optional(),
  /** Every answer of this batch has been recorded in the results file: never polled again. */
  collected: z.boolean(),
  /** Flows the batch failed (error file) or left unanswered, for the listing and `--retry-failed`. */
  failed: z.array(z.string()).default([]),
});

const StateSchema = z.object({
  format: z.literal(BATCH_STATE_FORMAT),
  chunks: z.array(ChunkSchema),
});

export type BatchChunkState = z.infer<typeof ChunkSchema>;
export type BatchState = z.infer<typeof StateSchema>;

/** Read the run's batch state; an empty state when there is none yet. */
export function readBatchState(file: string): BatchState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: BATCH_STATE_FORMAT, chunks: [] };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new InputError({ file, field: 'state', expected: 'the JSON batch state flowlens wrote' }, 'The batch state is not JSON (delete it only if no batch of it is still running)', { cause });
  }
  const parsed = StateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InputError({ file, field: issue.path.join('.') || 'state', expected: `a batch state of format ${BATCH_STATE_FORMAT} (${issue.message})` });
}

/**
 * Write the state atomically and durably (temp file, fdatasync, rename) before the step it
 * records is taken further: a kill at any point leaves the previous state or this one, whole.
 */
export function writeBatchState(file: string, state: BatchState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 1)}\n`);
  const fd = openSync(tmp, 'r');
  fdatasyncSync(fd);
  closeSync(fd);
  renameSync(tmp, file);
}
