import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';

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

/** Which way the matched packet went, as the record says it: Snort's dir (C2S, S2C), EVE's direction (to_server, to_client). */
function directionRow(facts: TableFacts): { row: FactRow; toward: 'server' | 'client' } | null {
  for (const row of facts.rows.values()) {
    const last = keyTokens(row.key).at(-1);
    if (typeof row.value !== 'string' || (last !== 'dir' && last !== 'direction')) continue;
    const v = row.value.toLowerCase().replace(/[_\s-]/g, '');
    if (v === 'c2s' || v === 'toserver') return { row, toward: 'server' };
    if (v === 's2c' || v === 'toclient') return { row, toward: 'client' };
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
