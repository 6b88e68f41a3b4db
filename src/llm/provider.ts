import type { FeatureTable } from '../table/index.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type OutputMode = 'narrative' | 'structured';

/** Sampling parameters passed to the model; part of the cache/cassette key. */
export interface ModelParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
}

/** Everything a provider needs for one explanation. */
export interface NarrateRequest {
  template: { id: string; version: string };
  model: string;
  params: ModelParams;
  mode: OutputMode;
  messages: ChatMessage[];
  /** JSON Schema of the structured answer (structured mode only). */
  responseSchema?: Record<string, unknown>;
  /** The table the messages were rendered from: the offline narrator writes from it directly. */
  table: FeatureTable;
  /** Repeat index when a suite samples the same request several times (0 by default). */
  sample?: number;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** How one HTTP request ended, as a `RequestMeter` hears it. */
export interface RequestOutcome {
  /** HTTP status; undefined when no response arrived (connection error, timeout, cut body). */
  status?: number;
  /** Usage of a billed answer (a 2xx with `usage`), whether or not its content is later accepted. */
  usage?: TokenUsage;
}

/**
 * The batch runner's view of every request that reaches an endpoint: it paces them (requests and
 * tokens per minute, on the endpoint's clock) and bills them. A provider that makes HTTP requests
 * calls `request` before each one goes out — SDK retries, repair turns and format fallbacks
 * included — and the returned function once it has ended.
 */
export interface RequestMeter {
  request(estimatedTokens: number, options: { retry: boolean; signal?: AbortSignal | undefined }): Promise<(outcome: RequestOutcome) => void>;
}

export interface NarrateOptions {
  signal?: AbortSignal;
  /** Told about every HTTP request this call makes (only providers with `metersRequests` use it). */
  meter?: RequestMeter;
}

export interface Narrative {
  /** Markdown text of the explanation (structured answers rendered to Markdown). */
  text: string;
  /** The validated object, in structured mode. */
  structured?: unknown;
  provider: string;
  model: string;
  usage?: TokenUsage;
  finishReason?: string;
  /** What the answer's reader should know (cut at max_tokens, more tokens than asked for). */
  warnings?: string[];
}

/** One interface for every provider: openai, offline, replay. */
export interface Provider {
  readonly id: string;
  /**
   * True when the provider reports each HTTP request it makes to `options.meter`; otherwise the
   * caller counts the whole `narrate` call as one request.
   */
  readonly metersRequests?: boolean;
  narrate(request: NarrateRequest, options?: NarrateOptions): Promise<Narrative>;
}
