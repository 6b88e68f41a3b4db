import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, scanSentences, scanTriggersIn, wordGate, type ExtractContext } from './context.ts';
import { triggered } from './triggers.ts';

/*
 * ICMP messages named or numbered: "echo requests", "ICMP port unreachable", "time-exceeded
 * replies", "type 3, code 3", "the ICMP type is 8". The names are read by lexicon/icmp-messages.ts;
 * the record's ICMP fields (a type, a code, or nProbe's type·256+code) judge them.
 */
const SEP = String.raw`[- ]`;
const NAMES = [
  String.raw`(?:echo|ping)${SEP}(?:requests?|repl(?:y|ies))`,
  String.raw`(?:destination|dest|host|network|net|port|protocol)${SEP}unreachables?`,
  String.raw`(?:time|ttl)${SEP}exceeded`,
  String.raw`source${SEP}quench`,
  String.raw`packet${SEP}too${SEP}big`,
  String.raw`fragmentation${SEP}needed`,
  String.raw`(?:communication${SEP})?administratively${SEP}prohibited`,
  String.raw`neighbou?r${SEP}(?:solicitations?|advertisements?)`,
  String.raw`router${SEP}(?:solicitations?|advertisements?)`,
].join('|');
/** Names that other protocols use too ("an HTTP redirect"): read only in a sentence about ICMP. */
const SHARED_NAMES = String.raw`redirects?|parameter${SEP}problems?|timestamp${SEP}(?:requests?|repl(?:y|ies))`;
const MESSAGE = triggered(new RegExp(String.raw`\b(${NAMES})\b`, 'gi'));
const SHARED_MESSAGE_RE = new RegExp(String.raw`\b(${SHARED_NAMES})\b`, 'gi');
/** "type 3", "ICMP type 8", "the ICMP type is 3", "code 1", "type 3 code 3", in a sentence about ICMP. */
const TYPE_CODE_RE = /\b(type|code)(?:\s+(?:is|was|of|=)|\s*[:=])?\s+(\d{1,3})\b(?!\s*(?:bytes?|packets?|records?|quer(?:y|ies)|ms|seconds?|%))/gi;
const ICMP_GATE = wordGate(/\b(?:icmp|icmpv6|ping|pings|echo)\b/);
/** What makes a "type" another protocol's: a DNS query or record type. */
const OTHER_TYPE_BEFORE = /\b(?:query|record|qtype|rr|dns|message|content|mime|event|alert)\s*$/i;

/** An object after a participle: "the maximum time exceeded the client's", "the time exceeded 5 s". */
const OBJECT_AFTER = /\s+(?:the|a|an|its|their|that|this|those|these|by|\d|[A-Za-z]+'s\b)/y;

/** "time exceeded" as a verb and its object is a clause about a time, not the ICMP message. */
function verbWithObject(text: string, name: string, end: number): boolean {
  if (!/exceeded$/i.test(name)) return false;
  OBJECT_AFTER.lastIndex = end;
  return OBJECT_AFTER.test(text);
}

export function extractIcmp(ctx: ExtractContext): void {
  scanTriggersIn(ctx, MESSAGE.trigger, MESSAGE.sticky, undefined, (m, at, sentence) => {
    if (!isNegated(sentence, at) && !verbWithObject(ctx.text, m[1]!, at + m[0].length)) addClaim(ctx, 'icmp', at, at + m[0].length, { name: m[1]! }, true);
  });
  const gated = gatedSentences(ctx, ICMP_GATE);
  if (gated.length === 0) return;
  scanSentences(gated, SHARED_MESSAGE_RE, (m, at, sentence) => {
    if (!isNegated(sentence, at)) addClaim(ctx, 'icmp', at, at + m[0].length, { name: m[1]! }, true);
  });
  scanSentences(gated, TYPE_CODE_RE, (m, at, sentence) => {
    if (isNegated(sentence, at) || OTHER_TYPE_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 12), at))) return;
    const value = Number(m[2]);
    addClaim(ctx, 'icmp', at, at + m[0].length, m[1]!.toLowerCase() === 'type' ? { type: value } : { code: value }, true);
  });
}
