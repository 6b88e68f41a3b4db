import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { memoised, stringRowContaining, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';

type Kind = Claim<'literal'>['data']['kind'];

/** Which rows hold each kind of literal, by the words of their names. */
const HOLDS: Readonly<Record<Exclude<Kind, 'path'>, (tokens: readonly string[]) => boolean>> = {
  'http status': (t) => t.includes('status') && !t.includes('msg'),
  'http method': (t) => t.includes('method'),
  'rule id': (t) => t.includes('sid') || ((t.includes('signature') || t.includes('rule')) && t.includes('id')),
};

function literalRows(facts: TableFacts): Record<Exclude<Kind, 'path'>, FactRow[]> {
  const out: Record<Exclude<Kind, 'path'>, FactRow[]> = { 'http status': [], 'http method': [], 'rule id': [] };
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    const tokens = keyTokens(row.key);
    for (const kind of Object.keys(HOLDS) as Array<keyof typeof HOLDS>) if (HOLDS[kind](tokens)) out[kind].push(row);
  }
  return out;
}

/**
 * A value copied from the record: the row of its kind (status, method, rule id) must hold it; a
 * path or file name must be in one of the record's texts (URL, payload, …). A value no row of its
 * kind holds may still be quoted from the record's text (a payload that reads "GET /x").
 */
export function checkLiteral(claim: Claim<'literal'>, facts: TableFacts): Judgement {
  const { kind, value } = claim.data;
  if (kind !== 'path') {
    const rows = memoised(facts, 'literal-rows', literalRows)[kind];
    const hit = rows.find((r) => String(r.value).trim().toUpperCase() === value.toUpperCase());
    if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${String(hit.value)}.` };
    if (rows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 3)), reason: `${rows.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not ${value}.` };
  }
  const text = stringRowContaining(facts, value);
  if (text) return { verdict: 'supported', evidence: rowEvidence([text]), reason: `The record holds "${value}" in ${text.key}.` };
  return { verdict: 'unsupported', hedgeable: false, reason: `Nothing in the record holds this ${kind} (${value}).` };
}
