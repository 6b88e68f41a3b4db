/** llm stage: a rendered prompt → a narrative, through one Provider interface (DESIGN.md "Providers"). */
export { createProvider, type ProviderConfig } from './create-provider.ts';
export { narrate, type NarrateOptions } from './narrate.ts';
export { narrateOffline } from './offline/narrate-offline.ts';
export { structuredOffline } from './offline/structured-offline.ts';
export { requestKey, REQUEST_KEY_VERSION } from './request-key.ts';
export { renderStructured } from './render-structured.ts';
export { parseStructured, type ParseResult } from './parse-structured.ts';
export { StructuredExplanationSchema, type StructuredExplanation } from '../prompt/index.ts';
export { OpenAIProvider, type OpenAIProviderOptions } from './providers/openai-provider.ts';
export { OfflineProvider } from './providers/offline-provider.ts';
export { ReplayProvider } from './providers/replay-provider.ts';
export { RecordingProvider } from './providers/recording-provider.ts';
export { CassetteStore } from './cassette-store.ts';
export { estimateTokens } from './estimate-tokens.ts';
export type { Provider, NarrateRequest, Narrative, ChatMessage, ModelParams, OutputMode, TokenUsage, RequestMeter, RequestOutcome, NarrateOptions as ProviderCallOptions } from './provider.ts';
