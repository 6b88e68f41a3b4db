/**
 * flowlens library surface: one verb per stage, the schemas, the errors.
 * Stages fill this in as they land; no `export *` (STYLE.md §2).
 */
export {
  FlowlensError,
  InputError,
  MissingColumnError,
  BadRatioError,
  NoFlowsError,
  OutputError,
  BadRowError,
  ConfigError,
  TemplateError,
  ProviderError,
  NarrativeFormatError,
  CassetteMissError,
  BaselineError,
  RequestTimeoutError,
} from './errors.ts';
export {
  openFlows,
  readAllFlows,
  FlowSchema,
  type Flow,
  type QualityNote,
  type FlowSource,
  type IngestSummary,
  type ReadFlowsOptions,
  type FormatName,
} from './ingest/index.ts';
export {
  createFeatureExtractor,
  extractFeatures,
  FEATURES,
  FEATURE_NAMES,
  FeatureName,
  REGISTRY_VERSION,
  DEFAULT_WINDOW_MS,
  resolveFeatureName,
  type FeatureValues,
  type FlowFeatures,
  type FeatureExtractor,
} from './features/index.ts';
export { generateSynthFlows, writeSynthCsv, type SynthOptions } from './synth/index.ts';
export {
  FeatureTableSchema,
  selectTables,
  buildTable,
  tableToMarkdown,
  tableJsonSchema,
  fitBaselineFile,
  type FeatureTable,
  type TableRow,
  type SelectOptions,
  type ScoreSummary,
} from './table/index.ts';
export { createScorer, loadBaseline, saveBaseline, DEFAULT_SCORER, type Baseline, type Scorer, type ScorerName } from './score/index.ts';
export type { Provider, NarrateRequest, Narrative, ChatMessage } from './llm/index.ts';
export { loadTemplate, renderPrompt, type PromptTemplate } from './prompt/index.ts';
export { narrate, type NarrateOptions } from './llm/index.ts';
export { checkNarrative, type CheckResult, type CheckedClaim, type CheckSummary, type Evidence } from './check/index.ts';
export { writeReports, writeRunIndex, type ReportEntry, type WrittenReport } from './report/index.ts';
export { runBatch, explainTables, type BatchItem, type BatchOptions, type RunSummary, type ResultRecord } from './run/index.ts';
export { runEval, loadSuite, SuiteSchema, type EvalOptions, type EvalResult, type EvalReport, type PromptMetrics, type FlowDiff, type Suite } from './eval/index.ts';
