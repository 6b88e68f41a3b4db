import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';
import { describeField, sideOf } from '../deps.ts';
import { readFlags } from '../facts/flag-sources.ts';
import { TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { ZEEK_CONN_STATES } from '../lexicon/zeek-conn-states.ts';

type EndReason = Claim<'end-reason'>['data']['reason'];

/** IPFIX flowEndReason (IANA IE 136): 1 idle timeout, 2 active timeout, 3 end of flow detected, 4 forced end, 5 lack of resources. */
const IPFIX_END_REASONS: Readonly<Record<number, EndReason>> = { 1: 'idle-timeout', 2: 'active-timeout', 3: 'end-of-flow', 4: 'forced', 5: 'resources' };

const SAID: Readonly<Record<EndReason, string>> = {
  'idle-timeout': 'an idle timeout',
  'active-timeout': 'an active timeout',
  timeout: 'a timeout',
  'end-of-flow': 'the end of the connection (FIN or RST)',
  forced: 'a forced end',
  shutdown: 'the sensor shutting down',
  resources: 'a lack of resources',
};

/** What a row's value says of why the flow ended: an IPFIX code, or a word as Suricata writes it ("timeout", "shutdown", "forced"). */
function rowReason(row: FactRow): EndReason | undefined {
  if (typeof row.value === 'number') return IPFIX_END_REASONS[row.value];
  const v = String(row.value).toLowerCase();
  // PAN-OS "aged-out": the session's idle timer ran out
  if (/idle|inactiv|aged/.test(v)) return 'idle-timeout';
  if (/active/.test(v)) return 'active-timeout';
  if (/timeout|timed out/.test(v)) return 'timeout';
  if (/shutdown/.test(v)) return 'shutdown';
  if (/forced/.test(v)) return 'forced';
  if (/resource|memory/.test(v)) return 'resources';
  if (/end|fin|rst|close/.test(v)) return 'end-of-flow';
  return undefined;
}

/** The row that says why the flow ended: flowEndReason, flow.reason, a key with "end" and "reason". */
function endReasonRow(facts: TableFacts): FactRow | null {
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    const tokens = keyTokens(row.key);
    if (tokens.includes('reason') && (tokens.includes('end') || tokens.includes('flow'))) return row;
  }
  return null;
}

function agrees(said: EndReason, actual: EndReason): boolean {
  if (said === actual) return true;
  // a timeout of either kind is a timeout; a row that says only "timeout" does not tell idle from active
  if (said === 'timeout') return actual === 'idle-timeout' || actual === 'active-timeout';
  return actual === 'timeout' && said === 'idle-timeout';
}

/** Why the flow ended, against the record's end-reason field; not judged where the record keeps none. */
export function checkEndReason(claim: Claim<'end-reason'>, facts: TableFacts): Judgement | null {
  const row = memoised(facts, 'end-reason-row', endReasonRow);
  const actual = row ? rowReason(row) : undefined;
  if (!row || actual === undefined) return null;
  const evidence = rowEvidence([row]);
  const said = claim.data.reason;
  return agrees(said, actual)
    ? { verdict: 'supported', evidence, reason: `${row.key} is ${String(row.value)}: the flow ended on ${SAID[actual]}.` }
    : { verdict: 'contradicted', evidence, reason: `${row.key} is ${String(row.value)}: the flow ended on ${SAID[actual]}, not ${SAID[said]}.` };
}

/** The flow's own alerted flag (EVE flow.alerted), or the record being an alert (an alert or rule signature). */
export function alertFacts(facts: TableFacts): { flag: FactRow | undefined; alert: FactRow | undefined } {
  let flag: FactRow | undefined;
  let alert: FactRow | undefined;
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    const tokens = keyTokens(row.key);
    if (tokens[tokens.length - 1] === 'alerted') flag ??= row;
    else if ((tokens.includes('alert') || tokens.includes('rule')) && (tokens.includes('signature') || tokens.includes('name') || tokens.includes('sid'))) alert ??= row;
    else if (tokens.includes('event') && tokens.includes('type') && String(row.value).toLowerCase() === 'alert') alert ??= row;
  }
  return { flag, alert };
}

// booleans were read as 1 and 0 (read.ts)
const isTrue = (v: FactRow['value']): boolean => v === 1 || String(v).toLowerCase() === 'true';

/** "An alert was raised for this flow": the flow's alerted flag says so, and an alert record is one. */
export function checkAlerted(claim: Claim<'alerted'>, facts: TableFacts): Judgement | null {
  const { flag, alert } = memoised(facts, 'alert-facts', alertFacts);
  const raised = flag ? isTrue(flag.value) : alert ? true : undefined;
  if (raised === undefined) return null;
  const row = flag ?? alert!;
  const shown = `${row.key} is ${flag ? String(raised) : String(row.value)}`;
  return raised === claim.data.raised
    ? { verdict: 'supported', evidence: rowEvidence([row]), reason: `${shown}: ${raised ? 'an alert was raised' : 'no alert was raised'} on this flow.` }
    : { verdict: 'contradicted', evidence: rowEvidence([row]), reason: `${shown}: ${raised ? 'an alert was raised' : 'no alert was raised'} on this flow.` };
}

