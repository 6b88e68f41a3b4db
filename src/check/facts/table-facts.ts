import { describeField, endpointOf, ndpiName, resolveFeatureName, type FeatureTable, type TableRow } from '../deps.ts';
import { show } from '../checkers/evidence.ts';
import { dimensionOfUnit, type Dimension } from './dimension.ts';
import { sharedMemo } from './shared-memo.ts';
import { derivationBase, type DerivationBase } from './derive.ts';
import { statFacts, type StatFact } from './stat-facts.ts';
import { endpointsOf, type Endpoints } from './endpoints.ts';
import { conceptsOf } from './concepts.ts';
import { spanOf, timeGaps } from './span.ts';
import { logLineRows } from './log-lines.ts';
import { uptimeClockRows } from './uptime-clock.ts';
import { NO_POSITIONS, planned, positionsBy, schemaPlan, type SchemaPlan } from './schema-plan.ts';

/** One table row (feature, field, or flow identity member) as the checkers see it. */
export interface FactRow {
  key: string;
  value: number | string | null;
  unit: string;
  description: string;
  dim: Dimension;
  /** The value in base units (bytes, bits, ms, packets …); null when not numeric. */
  base: number | null;
  baseline?: TableRow['baseline'];
  contribution?: number | null | undefined;
}

/** Everything the checkers need from one table, computed once per table (cached). */
export interface TableFacts {
  table: FeatureTable;
  rows: ReadonlyMap<string, FactRow>;
  /** The same rows in their order, the positions the schema plan's indexes hold. */
  list: readonly FactRow[];
  /** What its row keys alone give, shared by every table of the same keys (schema-plan.ts). */
  plan: SchemaPlan;
  /** The rows the bounded derivation search runs over (searchDerived). */
  derivation: DerivationBase;
  /** inter_arrival_ms means "no earlier flow from this source" (null, or 0 with one flow in the window). */
  noEarlierFlow: boolean;
  /** Every row that holds an address, port, protocol or flow time, whatever the schema calls it (endpoints.ts). */
  endpoints: Endpoints;
  /** What checkers derive from the table on first use and reuse for every later claim (keyed by checker). */
  memo: Map<string, unknown>;
}

/** A value derived from the table once, on first use, and kept with its facts. */
export function memoised<T>(facts: TableFacts, key: string, build: (facts: TableFacts) => T): T {
  // one lookup on the hot path; a value that is undefined is simply built again
  const known = facts.memo.get(key);
  if (known !== undefined) return known as T;
  const value = build(facts);
  facts.memo.set(key, value);
  return value;
}

/**
 * A few recent tables' facts, so checking several narratives of one table (prompt versions, repeats)
 * builds them once. A small strong cache rather than a WeakMap: a batch churns through thousands of
 * tables, and WeakMap entries make every garbage collection slower.
 */
const recent: Array<[FeatureTable, TableFacts]> = [];
const RECENT = 8;

/** The facts of a table (cached for the last few tables, by identity). */
export function factsOf(table: FeatureTable): TableFacts {
  const hit = recent.find(([t]) => t === table);
  if (hit) return hit[1];
  const facts = buildFacts(table);
  recent.unshift([table, facts]);
  if (recent.length > RECENT) recent.pop();
  return facts;
}

/** Each row name's unit and dimension, shared across tables: row names repeat from table to table, so each is read once. */
const dimensions = new Map<string, { unit: string; dim: Dimension; factor: number }>();

function dimensionOfRow(name: string, unit: string): { dim: Dimension; factor: number } {
  const known = dimensions.get(name);
  if (known !== undefined && known.unit === unit) return known;
  const entry = { unit, ...dimensionOfUnit(unit, name) };
  if (known !== undefined || dimensions.size < 10_000) dimensions.set(name, entry);
  return entry;
}

function rowFact(row: TableRow): FactRow {
  const { dim, factor } = dimensionOfRow(row.name, row.unit);
  const base = typeof row.value === 'number' ? row.value * factor : null;
  return { key: row.name, value: row.value, unit: row.unit, description: row.description, dim, base, baseline: row.baseline, contribution: row.contribution };
}

function identityRow(key: string, value: number | string | null, dim: Dimension, description: string): FactRow {
  return { key, value, unit: '', description, dim, base: typeof value === 'number' ? value : null };
}

function identityRows(table: FeatureTable): FactRow[] {
  const f = table.flow;
  const out: FactRow[] = [];
  if (f) {
    out.push(
      identityRow('src_addr', f.src_addr, 'code', 'Source address'),
      identityRow('dst_addr', f.dst_addr, 'code', 'Destination address'),
      identityRow('src_port', f.src_port, 'code', 'Source port'),
      identityRow('dst_port', f.dst_port, 'code', 'Destination port'),
      identityRow('protocol', f.protocol, 'code', `IANA protocol number (${f.protocol_name})`),
      identityRow('start', f.start, 'instant', 'Flow start time'),
      identityRow('end', f.end, 'instant', 'Flow end time'),
    );
  }
  if (table.score) out.push(identityRow('score', table.score.value, 'number', `Anomaly score (${table.score.method})`));
  return out;
}

