// TEMP until upstream index.ts gates land: switch to '../llm/index.ts' and '../table/index.ts'.
export type { FeatureTable, TableRow } from '../table/schema.ts';
export type { NarrateRequest, Narrative, Provider, TokenUsage, ChatMessage } from '../llm/provider.ts';
