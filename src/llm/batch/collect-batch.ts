import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchUnansweredError, ProviderError } from '../../errors.ts';
import { narrativeFromBatch } from './batch-answer.ts';
import type { BatchClient, BatchInfo } from './batch-client.ts';
import type { BatchEntry } from './batch-lines.ts';
import { parseBatchOutput, type BatchAnswer } from './batch-output.ts';
import type { BatchApiStats, BatchOutcome } from './run-batch-api.ts';

/** The error code of a request an expired batch did not run. */
const EXPIRED_CODE = 'batch_expired';

/** Download a finished batch's output and error files next to the state; answers by custom_id (an output wins over an error). */
export async function download(client: BatchClient, info: BatchInfo, dir: string): Promise<Map<string, BatchAnswer>> {
  const answers = new Map<string, BatchAnswer>();
  for (const [kind, fileId] of [['error', info.error_file_id], ['output', info.output_file_id]] as const) {
    if (!fileId) continue;
    const text = await client.download(fileId, info.id);
    const file = join(dir, `${info.id}.${kind}.jsonl`);
    writeFileSync(file, text);
    for (const [id, answer] of parseBatchOutput(text, file)) answers.set(id, answer);
  }
  return answers;
}

/** Hand every pending entry of a finished batch its outcome; the ids that failed or were left unanswered. */
export function settleChunk(
  pending: readonly BatchEntry[],
  info: BatchInfo,
  answers: ReadonlyMap<string, BatchAnswer>,
  secrets: readonly string[],
  stats: BatchApiStats,
  onSettled: (entry: BatchEntry, outcome: BatchOutcome) => void,
): string[] {
  const failed: string[] = [];
  for (const entry of pending) {
    const answer = answers.get(entry.customId);
    let outcome: BatchOutcome;
    if (answer === undefined || (!answer.ok && answer.code === EXPIRED_CODE)) {
      // Missing from both files, or in the error file as expired: the window closed before it ran.
      if (info.status !== 'failed') stats.unanswered++;
      outcome = { error: info.status === 'failed' ? batchFailure(info) : new BatchUnansweredError(info.id, answer ? 'expired' : info.status) };
    } else {
      if (answer.ok && answer.completion.usage) {
        stats.billed++;
        stats.usage.prompt_tokens += answer.completion.usage.prompt_tokens;
        stats.usage.completion_tokens += answer.completion.usage.completion_tokens;
      }
      try {
        outcome = { narrative: narrativeFromBatch(answer, entry.request, secrets) };
      } catch (error) {
        outcome = { error: error as Error };
      }
    }
    if ('error' in outcome) failed.push(entry.customId);
    onSettled(entry, outcome);
  }
  return failed;
}

/** A batch the endpoint refused as a whole (its input failed validation): the reason it gave. */
function batchFailure(info: BatchInfo): ProviderError {
  const first = info.errors?.data?.[0];
  const reason = first ? `${first.message ?? 'no message'}${first.code ? ` (${first.code})` : ''}${first.line ? ` at line ${first.line} of its input` : ''}` : 'no reason given';
  return new ProviderError('openai batch', `batch ${info.id} failed: ${reason}`);
}
