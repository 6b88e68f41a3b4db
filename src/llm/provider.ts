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

export interface Narrative {
  /** Markdown text of the explanation (structured answers rendered to Markdown). */
  text: string;
  /** The validated object, in structured mode. */
  structured?: unknown;
  provider: string;
  model: string;
  usage?: TokenUsage;
  finishReason?: string;
}

/** One interface for every provider: openai, offline, replay. */
export interface Provider {
  readonly id: string;
  narrate(request: NarrateRequest, options?: { signal?: AbortSignal }): Promise<Narrative>;
}
