import type { Claim, Judgement } from '../claim.ts';
import { TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { memoised, rowOf, textRows, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { ALL_FLAGS, flagSources, readFlags } from '../facts/flag-sources.ts';
import { sharedMemo } from '../facts/shared-memo.ts';
import type { Evidence } from '../types.ts';
import { rowEvidence } from './evidence.ts';
import { describeField } from '../deps.ts';

/** The set flags of a bitmask, in bit order: 22 → "SYN|RST|ACK". */
export const decodeFlags = sharedMemo((mask: number): string => {
  const names = Object.entries(TCP_FLAG_BITS).filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
  return names.length > 0 ? names.join('|') : 'none';
}, 1024);

/** The flag rows, the flags they show set, which flags they show at all, and the evidence citing them: the same for every flag claim of a table. */
interface FlagFacts {
  rows: FactRow[];
  mask: number;
  known: number;
  evidence: Evidence;
}

function flagFacts(facts: TableFacts): FlagFacts {
  const { rows, mask, known } = flagSources(facts);
  const shown = rows.map((r) => r.key).join(' | ');
  return { rows, mask, known, evidence: rowEvidence(rows, `${shown} = ${known === ALL_FLAGS ? `${mask} = ` : ''}${decodeFlags(mask)}`) };
}
/**
 * TCP flags are a bitmask (issue 3): a quoted value is compared with the field, each flag named as
 * set (or not set) is decoded from it. Without a flags field, SYN alone can be read from
 * src_syn_flows when this is the source's only flow in the window.
 */
/** What the table shows of the TCP flags (flagSources), with their evidence, read once per table. */
export const tableFlags = (facts: TableFacts): FlagFacts => memoised(facts, 'flags', flagFacts);

export function checkFlags(claim: Claim<'tcp-flags'>, facts: TableFacts): Judgement {
  const { rows, mask, known, evidence } = tableFlags(facts);
  const { flags } = claim.data;
  if (rows.length === 0) return checkWithoutField(claim, facts);
  // each verdict gets its own evidence object (callers may hold on to it)
  const ev: Evidence = { rows: [...evidence.rows], values: [...evidence.values], derivation: evidence.derivation! };
  if (claim.data.decomposes !== undefined) return checkDecomposition(flags, asWritten(claim.data.decomposes, rows[0]!, mask));
  if (claim.data.exact) {
    const sideRow = claim.data.side ? rowOf(facts, claim.data.side === 'src' ? 'CLIENT_TCP_FLAGS' : 'SERVER_TCP_FLAGS') : undefined;
    if (typeof sideRow?.value === 'number') return checkFlagSet(flags, sideRow.value, ALL_FLAGS, rowEvidence([sideRow], `${sideRow.key} = ${sideRow.value} = ${decodeFlags(sideRow.value)}`));
    return checkFlagSet(flags, mask, known, ev);
  }
  if (claim.data.value !== undefined) {
    const named = claim.data.field ? rowOf(facts, claim.data.field) : undefined;
    const row = named ?? rows[0]!;
    const actual = named ? (readFlags(named)?.mask ?? mask) : mask;
    const value = asWritten(claim.data.value, row, actual);
    return value === actual
      ? { verdict: 'supported', evidence: ev, reason: `${row.key} is ${String(row.value)} (${decodeFlags(value)}).` }
      : { verdict: 'contradicted', evidence: ev, reason: `${row.key} is ${String(row.value)} (${decodeFlags(actual)}), not ${value} (${decodeFlags(value)}).` };
  }
  // both lists are built in one loop: no closures or intermediate arrays per claim
  let said = '';
  let wrong = '';
  let unknown = '';
  for (const f of flags) {
    const bit = TCP_FLAG_BITS[f.flag] ?? 0;
    if ((known & bit) === 0) {
      unknown += `${unknown === '' ? '' : ', '}${f.flag}`;
      continue;
    }
    const isSet = (mask & bit) !== 0;
    said += `${said === '' ? '' : '; '}${f.flag} is ${f.set ? 'set' : 'not set'}`;
    if (isSet !== f.set) wrong += `${wrong === '' ? '' : '; '}${f.flag} is ${isSet ? 'set' : 'not set'}`;
  }
  if (wrong === '' && said === '') return { verdict: 'unsupported', reason: `The table's flag fields do not show ${unknown}.` };
  if (wrong === '') return { verdict: 'supported', evidence: ev, reason: `${said} in ${mask} (${decodeFlags(mask)}).` };
  return { verdict: 'contradicted', evidence: ev, reason: `${wrong}: ${mask} = ${decodeFlags(mask)}.` };
}

/**
 * A figure that quotes the record's hex flags as written ("13" for Suricata's "13", which is 0x13):
 * the value the record means, not the decimal number.
 */
function asWritten(value: number, row: FactRow, mask: number): number {
  return typeof row.value === 'number' && describeField(row.key, row.value).unit === 'hex bitmask' && String(value) === String(row.value) ? mask : value;
}

/** A list that spells out a flags value: it must name exactly the bits of that value, whatever the table says of the value itself. */
function checkDecomposition(flags: ReadonlyArray<{ flag: string }>, value: number): Judgement {
  return checkFlagSet(flags, value, ALL_FLAGS, { rows: ['flags value'], values: [value], derivation: `${value} = ${decodeFlags(value)}` });
}

/** A set of flags given as the whole of what was set ("flags 22 (SYN, ACK)", "the flags were SYN+ACK"): a flag left out is an error too. */
function checkFlagSet(flags: ReadonlyArray<{ flag: string }>, mask: number, known: number, ev: Evidence): Judgement {
  let said = 0;
  for (const f of flags) said |= TCP_FLAG_BITS[f.flag] ?? 0;
  const missing = mask & known & ~said;
  const extra = said & known & ~mask;
  if (missing === 0 && extra === 0) return { verdict: 'supported', evidence: ev, reason: `The flags set are ${decodeFlags(mask)}.` };
  const parts = [extra !== 0 ? `${decodeFlags(extra)} not set` : '', missing !== 0 ? `${decodeFlags(missing)} also set` : ''].filter((p) => p !== '');
  return { verdict: 'contradicted', evidence: ev, reason: `The flags set are ${decodeFlags(mask & known)} (${parts.join('; ')}).` };
}

/** "tcp-fin", "TCP RST", "FIN flag": a text naming a TCP flag as one. */
function flagNamedIn(flag: string, lower: string): boolean {
  return lower.includes(flag.toLowerCase()) && flagNamePattern(flag).test(lower);
}

/** The pattern of flagNamedIn, one per flag name (there are eight). */
const flagNamePattern = sharedMemo((flag: string): RegExp => {
  const f = flag.toLowerCase();
  return new RegExp(String.raw`\btcp[-_ ]${f}\b|\b${f}[-_ ]flag`);
});

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
  // a text of the record that names the flag as set: PAN-OS session_end_reason "tcp-fin", "tcp-rst-from-server"
  if (claim.data.value === undefined && flag !== undefined && claim.data.flags.every((f) => f.set)) {
    const named = claim.data.flags.map((f) => textRows(facts).find((t) => flagNamedIn(f.flag, t.lower)));
    if (named.every((t) => t !== undefined)) return { verdict: 'supported', evidence: rowEvidence(named.map((t) => t!.row)), reason: `${named.map((t) => `${t!.row.key} is ${String(t!.row.value)}`).join('; ')}: the record names the flag.` };
  }
  return { verdict: 'unsupported', reason: 'The table has no TCP flags field to back this.' };
}
