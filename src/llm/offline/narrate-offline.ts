import { FEATURES, resolveFeatureName } from '../../features/index.ts';
import { formatNumber, type FeatureTable, type TableRow } from '../../table/index.ts';
import { describeBaseline, directionOf, valueWithUnit } from './compare-row.ts';
import { noteCaveats } from './note-caveats.ts';
import { pickTopRows } from './pick-rows.ts';
import { windowEcho } from './window-echo.ts';
import { PLAIN_DEFINITIONS, READINGS, THEME_PHRASES, type Reading } from './readings.ts';

/**
 * The offline narrator: a deterministic explanation written from the table alone (DESIGN.md
 * "Providers"). Every figure is copied from the table with its unit, every comparison is against
 * the row's own baseline columns, and every interpretation is hedged, so the grounding checker
 * finds nothing contradicted or unsupported. Same table in, same text out.
 *
 * @example
 * const markdown = narrateOffline(table);
 */
export function narrateOffline(table: FeatureTable): string {
  const top = pickTopRows(table);
  return [
    '### What stands out',
    [context(table), ...(top.length > 0 ? [topIntro(top)] : [noTopRows()])].join(' '),
    top.map((row) => `- ${describeRow(row, table)}`).join('\n'),
    '### How they fit together',
    together(top, table),
    '### Caveats',
    caveats(table).join('\n'),
    '### Cautious conclusion',
    conclusion(top, table),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** The hedged reading of one row whose value is high or low against its baseline. */
export function readingOf(row: TableRow): { reading: Reading; direction: 'high' | 'low' } | undefined {
  const name = resolveFeatureName(row.name);
  const direction = directionOf(row);
  if (name === undefined || (direction !== 'high' && direction !== 'low')) return undefined;
  return { reading: READINGS[name], direction };
}

/** One bullet: name = value unit, definition, baseline comparison, contribution, hedged reading. */
export function describeRow(row: TableRow, table?: FeatureTable, bold = true): string {
  const name = bold ? `**${row.name}**` : row.name;
  // The "; null when …" clause only matters for a null value (as in the table's Markdown).
  const feature = resolveFeatureName(row.name);
  const plain = feature ? PLAIN_DEFINITIONS[feature] : undefined;
  const definition = plain ?? row.description.replace(/;\s*null (when|where|if)\b.*$/i, '');
  const parts = [`${name} = ${valueWithUnit(row.value, row.unit)}: ${sentence(definition)}`];
  const baseline = describeBaseline(row);
  if (baseline) parts.push(`The value is ${baseline}.`);
  else parts.push('The table gives no baseline for this row, so it is not compared.');
  if (typeof row.contribution === 'number') {
    // The forest's sign reads the value's percentile against 50, so a value tied with the median can
    // weigh negative: say "below the median" only when it is, or the text contradicts its own comparison.
    const below = typeof row.value === 'number' && typeof row.baseline?.median === 'number' && row.value < row.baseline.median;
    const sign = row.contribution < 0 ? (below ? ' (negative: the value is below the baseline median)' : ' (negative)') : '';
    parts.push(`Its contribution to the score is ${formatNumber(row.contribution)}${sign}.`);
  }
  const read = readingOf(row);
  if (read) parts.push(`This may mean that ${read.reading[read.direction]}.`);
  if (table?.notes.some((n) => n.field === row.name)) parts.push('A data-quality note applies to this value (see Caveats).');
  return parts.join(' ');
}



/**
 * Identity and score. The flow is "the flow", not its id: the report's heading names it, and an
 * input's own ids can hold anything (file names, labels) that the narrative should not repeat.
 */
export function context(table: FeatureTable): string {
  const sentences: string[] = [];
  const f = table.flow;
  if (f) {
    const port = (p: number | null): string => (p === null ? '' : ` port ${p}`);
    const when = f.start !== null ? `, starting ${f.start}${f.end !== null ? ` and ending ${f.end}` : ''}` : '';
    sentences.push(`The flow is from ${f.src_addr}${port(f.src_port)} to ${f.dst_addr}${port(f.dst_port)} over ${f.protocol_name} (protocol ${f.protocol})${when}.`);
  }
  const s = table.score;
  if (s) {
    const rank = s.of !== undefined ? `rank ${s.rank} of ${s.of}` : `rank ${s.rank}`;
    const threshold = s.threshold !== null ? ` against a threshold of ${formatNumber(s.threshold)}` : '';
    sentences.push(`${f ? 'It' : 'The flow'} was scored ${formatNumber(s.value)} by ${s.method} (${rank})${threshold}.`);
  }
  return sentences.join(' ');
}

function topIntro(top: TableRow[]): string {
  const byContribution = top.every((r) => typeof r.contribution === 'number' && r.contribution !== 0);
  return byContribution
    ? `The rows that contribute most to the score are ${listNames(top)}:`
    : `The table gives no contributions, so these rows are the ones furthest from their baseline: ${listNames(top)}:`;
}

function noTopRows(): string {
  return 'The table gives no contributions and no row lies outside its baseline range, so it cannot show which features drove the score.';
}

export function together(top: TableRow[], table?: FeatureTable): string {
  const phrases: string[] = [];
  for (const row of top) {
    const read = readingOf(row);
    const phrase = read ? THEME_PHRASES[read.reading.theme][read.direction] : undefined;
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  const limits = 'The table does not show what was carried, which application was involved, or why.';
  if (phrases.length === 0) return `None of these rows can be read against a baseline, so the table offers no combined reading. ${limits}`;
  const names = listNames(top.filter((r) => readingOf(r) !== undefined));
  const echo = table ? windowEcho(table, top) : undefined;
  return [`Read together, ${names} could be consistent with ${joinWords(phrases)}.`, echo, 'This is one possible reading of the numbers, not an established cause.', limits]
    .filter((part) => part !== undefined)
    .join(' ');
}

export function caveats(table: FeatureTable): string[] {
  const lines = noteCaveats(table);
  lines.push(...nullCaveats(table));
  lines.push('- The table holds observable flow features only: it cannot show payloads, applications, intent, or who operates either address.');
  return lines;
}

export function conclusion(top: TableRow[], table?: FeatureTable): string {
  const s = table?.score;
  // A flow below the threshold was not flagged (it is in the table because it was asked for, or in a top N).
  if (s && s.threshold !== null && s.value < s.threshold) {
    const most = top.length > 0 ? ` Of its rows, ${listNames(top)} differ most from the baseline.` : '';
    return `The flow's score is below the threshold, so it was not flagged as anomalous.${most} This is a statistical comparison, not evidence of malicious or benign activity.`;
  }
  const driver = top.length > 0 ? ` mainly because ${listNames(top)} differ most from the baseline` : '';
  return `The flow may have been flagged${driver}. This is a statistical deviation, not evidence of malicious activity; judging it would need context from outside this table.`;
}

/** Window features nulled together (no time fields, a late flow) share one line; others get one each. */
function nullCaveats(table: FeatureTable): string[] {
  const nulls = [...table.features, ...table.fields].filter((r) => r.value === null);
  const isWindow = (r: TableRow): boolean => {
    const name = resolveFeatureName(r.name);
    return name !== undefined && FEATURES[name].group === 'window' && name !== 'inter_arrival_ms';
  };
  const windowRows = nulls.filter(isWindow);
  const grouped = windowRows.length >= 3;
  // "0" in a definition ("null when the duration is 0") would read as a claimed value.
  const lines = nulls
    .filter((r) => !grouped || !isWindow(r))
    .map((r) => `- ${r.name} is null, meaning not applicable: ${sentence(r.description.replace(/\b0\b/g, 'zero'))}`);
  const unavailable = table.window && !table.window.available ? table.window : undefined;
  if (grouped) {
    const why = unavailable ? `: ${unavailable.reason ?? 'window features are not available for this input'}` : table.notes.some((n) => n.code === 'late-flow') ? ' for this flow (see the data-quality note above)' : '';
    lines.unshift(`- The window features ${listNames(windowRows)} are null, meaning not applicable${sentence(why)}`);
  } else if (unavailable) {
    lines.unshift(`- Window features are not available${unavailable.reason ? `: ${sentence(unavailable.reason)}` : '.'}`);
  }
  return lines;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function listNames(rows: readonly TableRow[]): string {
  return joinWords(rows.map((r) => r.name));
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}
