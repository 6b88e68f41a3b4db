import type { CheckResult } from './deps.ts';
import { tableToMarkdown } from './deps.ts';
import { groundingSection } from './grounding.ts';
import { summaryLines } from './summary-lines.ts';
import type { ReportEntry } from './types.ts';
import { promptRef } from './format-value.ts';
import { codeSpan, containExplanation, escapeId, escapeMarkdown, markdownSafeTable } from './markdown-safe.ts';

/** Section headings, in the seed's layout (shared/seed/flow-3943031.md) plus Grounding. */
export const REPORT_HEADINGS = {
  summary: '## 🔍 Summary',
  table: '## 📊 Observable Features',
  explanation: '## 🧠 Model Explanation',
  grounding: '## 🧾 Grounding',
} as const;

/**
 * One flow's Markdown report: title, provenance, summary from the top contributors, the feature
 * table (units, definitions, baseline), the model's explanation verbatim, and the checker's
 * grounding. A failed call gets the error and the way to rerun it instead of an explanation.
 */
export function renderReport(entry: ReportEntry, check: CheckResult | undefined): string {
  const { table, explanation } = entry;
  const parts = [`# Flow ${escapeId(table.flow_id)} – Anomaly Explanation`, '', provenance(entry), '', REPORT_HEADINGS.summary];
  parts.push(...summaryLines(table).map((l) => `- ${l}`), '', '---', '', REPORT_HEADINGS.table, tableToMarkdown(markdownSafeTable(table)).trimEnd());
  parts.push('', '---', '', REPORT_HEADINGS.explanation);
  if (explanation) parts.push(containExplanation(explanation.text.trim()));
  else parts.push(`_No explanation: the call failed (${escapeMarkdown(entry.error?.class ?? 'Error')}: ${escapeMarkdown(entry.error?.message ?? 'unknown')}). Rerun with \`--retry-failed\`._`);
  parts.push('', '---', '', REPORT_HEADINGS.grounding);
  parts.push(check ? groundingSection(check) : '_Not checked: there is no explanation to check._');
  return `${parts.join('\n')}\n`;
}

function provenance(entry: ReportEntry): string {
  const e = entry.explanation;
  if (!e) return '_Explanation failed; see below._';
  const flags = [e.cached ? 'from cache' : '', e.anonymized ? 'addresses anonymized before sending, restored here' : ''].filter(Boolean);
  return `_Explained by ${codeSpan(e.provider)} (model ${codeSpan(e.model)}), prompt ${codeSpan(promptRef(e.template))}${flags.length ? `; ${flags.join('; ')}` : ''}._`;
}
