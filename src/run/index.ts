/** Batch runner: what other stages and the CLI may use. */
export { runBatch } from './run-batch.ts';
export { formatSummary } from './summarize.ts';
export { readResults } from './results-log.ts';
export { Anonymizer, filterAllowed } from './anonymize.ts';
export { explainTables, reportEntry, type BatchSetup, type ExplainTablesOptions, type ExplainTablesResult } from './explain-tables.ts';
export { prepareBatch, type BatchApiSettings, type RunnerSettings } from './prepare-batch.ts';
export type {
  BatchItem,
  BatchOptions,
  DoneRecord,
  FailedRecord,
  PrivacyOptions,
  ResultRecord,
  RunSummary,
  TokenPrices,
} from './types.ts';
export { enrichAlerts, type EnrichOptions, type EnrichSummary } from './enrich-alerts.ts';
export { readPrivacyFile } from './privacy-file.ts';
