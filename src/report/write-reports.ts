import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNarrative, type CheckResult } from './deps.ts';
import { explanationObject } from './explanation-object.ts';
import { safeName } from './format-value.ts';
import { renderReport } from './render-report.ts';
import type { ReportEntry, WrittenReport } from './types.ts';

export interface WriteReportsOptions {
  /** Output directory: reports go to `<outDir>/reports/` (.md and .json), the enrichment to `<outDir>/explanations.jsonl`. */
  outDir: string;
}

/**
 * Write one Markdown report per flow (plus the same as JSON, `{flow_id, table, explanation}`, which
 * `flowlens check` reads back exactly) and one JSONL line per flow (flow id, score, report path,
 * explanation with its grounding, or the error). Each explanation is checked against its own table.
 * @example
 * const written = writeReports(entries, { outDir: 'out/demo' });
 * writeRunIndex(written, { outDir: 'out/demo', title: 'demo.csv' });
 */
export function writeReports(entries: readonly ReportEntry[], options: WriteReportsOptions): WrittenReport[] {
  const dir = join(options.outDir, 'reports');
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  const lines: string[] = [];
  const written = entries.map((entry) => {
    const check: CheckResult | undefined = entry.explanation ? (entry.check ?? checkNarrative(entry.explanation.text, entry.table)) : undefined;
    const base = uniqueName(`flow-${safeName(entry.table.flow_id)}`, used);
    const file = join('reports', `${base}.md`);
    writeFileSync(join(options.outDir, file), renderReport(entry, check));
    // The same report as JSON ({table, explanation}): exact values, so `flowlens check` reads it back losslessly.
    const json = {
      flow_id: entry.table.flow_id,
      table: entry.table,
      ...(entry.explanation && check ? { explanation: explanationObject(entry.explanation, check) } : { error: entry.error ?? null }),
    };
    writeFileSync(join(options.outDir, 'reports', `${base}.json`), `${JSON.stringify(json, null, 2)}\n`);
    const report: WrittenReport = {
      flow_id: entry.table.flow_id,
      file,
      score: entry.table.score,
      table: entry.table,
      status: entry.explanation ? 'done' : 'failed',
      ...(entry.explanation ? { provider: entry.explanation.provider } : {}),
      ...(check ? { grounding: check.summary } : {}),
      ...(entry.error ? { error: entry.error } : {}),
    };
    lines.push(
      JSON.stringify({
        flow_id: report.flow_id,
        score: entry.table.score ?? null,
        report: file,
        ...(entry.explanation && check ? { explanation: explanationObject(entry.explanation, check) } : { error: entry.error ?? null }),
      }),
    );
    return report;
  });
  const jsonl = join(options.outDir, 'explanations.jsonl');
  writeFileSync(`${jsonl}.tmp`, lines.map((l) => `${l}\n`).join(''));
  renameSync(`${jsonl}.tmp`, jsonl);
  return written;
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}
