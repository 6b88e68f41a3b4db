import { isIP } from 'node:net';
import type { FeatureTable, TableRow } from './deps.ts';

/** Row and identity names whose string values are network addresses. */
const ADDRESS_NAME = /addr|(^|_)(src|dst|dest)?_?ip(_|$)|^ip_/i;
/** Candidate address literals inside free text (IPv4 dotted quads, IPv6 hex groups); confirmed with isIP. */
const ADDRESS_IN_TEXT = /\b(?:\d{1,3}\.){3}\d{1,3}\b|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])/g;

/**
 * Stable placeholders for one run: the same address is `host-N` in every flow of the run, numbered
 * in item order, so identical work renders identical prompts (and hits the cache) on a rerun.
 * Other configured fields get `<field>-N`. `restore` maps an answer back to the real values.
 */
export class Anonymizer {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();
  private counters = new Map<string, number>();
  private pattern: RegExp | undefined;

  constructor(private readonly fields: readonly string[] = []) {}

  /** Register every value of these tables (in order) and return their anonymized copies. */
  anonymizeAll(tables: readonly FeatureTable[]): FeatureTable[] {
    return tables.map((t) => this.anonymize(t));
  }

  anonymize(table: FeatureTable): FeatureTable {
    const copy = structuredClone(table);
    if (copy.flow) {
      copy.flow.src_addr = this.host(copy.flow.src_addr);
      copy.flow.dst_addr = this.host(copy.flow.dst_addr);
    }
    for (const row of [...copy.features, ...copy.fields]) row.value = this.rowValue(row);
    for (const note of copy.notes) {
      note.message = this.scrubText(note.message);
      if (typeof note.value === 'string') note.value = this.scrubText(note.value);
    }
    return copy;
  }

  /** Map placeholders in a model's answer back to the real values. */
  restore(text: string): string {
    if (this.backward.size === 0) return text;
    this.pattern ??= new RegExp(
      `(?<![\\w-])(${[...this.backward.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-])`,
      'g',
    );
    return text.replace(this.pattern, (p) => this.backward.get(p) ?? p);
  }

  /** Placeholder → real value, for the report's privacy note. */
  mapping(): Record<string, string> {
    return Object.fromEntries(this.backward);
  }

  private rowValue(row: TableRow): TableRow['value'] {
    if (typeof row.value !== 'string') {
      return this.fields.includes(row.name) && row.value !== null ? this.placeholder(row.name, String(row.value)) : row.value;
    }
    if (this.fields.includes(row.name)) return this.placeholder(row.name, row.value);
    if (ADDRESS_NAME.test(row.name) && isIP(row.value.trim()) !== 0) return this.host(row.value.trim());
    return this.scrubText(row.value);
  }

  /** Any address literal inside free text. */
  private scrubText(text: string): string {
    return text.replace(ADDRESS_IN_TEXT, (m) => (isIP(m) !== 0 ? this.host(m) : m));
  }

  private host(address: string): string {
    return this.placeholder('host', address);
  }

  private placeholder(kind: string, value: string): string {
    const known = this.forward.get(value);
    if (known !== undefined) return known;
    const slug = kind === 'host' ? 'host' : kind.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const n = (this.counters.get(slug) ?? 0) + 1;
    this.counters.set(slug, n);
    const placeholder = `${slug}-${n}`;
    this.forward.set(value, placeholder);
    this.backward.set(placeholder, value);
    this.pattern = undefined;
    return placeholder;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
