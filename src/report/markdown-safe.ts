import { mapTableStrings, type FeatureTable } from './deps.ts';

/*
 * Everything a report or the run index shows that came from the input (flow ids, field names and
 * values, addresses, notes, error messages) goes through one of these, so no value can start a
 * line (a heading, a fence, a list item), split a table cell or open an HTML comment. The report
 * table is read back by `flowlens check`, so what is escaped there reads back as the same row.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g;
const PUNCTUATION = /[\\`|<>[\]]/g;

/** One line: line breaks and control characters shown as `\n` / `\u0007`, never acted on. */
export function escapeLine(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' || c === '\r\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Inline Markdown text (prose or a table cell) that renders as the literal value. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(PUNCTUATION, (c) => `\\${c}`));
}

/** A string value for `tableToMarkdown`, which escapes the pipes of values itself. */
function escapeValue(text: string): string {
  return escapeLine(text.replace(/[\\`<>[\]]/g, (c) => `\\${c}`));
}

/**
 * An identifier (flow id, address, protocol name) as one token: a plain one as it is, anything
 * else percent-encoded, so it holds no space (the report's headline and identity line are read
 * back token by token) and no Markdown.
 */
export function escapeId(id: string): string {
  if (/^[A-Za-z0-9_.:/@+=-]{1,200}$/.test(id)) return id;
  return encodeURIComponent(id).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) || '%20';
}

/** A code span that holds any text: the fence is longer than any backtick run inside it (CommonMark). */
export function codeSpan(text: string): string {
  const line = escapeLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A code span inside a table cell: GFM splits cells at a pipe even inside code. */
export function codeCell(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}

/** A copy of the table with every input-derived string escaped, for `tableToMarkdown` in a report. */
export function markdownSafeTable(table: FeatureTable): FeatureTable {
  return mapTableStrings(table, { id: escapeId, token: escapeId, name: escapeMarkdown, value: escapeValue, text: escapeMarkdown });
}

/**
 * The model's explanation, kept verbatim except where it could take the report over: a heading
 * that names a report section (the checker reads the narrative up to "Grounding") is shown as
 * text, and a code fence left open is closed, so it cannot swallow the sections after it.
 */
export function containExplanation(text: string): string {
  const lines = text.split('\n').map((line) => (/^ {0,3}#{1,6}(\s|$).*\b(grounding|observable features|model explanation|summary)\b/i.test(line) ? `\\${line.trimStart()}` : line));
  let open: string | undefined;
  for (const line of lines) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) continue;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  if (open !== undefined) lines.push(open);
  return lines.join('\n');
}
