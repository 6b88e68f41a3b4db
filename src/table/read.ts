import { isIP } from 'node:net';
import { FEATURES, resolveFeatureName } from '../features/index.ts';
import { InputError } from '../errors.ts';
import { FIELD_SPECS, fieldSpec } from './fields.ts';
import { describeField } from './vocabulary/index.ts';
import { toIso } from './epoch.ts';
import { protocolName } from './protocol-names.ts';
import { flattenJson, isNested } from './flatten-json.ts';
import { identityMemberOf, lastSegment, protocolValue, type IdentityMember } from './identity-fields.ts';
import { FeatureTableSchema, type FeatureTable, type FlowIdentity, type TableRow } from './schema.ts';
import { readMarkdownReport, type MarkdownReportParts } from './read-markdown.ts';

type Scalar = number | string | null;

const ID_KEYS = ['flow_id', 'ID', 'FLOW_ID', 'id', 'uid', 'community_id'];

/**
 * Read a table the checker can use, in any of the shapes users have one (DESIGN.md): a FeatureTable
 * JSON (`unit` and `description` optional, identity fields allowed as rows), a flat
 * `{"FIELD": value}` object, or nested JSON as alerts and incidents come (ECS / EVE objects,
 * arrays, evidence lists: every leaf becomes a row named by its dotted path). Feature names are
 * resolved through the registry's aliases; every other field is kept as a row. Throws InputError
 * naming the file and what was expected.
 *
 * @example
 * readTable({ IN_BYTES: 4761630, src_IN_PKTS_sum: 3730 }, 'table.json').features[1].name; // "src_in_pkts_sum"
 * readTable({ source: { ip: '10.0.0.1', port: 51000 } }, 'alert.json').fields[0].name; // "source.ip"
 */
export function readTable(value: unknown, file = '<table>'): FeatureTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError({ file, field: 'table', value, expected: 'a FeatureTable object, a flat {"FIELD": value} object or a nested alert object' });
  }
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['features'])) return parseFeatureTable(record, file);
  if (isNested(record)) return flatToTable(Object.fromEntries(flattenJson(record)), file);
  return flatToTable(record, file);
}

function parseFeatureTable(record: Record<string, unknown>, file: string): FeatureTable {
  const filled = { ...record, features: completeRows(record['features']), ...(Array.isArray(record['fields']) ? { fields: completeRows(record['fields']) } : {}) };
  const parsed = FeatureTableSchema.safeParse(filled);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'table';
    throw new InputError({ file, field, expected: `a valid FeatureTable (${issue?.message ?? 'schema mismatch'})` }, undefined, { cause: parsed.error });
  }
  const table = parsed.data;
  if (!table.flow) {
    const flow = flowFromRows([...table.features, ...table.fields]);
    if (flow) table.flow = flow;
  }
  return table;
}

/** Rows as users hand them in: `unit` and `description` may be left out; they come from the registry or the field vocabulary. */
function completeRows(rows: unknown): unknown {
  if (!Array.isArray(rows)) return rows;
  return rows.map((row) => {
    if (typeof row !== 'object' || row === null || typeof (row as { name?: unknown }).name !== 'string') return row;
    const r = row as Record<string, unknown> & { name: string };
    if (typeof r['unit'] === 'string' && typeof r['description'] === 'string') return r;
    const known = describeRow(r.name, r.value);
    return { ...r, unit: typeof r['unit'] === 'string' ? r['unit'] : known.unit, description: typeof r['description'] === 'string' ? r['description'] : known.description };
  });
}

/** The parts of an address:port value ("10.0.0.1:51000", "[2001:db8::1]:443") in a field the vocabulary says holds one. */
function addressAndPort(key: string, value: string): { address: string; port: number } | undefined {
  if (describeField(key, value).unit !== 'addr:port') return undefined;
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value.trim());
  return m && isIP(m[1]!) !== 0 ? { address: m[1]!, port: Number(m[2]) } : undefined;
}

function describeRow(name: string, value: unknown): { unit: string; description: string } {
  const feature = resolveFeatureName(name);
  return feature !== undefined ? { unit: FEATURES[feature].unit, description: FEATURES[feature].description } : describeInput(name, value);
}

/** Unit and definition of an input field: the project's field list, else the field vocabulary (a family's entry or an inference). */
function describeInput(name: string, value: unknown): { unit: string; description: string } {
  const field = describeField(name, value);
  // the value may say which family's reading holds (FIRST_SWITCHED as a date or as uptime ms)
  if (name in FIELD_SPECS && field === describeField(name)) return fieldSpec(name);
  return { unit: field.unit, description: field.description };
}

