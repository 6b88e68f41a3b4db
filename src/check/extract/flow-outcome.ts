import type { ClaimPayloads } from '../claim.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, isTaken, lowerGate, scan, scanTriggers, wordGate, type ExtractContext } from './context.ts';
import { triggered } from './triggers.ts';

/*
 * How the flow ended and whether it raised an alert: "the flow ended because of an active timeout",
 * "an idle timeout closed it", "the session timed out", "closed by a FIN"; "an alert was raised for
 * this flow", "it triggered no alert". A flow record that keeps these (IPFIX flowEndReason, EVE
 * flow.reason and flow.alerted) says which.
 */
type EndReason = ClaimPayloads['end-reason']['reason'];

const CLOSE_VERB = String.raw`(?:ended|ends|closed|was closed|terminated|expired|was exported|exported|finished|torn down|evicted)`;
// an aging timeout is PAN-OS's idle one (session_end_reason "aged-out")
const CAUSE = String.raw`(idle|inactivity|inactive|active|aging|age-out)?[\s-]*(timeout|time-out|shutdown|forced end|lack of resources|end of flow|(?:TCP\s+)?(?:FIN|RST|reset))`;
/** "ended because of an active timeout", "closed by a FIN", "was exported on an idle timeout". */
const VERB_THEN_CAUSE = triggered(new RegExp(String.raw`\b${CLOSE_VERB}\s+(?:because of|due to|by|on|after|at|via|with|through|from|in)\s+(?:an?\s+|the\s+|its\s+)?(?:sensor\s+|engine\s+|flow\s+)?${CAUSE}\b`, 'gi'));
/** "an idle timeout closed the flow", "the active timeout ended it". */
const CAUSE_THEN_VERB = triggered(new RegExp(String.raw`\b(idle|inactivity|inactive|active|aging)[\s-]*(timeout|time-out)\s+(?:${CLOSE_VERB}|ended|closed|terminated)\b`, 'gi'));
/** "the session timed out". */
const TIMED_OUT = triggered(/\b(?:timed|timing)\s+out\b/gi);

/** "an alert was raised for this flow", "the flow triggered an alert", "it raised no alert". */
const ALERT_RAISED = /\b(?:an?\s+|no\s+)?alerts?\s+(?:was|were|has been|had been)\s+(?:raised|triggered|fired|generated|issued|logged)\b|\b(?:raised|triggered|fired|generated|set off|tripped)\s+(?:an?\s+|no\s+)?alerts?\b/gi;
const ALERT_GATE = lowerGate(/\balerts?\b/);

/** "the packet went from the client to the server", "a server-to-client packet matched": which way the packet that matched went. */
// the record's sides (source, destination) and an attack's parties say nothing of which end is the server
const CLIENT_WORD = 'client|originator|initiator|scanner';
const SERVER_WORD = 'server|responder|target';
/** A sentence about the packet that matched, not about the flow as a whole ("the request went to the server"). */
const ABOUT_MATCH = /\b(?:packet|traffic|alert|match(?:ed|ing)?|triggered|triggering|fired|signature|rule|direction)\b/i;
const DIRECTION = triggered(new RegExp(String.raw`\bfrom\s+the\s+(${CLIENT_WORD}|${SERVER_WORD})\s+to\s+the\s+(${CLIENT_WORD}|${SERVER_WORD})\b|\b(client|server)[- ]to[- ](server|client)\b`, 'gi'));

/** "the responder aborted the connection", "the client sent a RST", "reset by the server": which side reset it. */
const RESET_PARTY = String.raw`(originator|initiator|client|source|responder|server|destination)`;
const RESET_BY = new RegExp(String.raw`\b(?:the\s+)?${RESET_PARTY}\s+(?:(?:aborted|reset|tore\s+down|killed)\s+(?:the\s+)?(?:connection|session|flow|it)\b|sent\s+(?:an?\s+|the\s+)?(?:TCP\s+)?(?:RST|reset)\b)|\b(?:reset|aborted|torn\s+down)\s+by\s+the\s+${RESET_PARTY}\b`, 'gi');
const RESET_GATE = wordGate(/\b(?:abort\w*|reset|rst|torn|tore|killed)\b/);
const SRC_PARTY = /^(?:originator|initiator|client|source)$/i;

function towardOf(word: string): 'server' | 'client' {
  return new RegExp(`^(?:${SERVER_WORD})$`, 'i').test(word) ? 'server' : 'client';
}

function reasonOf(qualifier: string | undefined, cause: string): EndReason {
  const c = cause.toLowerCase();
  if (c === 'timeout' || c === 'time-out') {
    const q = qualifier?.toLowerCase();
    return q === undefined ? 'timeout' : q === 'active' ? 'active-timeout' : 'idle-timeout';
  }
  if (c === 'shutdown') return 'shutdown';
  if (c === 'forced end') return 'forced';
  if (c === 'lack of resources') return 'resources';
  return 'end-of-flow';
}

export function extractFlowOutcomes(ctx: ExtractContext): void {
  const add = (at: number, end: number, reason: EndReason, s: Parameters<typeof isNegated>[0]): void => {
    if (!isTaken(ctx, at, end) && !isNegated(s, at)) addClaim(ctx, 'end-reason', at, end, { reason }, true);
  };
  scanTriggers(ctx, VERB_THEN_CAUSE.trigger, VERB_THEN_CAUSE.sticky, (m, at, s) => add(at, at + m[0].length, reasonOf(m[1], m[2]!), s));
  scanTriggers(ctx, CAUSE_THEN_VERB.trigger, CAUSE_THEN_VERB.sticky, (m, at, s) => add(at, at + m[0].length, reasonOf(m[1], m[2]!), s));
  scanTriggers(ctx, TIMED_OUT.trigger, TIMED_OUT.sticky, (m, at, s) => add(at, at + m[0].length, 'timeout', s));
  scanTriggers(ctx, DIRECTION.trigger, DIRECTION.sticky, (m, at, s) => {
    const to = m[2] ?? m[4]!;
    const from = m[1] ?? m[3]!;
    // "from the source to the destination" says nothing of which end is the server
    if (towardOf(from) === towardOf(to) || !ABOUT_MATCH.test(s.text) || isTaken(ctx, at, at + m[0].length) || isNegated(s, at)) return;
    addClaim(ctx, 'packet-direction', at, at + m[0].length, { toward: towardOf(to) });
  });
  scan(ctx, RESET_BY, RESET_GATE, (m, at, s) => {
    const end = at + m[0].length;
    if (isTaken(ctx, at, end) || isNegated(s, at)) return;
    addClaim(ctx, 'reset-by', at, end, { side: SRC_PARTY.test(m[1] ?? m[2]!) ? 'src' : 'dst' });
  });
  scan(ctx, ALERT_RAISED, ALERT_GATE, (m, at, s) => {
    const end = at + m[0].length;
    if (isTaken(ctx, at, end)) return;
    const raised = !/^no\b|\bno\s+alert/i.test(m[0]) && !isNegated(s, at);
    addClaim(ctx, 'alerted', at, end, { raised });
  });
}
