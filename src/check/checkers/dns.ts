import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { describeField } from '../deps.ts';
import { DNS_RECORD_TYPES, DNS_RESPONSE_CODES, dnsName } from '../lexicon/dns-names.ts';
import { rowEvidence } from './evidence.ts';

type DnsField = 'type' | 'response code';

/** The record's DNS rows of each kind, by the words of their names: `rcode`, `qtype_name`, `dns.rrtype`, `DNS_QUERY_TYPE`, `dns.question.type`. */
function dnsRows(facts: TableFacts): Record<DnsField, FactRow[]> {
  const out: Record<DnsField, FactRow[]> = { type: [], 'response code': [] };
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    const tokens = keyTokens(row.key);
    const dns = describeField(row.key, row.value).dimension === 'dns' || tokens.includes('dns');
    if (!dns && !tokens.some((t) => t === 'qtype' || t === 'rcode' || t === 'rrtype')) continue;
    if (tokens.includes('rcode') || (tokens.includes('response') && tokens.includes('code'))) out['response code'].push(row);
    else if (tokens.some((t) => t === 'qtype' || t === 'rrtype') || (tokens.includes('type') && (tokens.includes('query') || tokens.includes('question') || tokens.includes('answers')))) out.type.push(row);
  }
  return out;
}

/**
 * A record type or response code named in the text against the record's DNS fields, read by name
 * or number (Zeek's rcode 3 and rcode_name NXDOMAIN, nProbe's DNS_QUERY_TYPE 28). A record with no
 * such field does not show it.
 */
export function checkDns(claim: Claim<'dns'>, facts: TableFacts): Judgement {
  const { field, name } = claim.data;
  const rows = memoised(facts, 'dns-rows', dnsRows)[field];
  const names = field === 'type' ? DNS_RECORD_TYPES : DNS_RESPONSE_CODES;
  const read = rows.map((r) => ({ row: r, name: dnsName(names, r.value as string | number) })).filter((x) => x.name !== undefined);
  if (read.length === 0) return { verdict: 'unsupported', reason: `The table has no DNS ${field} field to show ${name}.` };
  const hit = read.find((x) => x.name === name);
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit.row]), reason: `${hit.row.key} is ${String(hit.row.value)}${String(hit.row.value) === name ? '' : ` (${name})`}.` };
  const shown = read.map((x) => `${x.row.key} is ${String(x.row.value)}${String(x.row.value) === x.name ? '' : ` (${x.name})`}`).join(', ');
  return { verdict: 'contradicted', evidence: rowEvidence(read.map((x) => x.row)), reason: `${shown}, not ${name}.` };
}
