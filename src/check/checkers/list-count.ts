import type { Claim, Judgement } from '../claim.ts';
import { keyTokens, singular } from '../facts/key-tokens.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';

/** Nouns for the items of a list themselves: "three events", "two entries". */
const ITEM_NOUNS = new Set(['event', 'entry', 'item', 'record', 'alert', 'log', 'attempt', 'login', 'hit', 'detection', 'observation', 'finding']);


interface ListField {
  /** The list's path with its indices dropped ("evidence[].user.name"). */
  field: string;
  list: string;
  rows: FactRow[];
}

/** The record's lists: every field of their items, with its rows (one per item that has it). */
function listFields(facts: TableFacts): ListField[] {
  const byField = new Map<string, ListField>();
  for (const row of facts.rows.values()) {
    const at = row.key.indexOf('[');
    if (at < 0 || row.value === null) continue;
    const field = row.key.replace(/\[\d+\]/g, '[]');
    let entry = byField.get(field);
    if (!entry) byField.set(field, (entry = { field, list: row.key.slice(0, at), rows: [] }));
    entry.rows.push(row);
  }
  return [...byField.values()];
}

/** The number of items of a list: its highest index plus one. */
function itemsOf(facts: TableFacts, list: string): number {
  let most = -1;
  for (const row of facts.rows.values()) {
    if (!row.key.startsWith(`${list}[`)) continue;
    most = Math.max(most, Number(/^\[(\d+)\]/.exec(row.key.slice(list.length))?.[1] ?? -1));
  }
  return most + 1;
}

/**
 * A count over a list of the record: of its items ("three events"), or of the different values of
 * the field the noun names ("five different user names": the distinct user.name values). Not judged
 * when the record has no list, or none the noun names.
 */
export function checkListCount(claim: Claim<'list-count'>, facts: TableFacts): Judgement | null {
  const fields = memoised(facts, 'list-fields', listFields);
  if (fields.length === 0) return null;
  const words = claim.data.noun.split(/\s+/).map(singular);
  const head = words[words.length - 1]!;
  const named = fields.filter((f) => {
    const tokens = keyTokens(f.field).map(singular);
    return tokens[tokens.length - 1] === head && words.every((w) => tokens.includes(w));
  });
  if (named.length > 0) {
    const field = named.sort((a, b) => a.field.length - b.field.length)[0]!;
    const distinct = new Set(field.rows.map((r) => String(r.value).toLowerCase()));
    const n = distinct.size;
    const ev = rowEvidence(field.rows.slice(0, 6), `${n} different value${n === 1 ? '' : 's'} of ${field.field}`);
    return n === claim.data.count
      ? { verdict: 'supported', evidence: ev, reason: `${field.field} takes ${n} different value${n === 1 ? '' : 's'}.` }
      : { verdict: 'contradicted', evidence: ev, reason: `${field.field} takes ${n} different value${n === 1 ? '' : 's'} (${[...distinct].slice(0, 6).join(', ')}), not ${claim.data.count}.` };
  }
  if (claim.data.distinct) return null;
  // "214 alerts", "27 brute-force alerts": a count the record keeps (alert_count, an item's count) says how many, not the items listed
  const counts = countRows(facts, head);
  const kept = counts.named.find((r) => r.value === claim.data.count) ?? counts.inItems.find((r) => r.value === claim.data.count);
  if (kept) return { verdict: 'supported', evidence: rowEvidence([kept]), reason: `${kept.key} is ${String(kept.value)}.` };
  if (counts.named.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(counts.named), reason: `${counts.named.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not ${claim.data.count}.` };
  if (!ITEM_NOUNS.has(head)) return null;
  // the items of the record's main list: the one with the most fields per item
  const lists = [...new Set(fields.map((f) => f.list))];
  const list = lists.sort((a, b) => fields.filter((f) => f.list === b).length - fields.filter((f) => f.list === a).length)[0]!;
  const n = itemsOf(facts, list);
  const ev = { rows: [`${list}[]`], values: [n], derivation: `${list} holds ${n} item${n === 1 ? '' : 's'}` };
  return n === claim.data.count
    ? { verdict: 'supported', evidence: ev, reason: `${list} holds ${n} item${n === 1 ? '' : 's'}.` }
    : { verdict: 'contradicted', evidence: ev, reason: `${list} holds ${n} item${n === 1 ? '' : 's'}, not ${claim.data.count}.` };
}

