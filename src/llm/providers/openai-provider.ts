import type OpenAI from 'openai';
import { NarrativeFormatError, ProviderError } from '../../errors.ts';
import { fenceData } from '../../prompt/index.ts';
import { chatRequestBody, FORMAT_LADDER, narrativeOf, readCompletion, requireText, type ChatAnswer, type FormatLevel } from '../chat-request.ts';
import { parseStructured } from '../parse-structured.ts';
import type { ChatMessage, NarrateOptions, NarrateRequest, Narrative, Provider, TokenUsage } from '../provider.ts';
import { meterContext, meteredFetch } from './metered-fetch.ts';
import { renderStructured } from '../render-structured.ts';
import { isFormatRejection, scrub, toProviderError } from './openai-errors.ts';
import { loadOpenAI } from './openai-sdk.ts';

export interface OpenAIProviderOptions {
  /** Any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp, LM Studio). */
  baseURL?: string | undefined;
  apiKey?: string | undefined;
  /** SDK retries on 429 (honouring Retry-After), 5xx, connection errors and timeouts. @default 2 */
  maxRetries?: number;
  /** SDK timeout of one attempt, in ms. @default 60000 */
  timeoutMs?: number;
  /** For tests: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

/**
 * The SDK's own per-attempt timer is set this far out: the attempt's real timeout starts in
 * `meteredFetch`, once the batch's rate limits let the request go (a wait must not count).
 */
const SDK_TIMER_MS = 24 * 3_600_000;

/**
 * The `openai` provider: the real SDK against any OpenAI-compatible endpoint. Retries belong to
 * the SDK (STYLE.md §10); this class adds the structured-output fallbacks and the one repair turn.
 */
export class OpenAIProvider implements Provider {
  readonly id = 'openai';
  readonly metersRequests = true;
  /** Made at the first request (the SDK is loaded then: openai-sdk.ts). */
  private client: Promise<OpenAI> | undefined;
  private readonly makeClient: () => Promise<OpenAI>;
  private readonly secrets: string[];
  private readonly limits: { timeoutMs: number; maxRetries: number };
  /** Remembered per instance: an endpoint that rejected json_schema is not asked again. */
  private format: FormatLevel = 'json_schema';

  constructor(options: OpenAIProviderOptions) {
    // Local servers (Ollama, llama.cpp) take any key; the SDK insists on one.
    const apiKey = options.apiKey ?? 'no-key';
    this.secrets = options.apiKey ? [options.apiKey] : [];
    this.limits = { timeoutMs: options.timeoutMs ?? 60_000, maxRetries: options.maxRetries ?? 2 };
    const fetch = meteredFetch(options.fetch ?? globalThis.fetch, this.limits.timeoutMs);
    this.makeClient = async () =>
      new (await loadOpenAI()).default({
        apiKey,
        maxRetries: this.limits.maxRetries,
        timeout: SDK_TIMER_MS,
        fetch,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      });
  }

  /** The structured-output strategy currently in use (for tests and diagnostics). */
  get formatLevel(): FormatLevel {
    return this.format;
  }

  narrate(request: NarrateRequest, options: NarrateOptions = {}): Promise<Narrative> {
    // Every HTTP request of this call (retries and repair turn included) reports to its meter.
    return meterContext.run(options.meter, () => this.narrateMetered(request, options));
  }

  private async narrateMetered(request: NarrateRequest, options: NarrateOptions): Promise<Narrative> {
    if (request.mode === 'narrative') {
      const answer = await this.complete(request, request.messages, 'none', options.signal);
      requireText(answer, this.id);
      return this.narrative(request, answer.text, answer, undefined);
    }
    return this.narrateStructured(request, options.signal);
  }

  private async narrateStructured(request: NarrateRequest, signal?: AbortSignal): Promise<Narrative> {
    const first = await this.completeStructured(request, request.messages, signal);
    const parsed = parseStructured(first.text, request.table);
    if (parsed.ok) return this.narrative(request, renderStructured(parsed.value), first, parsed.value);
    // One repair turn: the model sees its answer and what was wrong with it.
    const repair: ChatMessage[] = [
      ...request.messages,
      { role: 'assistant', content: first.text },
      // The error can quote the answer (names it cited, a JSON parse excerpt): it goes inside a data block.
      { role: 'user', content: `Your answer was rejected for the reason in this data block:\n\n${fenceData(parsed.error)}\n\nAnswer again with one JSON object that matches the schema, citing only row names of the table.` },
    ];
    const second = await this.completeStructured(request, repair, signal);
    const usage = addUsage(first.usage, second.usage);
    const reparsed = parseStructured(second.text, request.table);
    if (reparsed.ok) return this.narrative(request, renderStructured(reparsed.value), { ...second, usage, warnings: [...first.warnings, ...second.warnings] }, reparsed.value);
    throw new NarrativeFormatError(`openai: the structured answer failed validation twice: ${reparsed.error}`, second.text, second.finishReason);
  }

  /** Walk down the format ladder on a 400 from an endpoint that lacks the format. */
  private async completeStructured(request: NarrateRequest, messages: ChatMessage[], signal?: AbortSignal): Promise<ChatAnswer> {
    for (;;) {
      const level = this.format;
      try {
        return await this.complete(request, messages, level, signal);
      } catch (error) {
        const next = FORMAT_LADDER[FORMAT_LADDER.indexOf(level) + 1];
        const cause = (error as { cause?: unknown }).cause;
        if (next === undefined || !(error instanceof ProviderError) || !isFormatRejection(cause)) throw error;
        if (this.format === level) this.format = next;
      }
    }
  }

  private async complete(request: NarrateRequest, messages: ChatMessage[], level: FormatLevel, signal?: AbortSignal): Promise<ChatAnswer> {
    try {
      const completion = await (await (this.client ??= this.makeClient())).chat.completions.create(chatRequestBody(request, messages, level), signal ? { signal } : {});
      return readCompletion(completion, request, this.id);
    } catch (error) {
      throw toProviderError(error, this.id, this.secrets, this.limits, signal);
    }
  }

  private narrative(request: NarrateRequest, text: string, answer: ChatAnswer, structured: unknown): Narrative {
    return narrativeOf(request, this.id, scrub(text, this.secrets), answer, structured);
  }
}

function addUsage(a: TokenUsage | undefined, b: TokenUsage | undefined): TokenUsage | undefined {
  if (!a || !b) return a ?? b;
  return { prompt_tokens: a.prompt_tokens + b.prompt_tokens, completion_tokens: a.completion_tokens + b.completion_tokens };
}
