import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { NarrativeFormatError, ProviderError } from '../errors.ts';
import { STRUCTURED_SCHEMA_NAME } from '../prompt/index.ts';
import type { ChatMessage, NarrateRequest, Narrative, TokenUsage } from './provider.ts';

/** Structured-output strategies, best first; a 400 to one moves the online provider to the next. */
export const FORMAT_LADDER = ['json_schema', 'json_object', 'none'] as const;
export type FormatLevel = (typeof FORMAT_LADDER)[number];

/** What one chat completion answered, before it is judged as a narrative. */
export interface ChatAnswer {
  text: string;
  finishReason: string | undefined;
  usage: TokenUsage | undefined;
  warnings: string[];
}

/** An answer may hold at most this many characters per token of `max_tokens` (a token is ~4). */
const CHARS_PER_TOKEN_BOUND = 16;
/** Bound of an answer when no `max_tokens` is set, and the least bound there is. */
const MIN_ANSWER_CHARS = 16_384;

/**
 * The chat-completions body for a request: model, messages, parameters and, in structured mode,
 * the response format of `level`. The one builder of the online calls and the Batch API's lines,
 * so both send the same prompt, model and options.
 *
 * @example
 * chatRequestBody(request, request.messages, 'json_schema');
 */
export function chatRequestBody(request: NarrateRequest, messages: ChatMessage[], level: FormatLevel): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = { model: request.model, messages, ...request.params };
  if (request.mode === 'narrative') return body;
  if (level === 'json_schema') {
    body.response_format = { type: 'json_schema', json_schema: { name: STRUCTURED_SCHEMA_NAME, schema: strictSubset(request.responseSchema ?? {}), strict: true } };
  } else if (level === 'json_object') {
    body.response_format = { type: 'json_object' };
  }
  return body;
}

/** Read a completion's first choice: text (bounded by `max_tokens`), finish reason, usage and warnings. */
export function readCompletion(completion: Pick<ChatCompletion, 'id' | 'choices' | 'usage'>, request: NarrateRequest, providerId: string): ChatAnswer {
  const choice = completion.choices[0];
  if (!choice) throw new ProviderError(providerId, 'the response has no choices', undefined, completion.id);
  const usage = completion.usage ? { prompt_tokens: completion.usage.prompt_tokens, completion_tokens: completion.usage.completion_tokens } : undefined;
  const text = choice.message.content ?? '';
  const finishReason = choice.finish_reason ?? undefined;
  return { text: boundedText(text, request.params.max_tokens, finishReason), finishReason, usage, warnings: answerWarnings(request.params.max_tokens, finishReason, usage) };
}

/** An empty narrative answer is an error, not a report with nothing in it. */
export function requireText(answer: ChatAnswer, providerId: string): void {
  if (answer.text.trim() === '') throw new NarrativeFormatError(`${providerId}: the model returned an empty answer`, answer.text, answer.finishReason);
}

/** The Narrative of an accepted answer. */
export function narrativeOf(request: NarrateRequest, providerId: string, text: string, answer: ChatAnswer, structured: unknown): Narrative {
  return {
    text,
    ...(structured !== undefined ? { structured } : {}),
    provider: providerId,
    model: request.model,
    ...(answer.usage ? { usage: answer.usage } : {}),
    ...(answer.finishReason ? { finishReason: answer.finishReason } : {}),
    ...(answer.warnings.length > 0 ? { warnings: answer.warnings } : {}),
  };
}

/** An answer far beyond what `max_tokens` allows is an error: it is neither stored nor checked. */
function boundedText(text: string, maxTokens: number | undefined, finishReason: string | undefined): string {
  const bound = Math.max(MIN_ANSWER_CHARS, (maxTokens ?? 0) * CHARS_PER_TOKEN_BOUND);
  if (text.length <= bound) return text;
  const basis = maxTokens === undefined ? 'with no max_tokens set' : `${CHARS_PER_TOKEN_BOUND} characters a token of max_tokens ${maxTokens}`;
  throw new NarrativeFormatError(
    `openai: the answer is ${text.length.toLocaleString('en-US')} characters, over the bound of ${bound.toLocaleString('en-US')} (${basis}); not stored`,
    text.slice(0, 200),
    finishReason,
  );
}

function answerWarnings(maxTokens: number | undefined, finishReason: string | undefined, usage: TokenUsage | undefined): string[] {
  const warnings: string[] = [];
  if (finishReason === 'length') warnings.push(`the answer was cut at max_tokens${maxTokens === undefined ? '' : ` (${maxTokens})`} (finish_reason length)`);
  if (maxTokens !== undefined && usage && usage.completion_tokens > maxTokens) {
    warnings.push(`the endpoint billed ${usage.completion_tokens} completion tokens, more than max_tokens (${maxTokens})`);
  }
  return warnings;
}

/** Keywords OpenAI's strict mode rejects; zod still enforces them when the answer is parsed. */
const UNSUPPORTED_IN_STRICT = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format']);

function strictSubset(schema: unknown): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).filter(([k]) => !UNSUPPORTED_IN_STRICT.has(k)).map(([k, v]) => [k, strip(v)]));
  };
  return strip(schema) as Record<string, unknown>;
}