/** The first row of each key wins: identity members, then features, then fields. */
function addRows(rows: Map<string, FactRow>, from: ReadonlyArray<FactRow | TableRow>): void {
  for (const row of from) {
    const fact = 'dim' in row ? (row as FactRow) : rowFact(row as TableRow);
    if (!rows.has(fact.key)) rows.set(fact.key, fact);
  }
}

function buildFacts(table: FeatureTable): TableFacts {
  const rows = new Map<string, FactRow>();
  addRows(rows, identityRows(table));
  addRows(rows, table.features);
  addRows(rows, table.fields);
  addRows(rows, logLineRows(table.fields));
  addRows(rows, uptimeClockRows(table.fields));
  const arrival = rows.get('inter_arrival_ms');
  const srcFlows = rows.get('src_flows_in_window');
  const noEarlierFlow =
    arrival !== undefined && (arrival.value === null || (arrival.value === 0 && (srcFlows === undefined || (typeof srcFlows.value === 'number' && srcFlows.value <= 1))));
  const endpoints = endpointsOf(rows);
  const all = [...rows.values()];
  // one plain object shape for every table's facts (getters would give each its own map and make
  // the checkers' property reads megamorphic); the lower-case index, the concepts and statistics are memoised
  const span = spanOf(endpoints.times, endpoints.edges);
  return { table, rows, list: all, plan: schemaPlan(all), derivation: derivationBase(all, table, span, timeGaps(endpoints.times, span)), noEarlierFlow, endpoints, memo: new Map() };
}

/**
 * Rows of other schemas under the project's row names they mean (concepts.ts): `orig_bytes` answers
 * for IN_BYTES. Built on first use: only a lookup that misses the table's own row names reads them.
 */
export function conceptRows(facts: TableFacts): ReadonlyMap<string, FactRow[]> {
  return memoised(facts, 'concepts', buildConcepts);
}

function buildConcepts(facts: TableFacts): Map<string, FactRow[]> {
  return conceptsOf(facts.rows.values());
}

/** The rows by lower-cased key, for case-insensitive lookups (built on first use). */
export function lowerIndex(facts: TableFacts): ReadonlyMap<string, FactRow> {
  return memoised(facts, 'lower', buildLowerIndex);
}

/** A later row wins when two keys differ only in case (as `new Map(pairs)` had it). */
function buildLowerIndex(facts: TableFacts): Map<string, FactRow> {
  const index = new Map<string, FactRow>();
  for (const row of facts.rows.values()) index.set(lowerKey(row.key), row);
  return index;
}

/** Row keys in lower case, shared across tables (row names repeat from table to table). */
const lowerKey = sharedMemo((key: string): string => key.toLowerCase());

/** Baseline medians, p99s, percentiles, contributions, score, rank, threshold (built on first use). */
export function statsOf(facts: TableFacts): readonly StatFact[] {
  return memoised(facts, 'stats', buildStats);
}

function buildStats(facts: TableFacts): StatFact[] {
  return statFacts([...facts.rows.values()], facts.table);
}

/**
 * The rows the table holds among `keys` (row keys are case-sensitive; lookups fall back to
 * case-insensitive, then to the rows of another schema that mean the same: concepts.ts).
 */
