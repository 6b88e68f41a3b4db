import type { FeatureTable, TableRow } from './deps.ts';
import { formatPercentile, formatValue } from './format-value.ts';
import { codeSpan, escapeId, escapeMarkdown } from './markdown-safe.ts';

const TOP = 3;

/**
 * The report's summary bullets, built from the table: the score and its rank, the top contributing
 * features with value, unit and where they sit in the baseline, the flow's identity, and any
 * data-quality note. Facts from the table only, so the summary can never say more than the data.
 * Names are code spans and values escaped Markdown: nothing from the input can start a line.
 */
export function summaryLines(table: FeatureTable): string[] {
  const lines: string[] = [];
  const top = topContributors(table, TOP);
  if (table.score) lines.push(scoreLine(table.score, top));
  for (const row of top) lines.push(contributorLine(row));
  if (top.length === 0) lines.push('No feature carries a score contribution in this table; read the values below against their baselines.');
  if (table.flow) lines.push(identityLine(table.flow));
  if (table.window && !table.window.available) lines.push(`Window features are not available: ${escapeMarkdown(table.window.reason ?? 'see the table')}.`);
  for (const note of table.notes) lines.push(`Data quality (${escapeMarkdown(note.field)}): ${escapeMarkdown(note.message)}`);
  return lines;
}

/** Features with a non-zero contribution, largest absolute contribution first. */
export function topContributors(table: FeatureTable, n: number): TableRow[] {
  return table.features
    .filter((r) => typeof r.contribution === 'number' && r.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution!) - Math.abs(a.contribution!))
    .slice(0, n);
}

function scoreLine(score: NonNullable<FeatureTable['score']>, top: readonly TableRow[]): string {
  const rank = score.of ? `rank ${score.rank} of ${score.of}` : `rank ${score.rank}`;
  const threshold = score.threshold === null ? '' : `, threshold ${formatValue(score.threshold)}`;
  const names = top.map((r) => codeSpan(r.name));
  const driven = names.length === 0 ? '' : `, driven mainly by ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
  return `Anomaly score **${formatValue(Number(score.value.toFixed(2)))}** (${escapeMarkdown(score.method)}, ${rank}${threshold})${driven}.`;
}

function contributorLine(row: TableRow): string {
  const value = escapeMarkdown(formatValue(row.value, row.unit));
  const name = codeSpan(row.name);
  const share = `contribution ${row.contribution! > 0 ? '+' : ''}${formatValue(Number(row.contribution!.toFixed(2)))}`;
  const b = row.baseline;
  if (!b || b.percentile === null) return `${name} = ${value} (${share}): ${escapeMarkdown(row.description)}.`;
  const where = typeof row.value === 'number' && b.p99 !== null && row.value > b.p99 ? `above the baseline p99 (${escapeMarkdown(formatValue(b.p99, row.unit))}); ` : '';
  const median = b.median === null ? '' : `, baseline median ${escapeMarkdown(formatValue(b.median, row.unit))}`;
  return `${name} = ${value}: ${where}${formatPercentile(b.percentile)}${median}; ${share}.`;
}

function identityLine(flow: NonNullable<FeatureTable['flow']>): string {
  const when = flow.start ? `, ${escapeId(flow.start)}${flow.end ? ` → ${escapeId(flow.end)}` : ''}` : '';
  return `Flow: ${flowTuple(flow)}${when}.`;
}

/** The 5-tuple as Markdown: `TCP 10.0.0.1:50000 → [2001:db8::1]:443` (addresses escaped). */
export function flowTuple(flow: NonNullable<FeatureTable['flow']>): string {
  const end = (raw: string, port: number | null) => {
    const addr = escapeId(raw);
    return port === null ? addr : addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
  };
  return `${escapeId(flow.protocol_name)} ${end(flow.src_addr, flow.src_port)} → ${end(flow.dst_addr, flow.dst_port)}`;
}
