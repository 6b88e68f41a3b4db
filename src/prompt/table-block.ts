import type { FeatureTable, TableRow } from '../table/index.ts';
import { tableMarkdown } from './table-markdown.ts';

/** Info string of the data fence: the prompt tells the model everything inside it is data. */
export const DATA_FENCE = '```flowlens-data';

/**
 * The table as a fenced data block the model cannot be steered from. Every string that came
 * from the input (values, raw field names, units, notes) is neutralised first: string values
 * are JSON-quoted, backticks become U+02CB, line breaks and pipes are escaped. So a flow field
 * holding "ignore previous instructions" or a ``` fence stays one quoted cell inside the block.
 */
export function renderTableBlock(table: FeatureTable): string {
  return fenceTable(neutraliseTable(table));
}

/** The fenced block of a table already neutralised (renderPrompt neutralises once for everything). */
export function fenceTable(safe: FeatureTable): string {
  return `${DATA_FENCE}\n${tableMarkdown(safe).trimEnd()}\n\`\`\``;
}

/** A copy of the table whose strings cannot close the fence, start a line or split a cell. */
export function neutraliseTable(table: FeatureTable): FeatureTable {
  return {
    ...table,
    flow_id: inline(table.flow_id),
    ...(table.flow
      ? {
          flow: {
            ...table.flow,
            src_addr: quoteIfUnsafe(table.flow.src_addr),
            dst_addr: quoteIfUnsafe(table.flow.dst_addr),
            protocol_name: inline(table.flow.protocol_name),
            start: table.flow.start === null ? null : inline(table.flow.start),
            end: table.flow.end === null ? null : inline(table.flow.end),
          },
        }
      : {}),
    ...(table.score ? { score: { ...table.score, method: inline(table.score.method) } } : {}),
    features: table.features.map(neutraliseRow),
    fields: table.fields.map(neutraliseRow),
    notes: table.notes.map((n) => ({
      ...n,
      field: inline(n.field),
      value: typeof n.value === 'string' ? quote(n.value) : n.value,
      message: inline(n.message),
    })),
    ...(table.window?.reason ? { window: { ...table.window, reason: inline(table.window.reason) } } : {}),
  };
}

function neutraliseRow(row: TableRow): TableRow {
  return {
    ...row,
    name: inline(row.name),
    // tableToMarkdown escapes pipes in values itself
    value: typeof row.value === 'string' ? inline(JSON.stringify(row.value), false) : row.value,
    unit: inline(row.unit),
    description: inline(row.description),
  };
}

/** Text values are always quoted, so they read as data, never as prose. */
function quote(text: string): string {
  return inline(JSON.stringify(text));
}

function quoteIfUnsafe(text: string): string {
  return /^[\w.:%/-]+$/.test(text) ? text : quote(text);
}

/** One table-cell-safe line: no backticks, no line breaks or control characters, no bare pipes. */
// Everything inline() rewrites; most strings (registry names, units, definitions) hold none of it.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[`\u0000-\u001f\u007f\u2028\u2029|]/;

function inline(text: string, escapePipes = true): string {
  if (!UNSAFE.test(text)) return text;
  const safe = text
    .replace(/`/g, '\u02cb')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escapePipes ? safe.replace(/\|/g, '\\|') : safe;
}
