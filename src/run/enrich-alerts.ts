import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkNarrative } from '../check/index.ts';
import { InputError, NoFlowsError } from '../errors.ts';
import { explanationObject } from '../report/index.ts';
import { selectTables, type ScoreSummary, type SelectOptions } from '../table/index.ts';
import { addExplanation, alertRef, tupleKey, type AlertRef } from './alert-lines.ts';
import type { FeatureTable } from './deps.ts';
import type { BatchSetup } from './explain-tables.ts';
import { runBatch } from './run-batch.ts';
import type { RunSummary } from './types.ts';

export interface EnrichOptions {
  /** JSONL alerts (e.g. Suricata eve.json). */
  alertsFile: string;
  /** Where the enriched JSONL goes (written atomically). */
  outFile: string;
  /** Flows the alerts' flow ids point into. @default the alerts file itself */
  flowsFile?: string;
  /** The batch runner's resumable results file. */
  resultsFile: string;
  setup: BatchSetup;
  /** Scoring options for building the flows' tables. @default {} */
  select?: Omit<SelectOptions, 'ids' | 'top' | 'threshold'>;
}

/** What happened to every input line: the counts add up to `lines`. */
export interface EnrichSummary {
  lines: number;
  enriched: number;
  /** Not JSON objects, or records with no flow id and no addresses. */
  withoutFlow: number;
  /** Flow fields that match no flow of the flows file. */
  flowNotFound: number;
  /** Matched a flow whose explanation failed (see the results file; --retry-failed). */
  failed: number;
  batch: RunSummary;
  /** How the flows were read and scored; absent when no line carries a flow (nothing was scored). */
  scoring?: ScoreSummary;
}

/**
 * Add an `explanation` object to every alert that carries flow fields, passing every other field
 * through byte for byte, in input order. Each flow is explained once however many alerts share it.
 */
export async function enrichAlerts(options: EnrichOptions): Promise<EnrichSummary> {
  const text = readAlerts(options.alertsFile);
  const lines = text.split('\n');
  const trailing = lines.at(-1) === '' ? lines.pop() : undefined;
  const refs = lines.map((line) => (line.trim() === '' ? undefined : alertRef(line)));
  const tables = await tablesFor(refs, options);
  const matched = refs.map((ref) => (ref ? match(ref, tables) : undefined));
  const unique = [...new Set(matched.filter((t): t is FeatureTable => t !== undefined))];
  // Batch API files of an enrichment sit beside its output (`enriched.jsonl.batches/`), not in a shared folder.
  const batchApi = options.setup.batchApi ? { batchApi: { dir: `${options.outFile}.batches`, ...options.setup.batchApi } } : {};
  const batch = await runBatch(unique.map((table) => ({ id: table.flow_id, table })), { ...options.setup, ...batchApi, resultsFile: options.resultsFile });
  const explanations = new Map<FeatureTable, unknown>();
  unique.forEach((table, i) => {
    const record = batch.records[i]!;
    if (record.status !== 'done') return;
    const explanation = { text: record.text, provider: record.provider, model: record.model, template: record.template };
    explanations.set(table, explanationObject(explanation, checkNarrative(record.text, table)));
  });
  const summary: EnrichSummary = { lines: lines.length, enriched: 0, withoutFlow: 0, flowNotFound: 0, failed: 0, batch, ...(tables.scoring ? { scoring: tables.scoring } : {}) };
  const out = lines.map((line, i) => {
    const table = matched[i];
    if (!refs[i]) summary.withoutFlow++;
    else if (!table) summary.flowNotFound++;
    else if (!explanations.has(table)) summary.failed++;
    else {
      summary.enriched++;
      return addExplanation(line, explanations.get(table));
    }
    return line;
  });
  const tmp = `${options.outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, out.join('\n') + (trailing !== undefined ? '\n' : ''));
  renameSync(tmp, options.outFile);
  return summary;
}

function readAlerts(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError({ file }, `Cannot read the alerts (${code === 'EISDIR' ? 'it is a directory; pass a JSONL file' : (code ?? 'error')})`, { cause });
  }
  if (text.trim() === '') throw new NoFlowsError(file, 'The alerts file is empty: nothing to enrich');
  return text;
}

interface TableIndex {
  byId: Map<string, FeatureTable>;
  byTuple: Map<string, FeatureTable>;
  scoring?: ScoreSummary;
}

async function tablesFor(refs: ReadonlyArray<AlertRef | undefined>, options: EnrichOptions): Promise<TableIndex> {
  const ids = [...new Set(refs.flatMap((r) => (r?.flowId !== undefined ? [r.flowId] : [])))];
  const byId = new Map<string, FeatureTable>();
  const byTuple = new Map<string, FeatureTable>();
  if (refs.every((r) => r === undefined)) return { byId, byTuple };
  const wantsTuples = refs.some((r) => r !== undefined && r.flowId === undefined);
  const { tables, summary } = await selectTables(options.flowsFile ?? options.alertsFile, {
    ...options.select,
    // Tuple matches need every flow's table (all of them, ranked); id matches only the named flows.
    ...(wantsTuples ? { top: Number.MAX_SAFE_INTEGER } : { ids }),
  });
  for (const table of tables) {
    byId.set(table.flow_id, table);
    const f = table.flow;
    if (f) byTuple.set(tupleKey(f.src_addr, f.src_port ?? '', f.dst_addr, f.dst_port ?? ''), table);
  }
  return { byId, byTuple, scoring: summary };
}

function match(ref: AlertRef, index: TableIndex): FeatureTable | undefined {
  return (ref.flowId !== undefined ? index.byId.get(ref.flowId) : undefined) ?? (ref.tuple !== undefined ? index.byTuple.get(ref.tuple) : undefined);
}
