/** One row of a Markdown feature table, as text cells keyed by the lower-cased header. */
export interface MarkdownRow {
  name: string;
  value: string;
  cells: Record<string, string>;
}

export interface MarkdownReportParts {
  narrative: string;
  narrativeOffset: number;
  rows: MarkdownRow[];
  /** "TCP (6) from A port 1 to B port 2; start to end" when the report prints the identity line. */
  identity?: string;
  /** "Flow 9: score 7.31 (robust-z), rank 1 of 1000, threshold 4" when the report prints the headline. */
  headline?: string;
}

const TABLE_HEADING = /^#{1,6}[^\n]*observable features[^\n]*$/im;
const END_HEADING = /^#{1,6}[^\n]*grounding[^\n]*$/im;
const HEADLINE = /^Flow \S+: score .*$/;
const IDENTITY_LINE = /^[A-Za-z0-9-]+ \(\d+\) from \S+.* to \S+.*;.*$/m;

function splitCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|').replace(/^\*\*|\*\*$/g, '').replace(/^`|`$/g, ''));
}

/**
 * Find the "Observable Features" section of a report in the seed's layout, read the pipe tables
 * in it (feature table, then "other fields"), and return the narrative after them. The heading's
 * emoji may be mojibake ("üìä"): only the words are matched. undefined when there is no such section.
 */
export function readMarkdownReport(text: string): MarkdownReportParts | undefined {
  const heading = TABLE_HEADING.exec(text);
  if (!heading) return undefined;
  let pos = heading.index + heading[0].length;
  const rows: MarkdownRow[] = [];
  let header: string[] | undefined;
  let tableEnd = pos;
  let identity: string | undefined;
  let headline: string | undefined;
  const lines = text.slice(pos).split('\n');
  let offset = pos;
  for (const line of lines) {
    const trimmed = line.trim();
    const next = offset + line.length + 1;
    if (/^#{1,6}\s/.test(trimmed) || (trimmed === '---' && rows.length > 0)) break;
    if (trimmed.startsWith('|')) {
      const cells = splitCells(trimmed);
      if (cells.every((c) => /^:?-*:?$/.test(c))) {
        // separator line
      } else if (header === undefined || /^(feature|field)$/i.test(cells[0] ?? '')) {
        header = cells.map((c) => c.toLowerCase());
      } else {
        const record: Record<string, string> = {};
        header.forEach((h, i) => (record[h] = cells[i] ?? ''));
        rows.push({ name: cells[0] ?? '', value: cells[1] ?? '', cells: record });
      }
      tableEnd = next;
    } else if (rows.length === 0 && HEADLINE.test(trimmed)) {
      headline = trimmed;
    } else if (rows.length === 0 && IDENTITY_LINE.test(trimmed)) {
      identity = trimmed;
    } else if (trimmed !== '' && rows.length > 0 && !/^(other exporter fields|window:|data-quality notes|- )/i.test(trimmed)) {
      break;
    } else if (rows.length > 0) {
      tableEnd = next;
    }
    offset = next;
  }
  pos = Math.min(tableEnd, text.length);
  const rest = text.slice(pos);
  const end = END_HEADING.exec(rest);
  const narrative = end ? rest.slice(0, end.index) : rest;
  return { narrative, narrativeOffset: pos, rows, ...(identity ? { identity } : {}), ...(headline ? { headline } : {}) };
}
