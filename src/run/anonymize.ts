import { canonicalAddress, replaceAddresses } from './address-text.ts';
import type { FeatureTable, TableRow } from './deps.ts';
import { PlaceholderBook } from './placeholder-book.ts';

/** Row and identity names whose string values are network addresses. */
const ADDRESS_NAME = /addr|(^|_)(src|dst|dest)?_?ip(_|$)|^ip_/i;
/** Port names share one placeholder kind, so port 443 is `port-1` on either side of the flow. */
const PORT_NAME = /(^|[_.])(src|dst|dest|sport|dport|orig|resp|l4_src|l4_dst)?_?p(ort)?$/i;
const IDENTITY_NAMES = ['src_addr', 'dst_addr', 'src_port', 'dst_port', 'protocol', 'start', 'end'] as const;

/**
 * Stable placeholders for one run. Every address, wherever it sits in a table (identity, address
 * fields, inside any string, in any spelling) becomes `host-N`, a name embedding an address
 * `name-N`, the flow id `flow-N`, and each configured field `<field>-N`. The same value gets the
 * same placeholder in every flow of the run, numbered in item order, so identical work renders
 * identical prompts (and hits the cache) on a rerun. `restore` maps an answer back.
 */
export class Anonymizer {
  private readonly book = new PlaceholderBook();
  private readonly fields: Map<string, string>;
  private readonly matched = new Set<string>();

  /** @param fields names (rows or identity members, any case) whose values are replaced too */
  constructor(fields: readonly string[] = []) {
    this.fields = new Map(fields.map((f) => [f.toLowerCase(), f]));
  }

  /**
   * Note every string of these tables as a real value, so no placeholder is ever a string the
   * data holds (a real `hostname = "host-2"` is never "restored" into an address). Call it with
   * every table of the run before anonymizing the first.
   */
  reserve(tables: readonly FeatureTable[]): void {
    for (const table of tables) this.book.reserve(table);
  }

  /** Reserve and anonymize these tables, in order. */
  anonymizeAll(tables: readonly FeatureTable[]): FeatureTable[] {
    this.reserve(tables);
    return tables.map((t) => this.anonymize(t));
  }

  anonymize(table: FeatureTable): FeatureTable {
    this.book.reserve(table);
    const copy = structuredClone(table);
    copy.flow_id = this.book.placeholder('flow', table.flow_id, table.flow_id);
    if (copy.flow) {
      copy.flow.src_addr = this.address(copy.flow.src_addr);
      copy.flow.dst_addr = this.address(copy.flow.dst_addr);
    }
    for (const row of [...copy.features, ...copy.fields]) {
      row.value = this.rowValue(row);
      row.name = this.scrub(row.name);
    }
    if (copy.flow) this.identity(copy);
    for (const note of copy.notes) {
      note.message = this.scrub(note.message);
      note.field = this.scrub(note.field);
      if (typeof note.value === 'string') note.value = this.scrub(note.value);
    }
    if (copy.window?.reason) copy.window.reason = this.scrub(copy.window.reason);
    return copy;
  }

  /** Map placeholders in a model's answer back to the real values (any case, joined by `-` or not). */
  restore(text: string): string {
    return this.book.restore(text);
  }

  /** Placeholder → real value, for the report's privacy note. */
  mapping(): Record<string, string> {
    return this.book.mapping();
  }

  /** Configured field names that matched no row and no identity member of any table so far. */
  unmatchedFields(): string[] {
    return [...this.fields].filter(([key]) => !this.matched.has(key)).map(([, name]) => name);
  }

  private configured(name: string): boolean {
    const key = name.toLowerCase();
    if (!this.fields.has(key)) return false;
    this.matched.add(key);
    return true;
  }

  /** Identity members other than the addresses (done first, so the flow's own hosts are host-1, host-2). */
  private identity(copy: FeatureTable): void {
    const flow = copy.flow!;
    for (const key of ['src_port', 'dst_port'] as const) {
      const port = flow[key];
      if (!this.configured(key) || port === null) continue;
      // A port is a number in the table: the placeholder travels as a row, the identity keeps none.
      flow[key] = null;
      copy.fields.push({ name: key, value: this.book.placeholder('port', String(port), String(port)), unit: '', description: `Port (${key})`, baseline: null, contribution: null });
    }
    if (this.configured('protocol')) {
      flow.protocol_name = this.book.placeholder('protocol', flow.protocol_name, flow.protocol_name);
      flow.protocol = -1;
    }
    for (const key of ['start', 'end'] as const) {
      const value = flow[key];
      if (value !== null) flow[key] = this.configured(key) ? this.book.placeholder(key, value, value) : this.scrub(value);
    }
    for (const key of IDENTITY_NAMES) if (key.endsWith('addr')) this.configured(key);
  }

  private rowValue(row: TableRow): TableRow['value'] {
    if (row.value === null) {
      this.configured(row.name);
      return null;
    }
    const text = String(row.value);
    if (this.configured(row.name)) return this.book.placeholder(PORT_NAME.test(row.name) ? 'port' : row.name, text, text);
    if (typeof row.value !== 'string') return row.value;
    if (ADDRESS_NAME.test(row.name) && canonicalAddress(text) !== undefined) return this.address(text);
    return this.scrub(text);
  }

  private address(value: string): string {
    const canonical = canonicalAddress(value);
    return canonical === undefined ? this.scrub(value) : this.book.placeholder('host', canonical, value);
  }

  /** Every address literal, and every name embedding one, inside free text. */
  private scrub(text: string): string {
    return replaceAddresses(text, (kind, canonical, literal) => this.book.placeholder(kind, canonical, literal));
  }
}

const IDENTITY_STRINGS = ['src_addr', 'dst_addr', 'start', 'end'] as const;
const IDENTITY_PORTS = ['src_port', 'dst_port'] as const;

/**
 * The copy of a table that may leave the machine: only rows named in `allow` (identity members
 * outside it are withheld), and never the local source path. `allow` undefined = everything.
 */
export function filterAllowed(table: FeatureTable, allow: readonly string[] | undefined): FeatureTable {
  const { source: _source, ...rest } = table;
  // Nothing to filter: a shallow copy is enough (renderers and the anonymizer never mutate their input).
  if (allow === undefined) return rest;
  const ok = new Set(allow);
  const copy = structuredClone(rest);
  copy.features = copy.features.filter((r) => ok.has(r.name));
  copy.fields = copy.fields.filter((r) => ok.has(r.name));
  copy.notes = copy.notes.filter((n) => ok.has(n.field));
  if (copy.flow) {
    const flow = copy.flow;
    for (const key of IDENTITY_STRINGS) if (!ok.has(key) && flow[key] !== null) flow[key] = '[withheld]';
    for (const key of IDENTITY_PORTS) if (!ok.has(key)) flow[key] = null;
    if (!ok.has('protocol')) {
      flow.protocol = -1;
      flow.protocol_name = '[withheld]';
    }
  }
  return copy;
}
