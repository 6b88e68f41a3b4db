import type { FeatureTable } from '../table/index.ts';

/*
 * The prompt stage sits upstream of llm/ (DESIGN.md), so it declares the request shape itself;
 * it is structurally the `NarrateRequest` of src/llm/provider.ts, which every provider accepts.
 */

export type OutputMode = 'narrative' | 'structured';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface PromptParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
}

/** What `renderPrompt` returns: everything a provider needs for one explanation. */
export interface RenderedPrompt {
  template: { id: string; version: string };
  model: string;
  params: PromptParams;
  mode: OutputMode;
  messages: PromptMessage[];
  responseSchema?: Record<string, unknown>;
  table: FeatureTable;
  sample?: number;
}