const COUNT_WORDS: ReadonlySet<string> = new Set(['count', 'total', 'cnt', 'num', 'number']);

/** Count fields of the noun (alert_count, total_alerts for "alerts") and count fields of a list's items (alerts[1].count). */
function countRows(facts: TableFacts, noun: string): { named: FactRow[]; inItems: FactRow[] } {
  const named: FactRow[] = [];
  const inItems: FactRow[] = [];
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'number') continue;
    const tokens = keyTokens(row.key).map(singular);
    if (!tokens.some((t) => COUNT_WORDS.has(t))) continue;
    if (tokens.includes(noun) && !row.key.includes('[')) named.push(row);
    // an item's count counts things of the list's kind: alerts[1].count for "27 brute-force alerts"
    else if (singular(row.key.slice(0, row.key.indexOf('[')).split('.').at(-1) ?? '') === noun) inItems.push(row);
  }
  return { named, inItems };
}

/** The words of a list field's name that a thing said to be the same names: a port, an address, a user, a host. */
const FIELD_WORDS: Readonly<Record<Claim<'list-same'>['data']['what'], (tokens: readonly string[]) => boolean>> = {
  port: (t) => t.includes('port'),
  address: (t) => t.includes('ip') || t.includes('address') || t.includes('addr'),
  user: (t) => t.includes('user') || t.includes('username') || t.includes('account'),
  host: (t) => t.includes('host') || t.includes('hostname'),
};
const SIDE_TOKENS = { src: ['source', 'src', 'client', 'orig'], dst: ['destination', 'dst', 'dest', 'server', 'resp'] } as const;

/**
 * Whether the items of a list share a value: where every item's value is the same, or every one
 * differs, any two items meant do too; a list with some equal and some different values does not
 * say which items the text means, and is not judged.
 */
export function checkListSame(claim: Claim<'list-same'>, facts: TableFacts): Judgement | null {
  const { what, side, same } = claim.data;
  const groups = new Map<string, FactRow[]>();
  for (const row of facts.rows.values()) {
    if (!row.key.includes('[') || row.value === null) continue;
    const tokens = keyTokens(row.key);
    if (!FIELD_WORDS[what](tokens)) continue;
    if (side && !SIDE_TOKENS[side].some((w) => tokens.includes(w))) continue;
    if (!side && (SIDE_TOKENS.src.some((w) => tokens.includes(w)) || SIDE_TOKENS.dst.some((w) => tokens.includes(w))) && what !== 'user') continue;
    const field = row.key.replace(/\[\d+\]/g, '[]');
    const list = groups.get(field);
    if (list) list.push(row);
    else groups.set(field, [row]);
  }
  const rows = [...groups.values()].find((g) => g.length >= 2);
  if (!rows) return null;
  const distinct = new Set(rows.map((r) => String(r.value))).size;
  const allSame = distinct === 1;
  const allDifferent = distinct === rows.length;
  if (!allSame && !allDifferent) return null;
  const shown = rows.slice(0, 4).map((r) => String(r.value)).join(', ');
  const reason = `${rows[0]!.key.replace(/\[\d+\]/g, '[]')} is ${allSame ? `${shown.split(', ')[0]} in every item` : `different in every item (${shown})`}.`;
  return same === allSame ? { verdict: 'supported', evidence: rowEvidence(rows.slice(0, 4)), reason } : { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 4)), reason };
}
