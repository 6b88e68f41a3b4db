// Upstream parts the runner uses, through their stages' index.ts gates.
export type { FeatureTable, TableRow } from '../table/index.ts';
export type { NarrateRequest, Narrative, Provider, TokenUsage, ChatMessage, RequestMeter, RequestOutcome } from '../llm/index.ts';
export { tableFileNames } from '../table/index.ts';
export { estimateTokens } from '../llm/index.ts';
export { runBatchApi, BATCH_PRICE_FACTOR } from '../llm/index.ts';
export type { BatchApiOptions, BatchApiStats, BatchOutcome, BatchEntry } from '../llm/index.ts';