/** Which way the matched packet went, as the record says it: Snort's dir (C2S, S2C), EVE's direction (to_server, to_client), PAN-OS's direction (client-to-server). */
function directionRow(facts: TableFacts): { row: FactRow; toward: 'server' | 'client' } | null {
  for (const row of facts.rows.values()) {
    const last = keyTokens(row.key).at(-1);
    if (typeof row.value !== 'string' || (last !== 'dir' && last !== 'direction')) continue;
    const v = row.value.toLowerCase().replace(/[_\s-]/g, '');
    // PAN-OS threat logs write client-to-server and server-to-client
    if (v === 'c2s' || v === 'toserver' || v === 'clienttoserver') return { row, toward: 'server' };
    if (v === 's2c' || v === 'toclient' || v === 'servertoclient') return { row, toward: 'client' };
  }
  return null;
}

/**
 * "From the client to the server": against the record's direction of the packet that matched.
 * Where it keeps none, or says only inbound / outbound / internal, the flow's sides do not tell and
 * the claim is not judged.
 */
export function checkPacketDirection(claim: Claim<'packet-direction'>, facts: TableFacts): Judgement | null {
  const found = memoised(facts, 'direction-row', directionRow);
  if (!found) return null;
  const { row, toward } = found;
  const evidence = rowEvidence([row]);
  return toward === claim.data.toward
    ? { verdict: 'supported', evidence, reason: `${row.key} is ${String(row.value)}: the packet went toward the ${toward}.` }
    : { verdict: 'contradicted', evidence, reason: `${row.key} is ${String(row.value)}: the packet went toward the ${toward}, not the ${claim.data.toward}.` };
}

/** What a record says of who reset the connection: the side that did, or `none` where it shows a close with no reset. */
interface ResetSeen {
  row: FactRow;
  by: 'src' | 'dst' | 'none';
}

/** Zeek conn_state (its lexicon of states): RSTO / RSTOS0 the originator reset, RSTR / RSTRH and REJ the responder; the other states hold no reset. */
function connStateReset(value: string): 'src' | 'dst' | 'none' {
  if (value.startsWith('RSTO')) return 'src';
  return value.startsWith('RSTR') || value === 'REJ' ? 'dst' : 'none';
}

/** Zeek history letters: R a reset from the originator, r from the responder; undefined where both reset. */
function historyReset(value: string): 'src' | 'dst' | 'none' | undefined {
  const src = value.includes('R');
  const dst = value.includes('r');
  return src === dst ? (src ? undefined : 'none') : src ? 'src' : 'dst';
}

/** A firewall's end reason or action naming the side: PAN-OS tcp-rst-from-client, FortiGate server-rst. */
function namedReset(value: string): 'src' | 'dst' | undefined {
  const v = value.toLowerCase();
  if (/rst-from-client|client-rst/.test(v)) return 'src';
  if (/rst-from-server|server-rst/.test(v)) return 'dst';
  return undefined;
}

/** The first row that says who reset the connection: a Zeek state or history, a firewall's word, else the per-side flags. */
function resetSeen(facts: TableFacts): ResetSeen | null {
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || row.value === '') continue;
    const state = Object.hasOwn(ZEEK_CONN_STATES, row.value) && keyTokens(row.key).includes('state');
    const by = state ? connStateReset(row.value) : describeField(row.key, row.value).unit === 'flag letters' ? historyReset(row.value) : namedReset(row.value);
    if (by !== undefined) return { row, by };
  }
  return sideFlagsReset(facts);
}

const RST = TCP_FLAG_BITS['RST']!;

/** Flags kept per side (nProbe's CLIENT_TCP_FLAGS and SERVER_TCP_FLAGS): whose hold RST. */
function sideFlagsReset(facts: TableFacts): ResetSeen | null {
  const seen: Partial<Record<'src' | 'dst', { row: FactRow; rst: boolean }>> = {};
  for (const row of facts.rows.values()) {
    const read = row.value === null ? undefined : readFlags(row);
    if (read === undefined || (read.known & RST) === 0) continue;
    const side = sideOf(describeField(row.key, row.value).role);
    if (side !== undefined) seen[side] ??= { row, rst: (read.mask & RST) !== 0 };
  }
  const { src, dst } = seen;
  if (!src || !dst || (src.rst && dst.rst)) return null;
  return src.rst ? { row: src.row, by: 'src' } : dst.rst ? { row: dst.row, by: 'dst' } : { row: src.row, by: 'none' };
}

/** A side as the reasons name it. */
const PARTY: Readonly<Record<'src' | 'dst', string>> = { src: 'the originator (client)', dst: 'the responder (server)' };

/** "The responder aborted the connection": against the record's connection state, history or end reason; not judged where it keeps none. */
export function checkResetBy(claim: Claim<'reset-by'>, facts: TableFacts): Judgement | null {
  const seen = memoised(facts, 'reset-seen', resetSeen);
  if (!seen) return null;
  const said = PARTY[claim.data.side];
  const evidence = rowEvidence([seen.row]);
  if (seen.by === claim.data.side) return { verdict: 'supported', evidence, reason: `${seen.row.key} is ${String(seen.row.value)}: ${said} reset the connection.` };
  const did = seen.by === 'none' ? 'no side reset the connection' : `${PARTY[seen.by]} reset it`;
  return { verdict: 'contradicted', evidence, reason: `${seen.row.key} is ${String(seen.row.value)}: ${did}, not ${said}.` };
}