function toScalar(key: string, raw: unknown, file: string): Scalar {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw !== 'string') throw new InputError({ file, field: key, value: raw, expected: 'a number, a string or null' });
  const text = raw.trim();
  if (/^(null|n\/a|none|nan|-)$/i.test(text) || text.startsWith('n/a')) return null;
  // a C-style hex number is a number: Snort 2's alert_csv writes tcpwindow "0xFAF0", ethlen "0x4A"
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  const numeric = text.replace(/,(?=\d{3}(?!\d))/g, '');
  return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(numeric) ? Number(numeric) : text;
}

/**
 * A flat object of scalars → FeatureTable. Every field stays a row (an identity field too, so a
 * claim can cite the input's own name); the flow identity is read from the fields' names and values
 * (identity-fields.ts) when both addresses are there. Exported for the Markdown reader.
 */
export function flatToTable(record: Record<string, unknown>, file: string): FeatureTable {
  const values = new Map<string, Scalar>();
  for (const [key, raw] of Object.entries(record)) {
    const value = toScalar(key, raw, file);
    values.set(key, value);
    // Snort's "10.0.0.1:51000": the address and the port are read as fields of their own too
    const parts = typeof value === 'string' ? addressAndPort(key, value) : undefined;
    if (parts) {
      values.set(`${key}.addr`, parts.address);
      values.set(`${key}.port`, parts.port);
    }
  }
  if (values.size === 0) throw new InputError({ file, field: 'table', expected: 'at least one field' });
  const id = idOf(values);
  const features: TableRow[] = [];
  const fields: TableRow[] = [];
  for (const [key, value] of values) {
    if (key === id?.key) continue;
    const name = featureOf(key);
    if (name !== undefined && !features.some((r) => r.name === name)) {
      features.push({ name, value, unit: FEATURES[name].unit, description: FEATURES[name].description });
    } else {
      const spec = describeInput(key, value);
      fields.push({ name: key, value, unit: spec.unit, description: spec.description });
    }
  }
  const flow = flowFromRows([...features, ...fields]);
  return { schema_version: 1, flow_id: id === undefined || id.value === null ? 'unknown' : String(id.value), ...(flow ? { flow } : {}), features, fields, notes: [] };
}

/**
 * The registry feature a key names. An alias counts only when the format that spells the key means
 * the same unit: Zeek's `duration` is seconds, so it stays a field rather than become `duration_ms`.
 */
function featureOf(key: string): ReturnType<typeof resolveFeatureName> {
  const name = resolveFeatureName(key);
  if (name === undefined || name === key) return name;
  const field = describeField(key);
  return field.inferred || field.unit === FEATURES[name].unit ? name : undefined;
}

/** The record's id: a top-level id key first, then a nested one (`suricata.flow_id`). */
const NESTED_ID_KEYS = ['flow_id', 'FLOW_ID', 'uid', 'community_id'];

function idOf(values: ReadonlyMap<string, Scalar>): { key: string; value: Scalar } | undefined {
  for (const key of ID_KEYS) if (values.has(key)) return { key, value: values.get(key)! };
  // a nested "id" is the id of its object (rule.id, event.id), not of the flow
  for (const [key, value] of values) if (NESTED_ID_KEYS.includes(lastSegment(key)) && (typeof value === 'string' || typeof value === 'number')) return { key, value };
  return undefined;
}

/** The flow identity from the rows that stand for its members (the first of each wins); undefined without both addresses. */
function flowFromRows(rows: readonly TableRow[]): FlowIdentity | undefined {
  const found: Partial<Record<IdentityMember, Scalar>> = {};
  for (const row of rows) {
    if (resolveFeatureName(row.name) !== undefined) continue;
    const member = identityMemberOf(row.name, row.value);
    if (member !== undefined && found[member] === undefined) found[member] = row.value;
  }
  const { src_addr: src, dst_addr: dst } = found;
  if (typeof src !== 'string' || typeof dst !== 'string') return undefined;
  const protocol = protocolValue(found.protocol) ?? -1;
  return {
    src_addr: src.trim(),
    dst_addr: dst.trim(),
    src_port: portOf(found.src_port),
    dst_port: portOf(found.dst_port),
    protocol,
    protocol_name: protocol >= 0 ? protocolName(protocol) : 'unknown',
    start: toIsoTime(found.start),
    end: toIsoTime(found.end),
  };
}

