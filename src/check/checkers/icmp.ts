import type { Claim, Judgement } from '../claim.ts';
import { describeField } from '../deps.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { ICMP_MESSAGES, icmpMessage } from '../lexicon/icmp-messages.ts';
import { rowEvidence } from './evidence.ts';

interface IcmpRead {
  row: FactRow;
  type: number | undefined;
  code: number | undefined;
}

/** The record's ICMP fields, decoded: a type, a code, or nProbe's and IPFIX's type·256+code. */
function icmpRows(facts: TableFacts): { reads: IcmpRead[]; v6: boolean; icmp: boolean | undefined } {
  const protocols = facts.endpoints.protocols.map((r) => (typeof r.value === 'number' ? r.value : /^(?:ipv6-)?icmp(?:v6)?$/i.test(String(r.value)) ? (/6/.test(String(r.value)) ? 58 : 1) : -1));
  const icmp = protocols.length === 0 ? undefined : protocols.some((p) => p === 1 || p === 58);
  const v6 = protocols.includes(58);
  const reads: IcmpRead[] = [];
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'number' || !Number.isInteger(row.value)) continue;
    const field = describeField(row.key, row.value);
    if (field.dimension === 'icmp-type') reads.push(field.unit === 'type·256+code' ? { row, type: row.value >> 8, code: row.value & 255 } : { row, type: row.value, code: undefined });
    else if (field.dimension === 'icmp-code') reads.push({ row, type: undefined, code: row.value });
  }
  return { reads, v6, icmp };
}

/** The name of a type (and code) in this record's ICMP version, for reasons. */
function nameOf(type: number | undefined, code: number | undefined, v6: boolean): string {
  const version = (m: (typeof ICMP_MESSAGES)[number]) => (v6 ? m.v6 : m.v4);
  const exact = ICMP_MESSAGES.find((m) => version(m)?.type === type && version(m)?.code === code && code !== undefined);
  const byType = ICMP_MESSAGES.find((m) => version(m)?.type === type && version(m)?.code === undefined);
  const name = (exact ?? byType)?.name;
  return `type ${type ?? '?'}${code === undefined ? '' : `, code ${code}`}${name ? ` (${name})` : ''}`;
}

/**
 * An ICMP message named or numbered in the text against the record's ICMP type and code. A record of
 * another protocol shows no ICMP message; an ICMP record without type fields does not say which.
 */
export function checkIcmp(claim: Claim<'icmp'>, facts: TableFacts): Judgement | null {
  const { reads, v6, icmp } = memoised(facts, 'icmp-rows', icmpRows);
  let want: { type: number | undefined; code: number | undefined };
  if (claim.data.name !== undefined) {
    const message = icmpMessage(claim.data.name);
    const numbers = message && (v6 ? message.v6 : message.v4);
    if (numbers === undefined) return null;
    want = { type: numbers.type, code: numbers.code };
  } else want = { type: claim.data.type, code: claim.data.code };
  if (icmp === false) return { verdict: 'unsupported', reason: 'The record is not an ICMP flow: it shows no ICMP message.' };
  const types = reads.filter((r) => r.type !== undefined);
  const codes = reads.filter((r) => r.code !== undefined);
  const judged = reads.filter((r) => (want.type !== undefined && r.type !== undefined) || (want.code !== undefined && r.code !== undefined));
  if (judged.length === 0) return { verdict: 'unsupported', reason: 'The record has no ICMP type or code field.' };
  // the type against every type field; the code against the fields that give one, of the same type
  const typeHolds = want.type === undefined || types.length === 0 || types.some((r) => r.type === want.type);
  const codeHolds = want.code === undefined || codes.length === 0 || codes.some((r) => r.code === want.code && (want.type === undefined || r.type === undefined || r.type === want.type));
  const shown = judged.map((r) => `${r.row.key} is ${String(r.row.value)}${r.type === undefined ? '' : `: ${nameOf(r.type, r.code, v6)}`}`).join('; ');
  const said = claim.data.name ?? [want.type === undefined ? '' : `type ${want.type}`, want.code === undefined ? '' : `code ${want.code}`].filter(Boolean).join(', ');
  return typeHolds && codeHolds
    ? { verdict: 'supported', evidence: rowEvidence(judged.map((r) => r.row)), reason: `${shown}.` }
    : { verdict: 'contradicted', evidence: rowEvidence(judged.map((r) => r.row)), reason: `${shown}; not ${said}.` };
}
