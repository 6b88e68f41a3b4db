import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groundingBadge } from './grounding.ts';
import { codeCell, escapeId, escapeMarkdown } from './markdown-safe.ts';
import { flowTuple, topContributors } from './summary-lines.ts';
import type { WrittenReport } from './types.ts';

export interface RunIndexOptions {
  outDir: string;
  /** What was explained (the input file), for the heading. */
  title: string;
  /** Lines under the heading: run summary, provider, prompt, tokens and cost. */
  details?: string[];
  /** The input's label columns by flow id (ground truth, shown here only); a Label column when any flow has one. */
  labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Scores with three decimals everywhere in the index ("0.700" beside "0.712", never "0.7" beside "0.71"). */
const formatScore = (value: number): string => value.toFixed(3);

function scoreCell(score: WrittenReport['score']): string {
  if (!score) return '—';
  const below = score.threshold !== null && score.value < score.threshold;
  return below ? `${formatScore(score.value)} (below the ${formatScore(score.threshold!)} threshold)` : formatScore(score.value);
}

function labelCell(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '—' : entries.map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`).join(', ');
}

/** The run index, `index.md`: every flow by score (highest first) with its top contributors, grounding and a link. */
export function renderRunIndex(reports: readonly WrittenReport[], options: Omit<RunIndexOptions, 'outDir'>): string {
  const sorted = [...reports].sort((a, b) => (b.score?.value ?? -Infinity) - (a.score?.value ?? -Infinity));
  const lines = [`# flowlens run — ${escapeMarkdown(options.title)}`, ''];
  for (const d of options.details ?? []) lines.push(`- ${d}`);
  if (options.details?.length) lines.push('');
  const labelled = sorted.some((r) => Object.keys(options.labels?.[r.flow_id] ?? {}).length > 0);
  lines.push(
    `| # | Flow | 5-tuple${labelled ? ' | Label' : ''} | Score | Top contributors | Grounding | Report |`,
    `|---:|---|---${labelled ? '|---' : ''}|---:|---|---|---|`,
  );
  sorted.forEach((r, i) => {
    const tuple = r.table.flow ? flowTuple(r.table.flow) : '—';
    const label = labelled ? ` ${labelCell(options.labels?.[r.flow_id])} |` : '';
    const top = topContributors(r.table, 3).map((row) => codeCell(row.name)).join(', ') || '—';
    const grounding = r.grounding ? groundingBadge(r.grounding) : `❌ failed (${escapeMarkdown(r.error?.class ?? 'error')})`;
    lines.push(`| ${i + 1} | ${escapeId(r.flow_id)} | ${tuple} |${label} ${scoreCell(r.score)} | ${top} | ${grounding} | [report](${r.file}) |`);
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
