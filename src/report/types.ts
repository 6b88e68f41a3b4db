import type { CheckResult, CheckSummary, FeatureTable } from './deps.ts';

/** The model's answer for one flow, as the batch runner recorded it. */
export interface ExplanationInput {
  text: string;
  provider: string;
  model: string;
  template: { id: string; version: string };
  cached?: boolean;
  anonymized?: boolean;
}

/** One flow to report: its table, and either its explanation or the error that prevented it. */
export interface ReportEntry {
  table: FeatureTable;
  explanation?: ExplanationInput;
  error?: { class: string; message: string };
  /** The checker's verdicts; computed from the explanation when absent. */
  check?: CheckResult;
}

/** What `writeReports` wrote for one flow (input to the run index). */
export interface WrittenReport {
  flow_id: string;
  /** Path relative to the output directory (for links). */
  file: string;
  score?: FeatureTable['score'];
  table: FeatureTable;
  status: 'done' | 'failed';
  provider?: string;
  grounding?: CheckSummary;
  error?: { class: string; message: string };
}

/** The `explanation` object of the JSONL enrichment and of `flowlens enrich`. */
export interface ExplanationObject {
  text: string;
  provider: string;
  model: string;
  prompt: { id: string; version: string };
  grounding: CheckSummary;
}
