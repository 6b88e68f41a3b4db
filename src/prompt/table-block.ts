import { mapTableStrings, type FeatureTable } from '../table/index.ts';
import { tableMarkdown } from './table-markdown.ts';

/** Info string of the data fence: the prompt tells the model everything inside it is data. */
export const DATA_FENCE = '```flowlens-data';

/** First words of the two list lines that close the data block (templates point at them by name). */
export const NULL_ROWS_LABEL = 'Null rows';
export const ROW_NAMES_LABEL = 'Row names';

/**
 * The table as a fenced data block the model cannot be steered from. Every string that came
 * from the input (values, field names, the flow id, units, notes) is neutralised first: string
 * values are JSON-quoted, so are names and ids that are not plain identifiers, backticks become
 * U+02CB, line breaks and pipes are escaped. So a flow field or a CSV header holding "ignore
 * previous instructions" or a ``` fence stays one quoted cell inside the block. The block ends
 * with the null rows and the row names, so no input-derived text needs to stand outside it.
 */
export function renderTableBlock(table: FeatureTable): string {
  return fenceTable(neutraliseTable(table));
}

/** The fenced block of a table already neutralised (renderPrompt neutralises once for everything). */
export function fenceTable(safe: FeatureTable): string {
  const rows = [...safe.features, ...safe.fields];
  const nulls = rows.filter((r) => r.value === null);
  const lists = [
    `${NULL_ROWS_LABEL} (not applicable, never 0): ${nulls.length === 0 ? 'none' : nulls.map((r) => `${r.name} (${r.description})`).join('; ')}.`,
    // Backticks cannot occur inside a neutralised name, so each name stays one code span.
    `${ROW_NAMES_LABEL} (the only names to cite): ${rows.map((r) => `\`${r.name}\``).join(', ')}.`,
  ];
  return `${DATA_FENCE}\n${tableMarkdown(safe).trimEnd()}\n\n${lists.join('\n')}\n\`\`\``;
}

/** Any other text as a data block: its backticks cannot close the fence (they become U+02CB). */
export function fenceData(text: string): string {
  return `${DATA_FENCE}\n${text.replace(/`/g, '\u02cb')}\n\`\`\``;
}

/** A copy of the table whose strings cannot close the fence, start a line or split a cell. */
export function neutraliseTable(table: FeatureTable): FeatureTable {
  return mapTableStrings(table, {
    id: quoteName,
    token: quoteIfUnsafe,
    name: quoteName,
    // tableToMarkdown escapes pipes in values itself
    value: (v) => inline(JSON.stringify(v), false),
    text: (t) => inline(t),
  });
}

/**
 * A field name or id as data: a plain identifier (IN_BYTES, id.orig_h, L4_SRC_PORT, a uid, a
 * 5-tuple id) stays as it is; anything else (spaces, punctuation, an instruction in a CSV header)
 * is JSON-quoted, so it reads as a string and never as prose, wherever the block shows it.
 */
export function quoteName(name: string): string {
  return PLAIN_NAME.test(name) ? name : quote(name);
}

const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,99}$/;

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
