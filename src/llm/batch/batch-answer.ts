import { NarrativeFormatError } from '../../errors.ts';
import { narrativeOf, readCompletion, requireText } from '../chat-request.ts';
import { scrub } from '../providers/openai-errors.ts';
import { parseStructured } from '../parse-structured.ts';
import type { NarrateRequest, Narrative } from '../provider.ts';
import { renderStructured } from '../render-structured.ts';
import type { BatchAnswer } from './batch-output.ts';

/** The provider id batch answers are recorded under: the online path's, so either path resumes the other. */
export const BATCH_PROVIDER_ID = 'openai';

/**
 * A batch's answer to one request, judged as the online path judges a first answer: bounded text,
 * non-empty, and in structured mode valid JSON of the schema citing only rows of the table. A batch
 * has no repair turn: an invalid structured answer is this flow's failure (`--retry-failed`).
 */
export function narrativeFromBatch(answer: BatchAnswer, request: NarrateRequest, secrets: readonly string[]): Narrative {
  if (!answer.ok) throw answer.error;
  const read = readCompletion(answer.completion, request, BATCH_PROVIDER_ID);
  if (request.mode === 'narrative') {
    requireText(read, BATCH_PROVIDER_ID);
    return narrativeOf(request, BATCH_PROVIDER_ID, scrub(read.text, secrets), read, undefined);
  }
  const parsed = parseStructured(read.text, request.table);
  if (!parsed.ok) throw new NarrativeFormatError(`openai batch: the structured answer failed validation: ${parsed.error}`, read.text, read.finishReason);
  return narrativeOf(request, BATCH_PROVIDER_ID, scrub(renderStructured(parsed.value), secrets), read, parsed.value);
}
