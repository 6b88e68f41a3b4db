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
  if (!ITEM_NOUNS.has(head) || claim.data.distinct) return null;
  // the items of the record's main list: the one with the most fields per item
  const lists = [...new Set(fields.map((f) => f.list))];
  const list = lists.sort((a, b) => fields.filter((f) => f.list === b).length - fields.filter((f) => f.list === a).length)[0]!;
  const n = itemsOf(facts, list);
  const ev = { rows: [`${list}[]`], values: [n], derivation: `${list} holds ${n} item${n === 1 ? '' : 's'}` };
  return n === claim.data.count
    ? { verdict: 'supported', evidence: ev, reason: `${list} holds ${n} item${n === 1 ? '' : 's'}.` }
    : { verdict: 'contradicted', evidence: ev, reason: `${list} holds ${n} item${n === 1 ? '' : 's'}, not ${claim.data.count}.` };
}