export function rowsFor(facts: TableFacts, keys: readonly string[]): FactRow[] {
  const out: FactRow[] = [];
  for (const key of keys) {
    const row = facts.rows.get(key) ?? lowerIndex(facts).get(lowerKey(key));
    if (row) {
      if (!out.includes(row)) out.push(row);
      continue;
    }
    const same = conceptRows(facts).get(key) ?? leafIndex(facts).get(lowerKey(key)) ?? [];
    for (const r of same) if (!out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * The rows by the last part of a nested path, lower-cased and without array indices: a record of
 * nested JSON holds Zeek's conn_state as conn.conn_state and EVE's dest_port as flow.dest_port.
 */
function leafIndex(facts: TableFacts): ReadonlyMap<string, FactRow[]> {
  return memoised(facts, 'leaf', buildLeafIndex);
}

function buildLeafIndex(facts: TableFacts): Map<string, FactRow[]> {
  const index = new Map<string, FactRow[]>();
  for (const row of facts.rows.values()) {
    const dot = row.key.lastIndexOf('.');
    if (dot < 0) continue;
    const leaf = lowerKey(row.key.slice(dot + 1).replace(/\[\d*\]/g, ''));
    const list = index.get(leaf);
    if (list) list.push(row);
    else index.set(leaf, [row]);
  }
  return index;
}

/**
 * The rows a field name as written stands for: its key in any case, or the last part of a dotted
 * path ("tcp_flags_ts" for tcp.tcp_flags_ts), or the registry feature the table reader read it as;
 * array indices are no part of the name.
 */
export function rowsNamedBy(facts: TableFacts, name: string): FactRow[] {
  const out: FactRow[] = [];
  for (const i of planned(facts.plan, 'named-by', namedByIndex).get(name.toLowerCase()) ?? NO_POSITIONS) {
    const row = facts.list[i]!;
    if (row.value !== null) out.push(row);
  }
  if (out.length > 0) return out;
  // a name the table reader took for a registry feature ("orig_pkts" read as IN_PKTS) is that feature's row
  const feature = resolveFeatureName(name);
  const row = feature === undefined ? undefined : facts.rows.get(feature);
  return row && row.value !== null ? [row] : out;
}

/**
 * The positions of the rows each lower-case name stands for: the key (array indices dropped) and
 * every part of it after a dot, so `tcp.tcp_flags_ts` is found as "tcp_flags_ts" too.
 */
function namedByIndex(keys: readonly string[]): Map<string, number[]> {
  return positionsBy(keys, (key) => {
    const bare = key.toLowerCase().replace(/\[\d+\]/g, '');
    const names = [bare];
    for (let dot = bare.indexOf('.'); dot >= 0; dot = bare.indexOf('.', dot + 1)) names.push(bare.slice(dot + 1));
    return names;
  });
}


/** The row of one project name, or the first row of another schema that means the same. */
export function rowOf(facts: TableFacts, key: string): FactRow | undefined {
  return facts.rows.get(key) ?? conceptRows(facts).get(key)?.[0];
}

/** Whether the table holds any of `keys` (as rowsFor finds them), without collecting the rows. */
export function holdsAny(facts: TableFacts, keys: readonly string[]): boolean {
  for (const key of keys) if (facts.rows.has(key) || lowerIndex(facts).has(lowerKey(key)) || conceptRows(facts).has(key) || leafIndex(facts).has(lowerKey(key))) return true;
  return false;
}

/** A row's value as reasons show it, formatted once per table: a narrative cites the same rows again and again. */
export function shownValue(facts: TableFacts, row: FactRow): string {
  const shown = memoised(facts, 'shown', newShownIndex);
  let text = shown.get(row);
  if (text === undefined) {
    text = show(row.value);
    shown.set(row, text);
  }
  return text;
}

function newShownIndex(): Map<FactRow, string> {
  return new Map();
}

/** The table's text values in lower case, with their rows (built on first use). */
export function textRows(facts: TableFacts): ReadonlyArray<{ row: FactRow; lower: string }> {
  return memoised(facts, 'text-rows', buildTextRows);
}

function buildTextRows(facts: TableFacts): Array<{ row: FactRow; lower: string }> {
  const out: Array<{ row: FactRow; lower: string }> = [];
  for (const row of facts.rows.values()) {
    const applicationId = /^ndpi id$/i.test(row.unit);
    if (typeof row.value === 'string' && row.value.length > 0 && !applicationId) {
      out.push({ row, lower: row.value.toLowerCase() });
      // a country code is its country: remote_location.country_code "RU" holds "Russia"
      const country = row.value.length === 2 ? countryName(row) : undefined;
      if (country !== undefined) out.push({ row, lower: country.toLowerCase() });
    }
    // an application id is its name: L7_PROTO 91.178 holds "TLS.Amazon" as surely as a text field would
    else if (applicationId && row.value !== null) {
      const name = ndpiName(String(row.value));
      if (name !== undefined) out.push({ row, lower: name.toLowerCase() });
    }
  }
  return out;
}

/** ISO 3166-1 alpha-2 codes to English names, from the ICU data Node ships (Intl.DisplayNames). */
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRY_KEY = /(?:^|[._\s-])(?:country|cc|geo|country_code|countrycode|srccountry|dstcountry)(?:$|[._\s-])|country/i;

/** The country a two-letter value names, when its field is a country's: by its name, or by what the vocabulary says of it (PAN-OS `dstloc`). */
function countryName(row: FactRow): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(row.value as string)) return undefined;
  if (!COUNTRY_KEY.test(row.key) && !/\bcountry\b/i.test(describeField(row.key, row.value).description)) return undefined;
  const name = REGIONS.of((row.value as string).toUpperCase());
  return name === undefined || name.toUpperCase() === (row.value as string).toUpperCase() ? undefined : name;
}

/**
 * The first text row whose value contains `term` (any case, at word edges): a signature name, URL,
 * user agent, hostname or payload the record holds backs a mention of it.
 */
export function stringRowContaining(facts: TableFacts, term: string): FactRow | undefined {
  const want = term.trim().toLowerCase();
  if (want.length < 2) return undefined;
  for (const { row, lower } of textRows(facts)) {
    for (let at = lower.indexOf(want); at >= 0; at = lower.indexOf(want, at + 1)) {
      if (!isWordChar(lower, at - 1, want, 0) && !isWordChar(lower, at + want.length, want, want.length - 1)) return row;
    }
  }
  return undefined;
}

/** Whether the character at `i` continues a word that the term's edge character `edge` would be part of. */
function isWordChar(text: string, i: number, term: string, edge: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const word = /[a-z0-9]/;
  return word.test(text[i]!) && word.test(term[edge]!);
}
