/** Batch runner: what other stages and the CLI may use. */
export { runBatch } from './run-batch.ts';
export { formatSummary } from './summarize.ts';
export { readResults } from './results-log.ts';
export { Anonymizer, filterAllowed } from './anonymize.ts';
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
