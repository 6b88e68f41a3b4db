import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReports, writeRunIndex, type ReportEntry, type WrittenReport } from '../report/index.ts';
import { tableFileNames, type FeatureTable } from './deps.ts';
import { runBatch } from './run-batch.ts';
import { formatSummary } from './summarize.ts';
import type { BatchOptions, ResultRecord, RunSummary } from './types.ts';

/** Everything `runBatch` needs besides the items and the results file (see `prepareBatch`). */
export type BatchSetup = Omit<BatchOptions, 'resultsFile'>;

export interface ExplainTablesOptions {
  /** Output directory: results.jsonl, tables/, reports/, explanations.jsonl, index.md. */
  outDir: string;
  /** What was explained, for the index heading. */
  title: string;
  /** Lines for the index under the heading (before the run summary). @default [] */
  details?: string[];
  /** Ground-truth labels of the input by flow id, for the run index only (never sent to a provider). @default {} */
  labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Also write each table to `tables/<flow>.json` (so `explain`/`check` can rerun on them). @default true */
  writeTables?: boolean;
}

export interface ExplainTablesResult {
  summary: RunSummary;
  reports: WrittenReport[];
  indexFile: string;
}

/**
 * Explain tables and write the run's outputs: the batch (resumable, cached), then one report per
 * flow with its grounding, explanations.jsonl and index.md.
 */
export async function explainTables(tables: readonly FeatureTable[], setup: BatchSetup, options: ExplainTablesOptions): Promise<ExplainTablesResult> {
  mkdirSync(options.outDir, { recursive: true });
  if (options.writeTables !== false) writeTableFiles(tables, join(options.outDir, 'tables'));
  const items = tables.map((table) => ({ id: table.flow_id, table }));
  const summary = await runBatch(items, { ...setup, resultsFile: join(options.outDir, 'results.jsonl') });
  const entries = tables.map((table, i) => reportEntry(table, summary.records[i]!));
  const reports = writeReports(entries, { outDir: options.outDir });
  const indexFile = writeRunIndex(reports, {
    outDir: options.outDir,
    title: options.title,
    details: [...(options.details ?? []), formatSummary(summary)],
    ...(options.labels !== undefined ? { labels: options.labels } : {}),
  });
  return { summary, reports, indexFile };
}

/** A results record as the report writer reads it. */
export function reportEntry(table: FeatureTable, record: ResultRecord): ReportEntry {
  if (record.status === 'failed') return { table, error: { class: record.error.class, message: record.error.message } };
  return {
    table,
    explanation: { text: record.text, provider: record.provider, model: record.model, template: record.template, cached: record.cached, anonymized: record.anonymized },
  };
}

function writeTableFiles(tables: readonly FeatureTable[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  const names = tableFileNames(tables.map((t) => t.flow_id));
  tables.forEach((table, i) => writeFileSync(join(dir, names[i]!), `${JSON.stringify(table, null, 2)}\n`));
}