function portOf(value: Scalar | undefined): number | null {
  return typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

/** Epoch ms, epoch s, or "YYYY-MM-DD HH:MM:SS" (read as UTC) → ISO 8601; null when absent or unreadable. */
function toIsoTime(value: Scalar | undefined): string | null {
  return value === null || value === undefined ? null : (toIso(value) ?? null);
}

/** What `readReport` returns: the narrative to check, where it starts in the input, and the table when the report carries one. */
export interface ReadReport {
  narrative: string;
  /** Offset of the narrative's first character in the input text. */
  narrativeOffset: number;
  table?: FeatureTable;
}

/**
 * Read a report: a JSON report of this project (`{ narrative | text | explanation, table }`) or a
 * model's structured JSON answer (checked value by value), a
 * Markdown report in the seed's layout (the "Observable Features" table is read as a flat table,
 * the narrative is the text after it), or plain text (all narrative, no table).
 *
 * @example
 * const { narrative, table } = readReport(readFileSync('flow-3943031.md', 'utf8'), 'flow-3943031.md');
 */
export function readReport(text: string, file = '<report>'): ReadReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body.length === text.length ? 0 : 1;
  if (/^\s*\{/.test(body)) return readJsonReport(body, file);
  const md = readMarkdownReport(body);
  if (!md) return { narrative: body, narrativeOffset: shift };
  if (md.rows.length === 0) {
    throw new InputError({ file, field: 'Observable Features', expected: 'a Markdown table of | Feature | Value | rows after the heading' });
  }
  return { narrative: md.narrative, narrativeOffset: md.narrativeOffset + shift, table: markdownTable(md, file) };
}

function markdownTable(md: MarkdownReportParts, file: string): FeatureTable {
  const flat: Record<string, string> = {};
  for (const row of md.rows) flat[row.name] = row.value;
  const identity = md.identity === undefined ? undefined : parseIdentityLine(md.identity);
  if (identity) Object.assign(flat, identity);
  const table = flatToTable(flat, file);
  const score = md.headline === undefined ? undefined : parseHeadline(md.headline);
  if (score) table.score = score;
  const byName = new Map(md.rows.map((r) => [resolveFeatureName(r.name) ?? r.name, r.cells]));
  for (const row of [...table.features, ...table.fields]) {
    const cells = byName.get(row.name);
    if (!cells) continue;
    if (cells['unit']) row.unit = cells['unit'];
    if (cells['definition']) row.description = cells['definition'];
    const num = (key: string): number | null => {
      const v = toScalar(key, cells[key] ?? '', file);
      return typeof v === 'number' ? v : null;
    };
    if ('median' in cells || 'pctl' in cells) row.baseline = { median: num('median'), p99: num('p99'), percentile: num('pctl') };
    if (cells['contrib']) row.contribution = num('contrib');
  }
  return table;
}

/** The headline tableToMarkdown prints: "Flow 9: score 7.31 (robust-z), rank 1 of 1000, threshold 4" (or "no threshold"). */
function parseHeadline(line: string): FeatureTable['score'] {
  const m = /: score (-?[\d.]+(?:e-?\d+)?) \(([^)]+)\), rank (\d+)(?: of (\d+))?, (?:threshold (-?[\d.]+)|no threshold)/.exec(line);
  if (!m) return undefined;
  return { value: Number(m[1]), method: m[2]!, rank: Number(m[3]), threshold: m[5] === undefined ? null : Number(m[5]), ...(m[4] ? { of: Number(m[4]) } : {}) };
}

/** The identity line tableToMarkdown prints: "TCP (6) from 10.0.0.1 port 5 to 10.0.0.2 port 80; 2024-…Z to 2024-…Z". */
function parseIdentityLine(line: string): Record<string, string> | undefined {
  const m = /^(\S+) \((\d+)\) from (\S+)(?: port (\d+))? to (\S+?)(?: port (\d+))?; (?:(\S+) to (\S+)|.*)$/.exec(line);
  if (!m) return undefined;
  const out: Record<string, string> = { src_addr: m[3]!, dst_addr: m[5]!, protocol: m[2]! };
  if (m[4]) out['src_port'] = m[4];
  if (m[6]) out['dst_port'] = m[6];
  if (m[7]) out['start'] = m[7];
  if (m[8] && m[8] !== 'unknown') out['end'] = m[8];
  return out;
}

function readJsonReport(text: string, file: string): ReadReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InputError({ file, field: 'report', expected: 'valid JSON' }, `Expected a JSON report, but the text is not valid JSON (${(cause as Error).message})`, { cause });
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const explanation = record['explanation'];
  const nested = typeof explanation === 'object' && explanation !== null ? (explanation as Record<string, unknown>)['text'] : explanation;
  const narrative = [record['narrative'], record['text'], nested].find((v) => typeof v === 'string');
  // a model's structured answer ({decision, reasons[], cve[]…}) is itself the text to check, field by field
  if (typeof narrative !== 'string' && record['table'] === undefined && Object.keys(record).length > 0) return { narrative: text, narrativeOffset: 0 };
  if (typeof narrative !== 'string') {
    throw new InputError({ file, field: 'narrative', value: Object.keys(record).join(','), expected: 'a string member `narrative`, `text` or `explanation` in the JSON report' });
  }
  const table = record['table'] === undefined ? undefined : readTable(record['table'], file);
  return { narrative, narrativeOffset: 0, ...(table ? { table } : {}) };
}
