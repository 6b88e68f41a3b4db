import type { FeatureTable, TableRow } from './schema.ts';

/** What a null value prints as; the row's definition says why it is not applicable. */
export const NULL_TEXT = 'n/a (not applicable)';

/**
 * Compact Markdown of a FeatureTable for prompts and reports: a heading line with the score, the
 * flow identity, features ordered by |contribution| with unit, baseline median / p99, the flow's
 * percentile and definition, the exporter's other fields, window info and data-quality notes.
 * Null values print as "n/a (not applicable)", never 0.
 *
 * @example
 * tableToMarkdown(table).split('\n')[0]; // "Flow 3943031: score 7.31 (robust-z), rank 1 of 1000, threshold 3"
 */
export function tableToMarkdown(table: FeatureTable): string {
  const parts = [headline(table)];
  const identity = identityLine(table);
  if (identity) parts.push(identity);
  parts.push(featureTable(table.features));
  if (table.fields.length > 0) parts.push(`Other exporter fields:\n${fieldTable(table.fields)}`);
  if (table.window) {
    const w = table.window;
    parts.push(`Window: ${formatNumber(w.seconds)} s${w.available ? '' : `, window features not available${w.reason ? `: ${w.reason}` : ''}`}.`);
  }
  if (table.notes.length > 0) {
    parts.push(`Data-quality notes:\n${table.notes.map((n) => `- ${n.field} (${n.code}): ${n.message}`).join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

function headline(table: FeatureTable): string {
  const s = table.score;
  if (!s) return `Flow ${table.flow_id}`;
  const rank = s.of !== undefined ? `rank ${s.rank} of ${s.of}` : `rank ${s.rank}`;
  const threshold = s.threshold === null ? 'no threshold' : `threshold ${formatNumber(s.threshold)}`;
  return `Flow ${table.flow_id}: score ${formatNumber(s.value)} (${s.method}), ${rank}, ${threshold}`;
}

function identityLine(table: FeatureTable): string | undefined {
  const f = table.flow;
  if (!f) return undefined;
  const end = (addr: string, port: number | null): string => (port === null ? addr : `${addr} port ${port}`);
  const time = f.start === null ? 'no time fields' : `${compactTime(f.start)} to ${f.end === null ? 'unknown end' : compactTime(f.end)}`;
  return `${f.protocol_name} (${f.protocol}) from ${end(f.src_addr, f.src_port)} to ${end(f.dst_addr, f.dst_port)}; ${time}`;
}

function featureTable(rows: readonly TableRow[]): string {
  const head = '| Feature | Value | Unit | Median | p99 | Pctl | Contrib | Definition |\n|-|-|-|-|-|-|-|-|';
  const lines = rows.map((r) => {
    const b = r.baseline;
    const cells = [r.name, cell(r.value), r.unit, short(b?.median), short(b?.p99), short(b?.percentile), signed(r.contribution), definition(r)];
    return `| ${cells.join(' | ')} |`;
  });
  return [head, ...lines].join('\n');
}

function fieldTable(rows: readonly TableRow[]): string {
  const lines = rows.map((r) => `| ${[r.name, cell(r.value), r.unit, r.description].join(' | ')} |`);
  return ['| Field | Value | Unit | Definition |', '|-|-|-|-|', ...lines].join('\n');
}

/** The "; null when …" clause matters only for a null value: shown there, dropped elsewhere to save prompt tokens. */
function definition(row: TableRow): string {
  return row.value === null ? row.description : row.description.replace(/;\s*null (when|where|if)\b.*$/i, '');
}

function short(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : formatNumber(value);
}

const compactTime = (iso: string): string => iso.replace(/\.000Z$/, 'Z');

function cell(value: number | string | null | undefined): string {
  if (value === null) return NULL_TEXT;
  if (value === undefined) return '';
  return typeof value === 'number' ? formatNumber(value) : value.replace(/\|/g, '\\|');
}

function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

/** Short but exact enough to quote: integers as is, otherwise 1–4 decimals by magnitude. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return NULL_TEXT;
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return String(Number(value.toFixed(abs >= 100 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4)));
}
