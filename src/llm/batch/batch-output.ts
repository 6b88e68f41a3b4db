import { z } from 'zod';
import { InputError, ProviderError } from '../../errors.ts';
import type { ChatCompletion } from 'openai/resources/chat/completions';

/** One line of a batch's output or error file (the Batch API's "request output object"). */
const OutputLineSchema = z.object({
  id: z.string().nullish(),
  custom_id: z.string().min(1),
  response: z
    .object({
      status_code: z.number().int(),
      request_id: z.string().nullish(),
      body: z.unknown(),
    })
    .nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/** The part of a chat completion flowlens reads, validated before it is trusted. */
const CompletionSchema = z.object({
  id: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int().optional(),
      message: z.object({ content: z.string().nullable() }),
      finish_reason: z.string().nullable().optional(),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullish(),
});

/** What a batch said about one request: a completion, or an error (HTTP status and message). */
export type BatchAnswer = { ok: true; completion: Pick<ChatCompletion, 'id' | 'choices' | 'usage'> } | { ok: false; error: ProviderError; code?: string | undefined };

/**
 * Read a downloaded output or error file into answers by `custom_id`. A line that is not a
 * request output object is an `InputError` naming the file and line (nothing can be attributed);
 * a line whose body is not a usable completion is that flow's failure.
 */
export function parseBatchOutput(text: string, file: string): Map<string, BatchAnswer> {
  const answers = new Map<string, BatchAnswer>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line, file, index + 1);
    answers.set(parsed.custom_id, answerOf(parsed));
  });
  return answers;
}

function parseLine(line: string, file: string, lineNo: number): z.infer<typeof OutputLineSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (cause) {
    throw new InputError({ file, line: lineNo, field: 'line', value: line, expected: 'a JSON request output object' }, undefined, { cause });
  }
  const parsed = OutputLineSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InputError({ file, line: lineNo, field: issue.path.join('.') || 'line', value: line, expected: `a request output object (${issue.message})` });
}

function answerOf(line: z.infer<typeof OutputLineSchema>): BatchAnswer {
  const status = line.response?.status_code;
  if (line.response && status !== undefined && status >= 200 && status < 300) {
    const completion = CompletionSchema.safeParse(line.response.body);
    if (completion.success) return { ok: true, completion: completion.data as Pick<ChatCompletion, 'id' | 'choices' | 'usage'> };
    const issue = completion.error.issues[0]!;
    return { ok: false, error: new ProviderError('openai batch', `invalid response: \`${issue.path.join('.')}\` ${issue.message}`, status, line.response.request_id ?? undefined) };
  }
  const body = line.response?.body as { error?: { message?: unknown; code?: unknown } } | undefined;
  const message = line.error?.message ?? (typeof body?.error?.message === 'string' ? body.error.message : undefined) ?? 'the request failed';
  const code = line.error?.code ?? (typeof body?.error?.code === 'string' ? body.error.code : undefined);
  return { ok: false, error: new ProviderError('openai batch', code ? `${message} (${code})` : message, status, line.response?.request_id ?? undefined), code: code ?? undefined };
}
