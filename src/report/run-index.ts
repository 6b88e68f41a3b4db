import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatValue } from './format-value.ts';
import { groundingBadge } from './grounding.ts';
import { codeCell, escapeId, escapeMarkdown } from './markdown-safe.ts';
import { topContributors } from './summary-lines.ts';
import type { WrittenReport } from './types.ts';

export interface RunIndexOptions {
  outDir: string;
  /** What was explained (the input file), for the heading. */
  title: string;
  /** Lines under the heading: run summary, provider, prompt, tokens and cost. */
  details?: string[];
}

/** The run index, `index.md`: every flow by score (highest first) with its top contributors, grounding and a link. */
export function renderRunIndex(reports: readonly WrittenReport[], options: Omit<RunIndexOptions, 'outDir'>): string {
  const sorted = [...reports].sort((a, b) => (b.score?.value ?? -Infinity) - (a.score?.value ?? -Infinity));
  const lines = [`# flowlens run — ${escapeMarkdown(options.title)}`, ''];
  for (const d of options.details ?? []) lines.push(`- ${d}`);
  if (options.details?.length) lines.push('');
  lines.push('| # | Flow | Score | Top contributors | Grounding | Report |', '|---:|---|---:|---|---|---|');
  sorted.forEach((r, i) => {
    const score = r.score ? formatValue(Number(r.score.value.toFixed(2))) : '—';
    const top = topContributors(r.table, 3).map((row) => codeCell(row.name)).join(', ') || '—';
    const grounding = r.grounding ? groundingBadge(r.grounding) : `❌ failed (${escapeMarkdown(r.error?.class ?? 'error')})`;
    lines.push(`| ${i + 1} | ${escapeId(r.flow_id)} | ${score} | ${top} | ${grounding} | [report](${r.file}) |`);
  });
  const failed = reports.filter((r) => r.status === 'failed').length;
  const ungrounded = reports.filter((r) => r.grounding && !r.grounding.grounded).length;
  lines.push('', `${reports.length} flows; ${reports.length - failed} explained, ${failed} failed; ${ungrounded} with claims the table does not back.`);
  return `${lines.join('\n')}\n`;
}

/** Write `<outDir>/index.md`; returns its path. */
export function writeRunIndex(reports: readonly WrittenReport[], options: RunIndexOptions): string {
  const file = join(options.outDir, 'index.md');
  writeFileSync(file, renderRunIndex(reports, options));
  return file;
}
