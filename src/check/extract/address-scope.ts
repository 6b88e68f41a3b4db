import type { ClaimPayloads } from '../claim.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, scanSentences, wordGate, type ExtractContext } from './context.ts';

/*
 * Where an address lives: "an external IP address (192.168.250.106)", "10.0.0.5 is an internal
 * host", "the responder is inside the local network". The address space says which: private,
 * loopback, link-local and shared ranges are internal, the rest of the space is public.
 */
const ADDRESS = String.raw`(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7})`;
const PARTY = String.raw`(?:the\s+)?(source|destination|client|server|originator|responder|sender|receiver|initiator)`;
const INTERNAL = String.raw`internal|private|local|lan|rfc\s?1918|non-routable|intranet`;
// "remote" is left out: it names the other end of a connection as often as the public Internet
const EXTERNAL = String.raw`external|public|internet-facing|internet|outside|foreign|routable`;
const SCOPE = String.raw`(${INTERNAL}|${EXTERNAL})`;
const NOUN = String.raw`(?:ip\s+address|ip|address|host|server|client|machine|system|device|endpoint|source|destination|peer|node)`;

/** "an external IP address (192.168.250.106)", "the internal host 10.0.0.5". */
const SCOPE_BEFORE = new RegExp(String.raw`\b${SCOPE}\s+${NOUN}\s*[(:,]?\s*${ADDRESS}(?![\w:]|\.\d)`, 'gi');
/** "192.168.1.5 is an internal host", "10.0.0.5 (private)", "the responder is external". */
const SCOPE_AFTER = new RegExp(String.raw`(?:${ADDRESS}|\b${PARTY})\s*(?:\(|,\s*)?(?:is|was|being)?\s*(?:an?\s+|the\s+)?(?:(?:likely|probably|clearly|also)\s+)?${SCOPE}\b(?!\s*(?:port|ports|interface|time|timestamp|clock)\b)`, 'gi');
/** "the responder is inside the local network", "10.0.0.5 sits on the internal LAN". */
const INSIDE = new RegExp(String.raw`(?:${ADDRESS}|\b${PARTY})\s+(?:is|was|sits|lives|resides)\s+(?:located\s+)?(?:inside|within|on|in)\s+(?:the\s+|a\s+|our\s+|your\s+)?(?:same\s+)?(?:(${INTERNAL}|home|corporate|enterprise)\s+)?(network|subnet|lan|range|address\s+space|internet)\b`, 'gi');

const GATE = wordGate(new RegExp(String.raw`\b(?:${INTERNAL}|${EXTERNAL}|home|corporate|enterprise)\b`));

const isInternal = (word: string): boolean => new RegExp(String.raw`^(?:${INTERNAL}|home|corporate|enterprise)$`, 'i').test(word.replace(/\s+/g, ''));

export function extractAddressScopes(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, GATE);
  if (gated.length === 0) return;
  const add = (at: number, length: number, data: ClaimPayloads['address-scope'], sentence: Parameters<typeof isNegated>[0]): void => {
    if (!isNegated(sentence, at)) addClaim(ctx, 'address-scope', at, at + length, data);
  };
  // "an external IP address (10.0.0.5)": the span is the scope phrase, the address after it is only its subject
  scanSentences(gated, SCOPE_BEFORE, (m, at, s) => {
    const phrase = m[0].slice(0, m[0].lastIndexOf(m[2]!)).replace(/[\s(:,]+$/, '');
    add(at, phrase.length, { address: m[2]!, scope: isInternal(m[1]!) ? 'internal' : 'external' }, s);
  });
  scanSentences(gated, SCOPE_AFTER, (m, at, s) => add(at, m[0].length, { ...subject(m[1], m[2]), scope: isInternal(m[3]!) ? 'internal' : 'external' }, s));
  scanSentences(gated, INSIDE, (m, at, s) => {
    // "on the Internet" is outside; a bare "on the network" says nothing of which
    const place = m[4]!.toLowerCase();
    if (place !== 'internet' && m[3] === undefined) return;
    add(at, m[0].length, { ...subject(m[1], m[2]), scope: place === 'internet' ? 'external' : 'internal' }, s);
  });
}

function subject(address: string | undefined, party: string | undefined): Pick<ClaimPayloads['address-scope'], 'address' | 'party'> {
  return address !== undefined ? { address } : { party: party!.toLowerCase() };
}
