/** Everything eval takes from upstream stages, through their index.ts gates. */
export { checkNarrative, type CheckResult, type CheckSummary, type CheckedClaim, type Verdict } from '../check/index.ts';
export { readTableFiles, selectTables, tableToMarkdown, type FeatureTable } from '../table/index.ts';
export { loadTemplate, renderPrompt, type PromptTemplate } from '../prompt/index.ts';
export { createProvider, requestKey, CassetteStore, type NarrateRequest, type Provider } from '../llm/index.ts';
export { runBatch, prepareBatch, type ResultRecord, type RunSummary } from '../run/index.ts';
