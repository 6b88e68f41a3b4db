import type { Claim, Judgement } from '../claim.ts';
import { TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { sharedMemo } from '../facts/shared-memo.ts';
import type { Evidence } from '../types.ts';
import { rowEvidence } from './evidence.ts';

/** The set flags of a bitmask, in bit order: 22 → "SYN|RST|ACK". */
export const decodeFlags = sharedMemo((mask: number): string => {
  const names = Object.entries(TCP_FLAG_BITS).filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
  return names.length > 0 ? names.join('|') : 'none';
}, 1024);

function flagRows(facts: TableFacts): FactRow[] {
  const all = ['TCP_FLAGS', 'CLIENT_TCP_FLAGS', 'SERVER_TCP_FLAGS'].map((k) => facts.rows.get(k)).filter((r): r is FactRow => typeof r?.value === 'number');
  const main = all.find((r) => r.key === 'TCP_FLAGS');
  return main ? [main] : all;
}

/** The flag rows, their combined mask and the evidence citing them: the same for every flag claim of a table. */
function flagFacts(facts: TableFacts): { rows: FactRow[]; mask: number; evidence: Evidence } {
  const rows = flagRows(facts);
  const mask = rows.reduce((acc, r) => acc | (r.value as number), 0);
  return { rows, mask, evidence: rowEvidence(rows, `${rows.map((r) => r.key).join(' | ')} = ${mask} = ${decodeFlags(mask)}`) };
}

/**
 * TCP flags are a bitmask (issue 3): a quoted value is compared with the field, each flag named as
 * set (or not set) is decoded from it. Without a flags field, SYN alone can be read from
 * src_syn_flows when this is the source's only flow in the window.
 */
export function checkFlags(claim: Claim<'tcp-flags'>, facts: TableFacts): Judgement {
  const { rows, mask, evidence } = memoised(facts, 'flags', flagFacts);
  const { value, flags } = claim.data;
  if (rows.length === 0) return checkWithoutField(claim, facts);
  // each verdict gets its own evidence object (callers may hold on to it)
  const ev: Evidence = { rows: [...evidence.rows], values: [...evidence.values], derivation: evidence.derivation! };
  if (value !== undefined) {
    const row = (claim.data.field ? facts.rows.get(claim.data.field) : undefined) ?? rows[0]!;
    return value === row.value
      ? { verdict: 'supported', evidence: ev, reason: `${row.key} is ${value} (${decodeFlags(value)}).` }
      : { verdict: 'contradicted', evidence: ev, reason: `${row.key} is ${String(row.value)} (${decodeFlags(row.value as number)}), not ${value}.` };
  }
  // both lists are built in one loop: no closures or intermediate arrays per claim
  let said = '';
  let wrong = '';
  for (const f of flags) {
    const isSet = (mask & (TCP_FLAG_BITS[f.flag] ?? 0)) !== 0;
    said += `${said === '' ? '' : '; '}${f.flag} is ${f.set ? 'set' : 'not set'}`;
    if (isSet !== f.set) wrong += `${wrong === '' ? '' : '; '}${f.flag} is ${isSet ? 'set' : 'not set'}`;
  }
  if (wrong === '') return { verdict: 'supported', evidence: ev, reason: `${said} in ${mask} (${decodeFlags(mask)}).` };
  return { verdict: 'contradicted', evidence: ev, reason: `${wrong}: ${mask} = ${decodeFlags(mask)}.` };
}

function checkWithoutField(claim: Claim<'tcp-flags'>, facts: TableFacts): Judgement {
  const syn = facts.rows.get('src_syn_flows');
  const only = facts.rows.get('src_flows_in_window');
  const flag = claim.data.flags[0];
  if (claim.data.value === undefined && claim.data.flags.length === 1 && flag?.flag === 'SYN' && typeof syn?.value === 'number') {
    const single = typeof only?.value === 'number' && only.value === 1;
    if (syn.value === 0 || single) {
      const isSet = syn.value > 0;
      const ev = rowEvidence(single && only ? [syn, only] : [syn], `${syn.key} = ${syn.value}${single ? ' with one flow from the source in the window' : ''}`);
      return isSet === flag.set
        ? { verdict: 'supported', evidence: ev, reason: `src_syn_flows = ${syn.value}: the SYN bit is ${isSet ? '' : 'not '}set.` }
        : { verdict: 'contradicted', evidence: ev, reason: `src_syn_flows = ${syn.value}: the SYN bit is ${isSet ? '' : 'not '}set.` };
    }
  }
  return { verdict: 'unsupported', reason: 'The table has no TCP flags field to back this.' };
}
