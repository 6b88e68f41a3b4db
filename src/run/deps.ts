// Upstream types the runner uses, through their stages' index.ts gates.
export type { FeatureTable, TableRow } from '../table/index.ts';
export type { NarrateRequest, Narrative, Provider, TokenUsage, ChatMessage } from '../llm/index.ts';
export { tableFileNames } from '../table/index.ts';
