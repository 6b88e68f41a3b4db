import { DNS_RECORD_TYPES, DNS_RESPONSE_CODES } from '../lexicon/dns-names.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, scanSentences, wordGate, type ExtractContext } from './context.ts';

/*
 * What a DNS exchange asked and got, named as the protocol names it: a record type ("an AAAA
 * record", "type MX", "a TXT query") or a response code ("answered NXDOMAIN", "SERVFAIL"). The
 * names are written in capitals, so "A record" is the type and "a record" is not.
 */
const TYPES = Object.keys(DNS_RECORD_TYPES).sort((a, b) => b.length - a.length).join('|');
const CODES = Object.keys(DNS_RESPONSE_CODES).join('|');
const TYPE_RE = new RegExp(String.raw`\b(?:(${TYPES})[- ](?:records?|quer(?:y|ies)|lookups?|requests?|answers?|responses?|RRs?)\b|(?:type|qtype|rrtype|record type|query type)(?:\s+(?:is|was|were)\s+|\s*[=:]\s*|\s+)(${TYPES})\b)`, 'g');
const CODE_RE = new RegExp(String.raw`\b(${CODES})\b`, 'g');
const GATE = wordGate(new RegExp(String.raw`\b(?:${TYPES}|${CODES})\b`), false);

const ARTICLE_BEFORE = /\b(?:an|the|for|its|one|single|first)\s+$/i;

export function extractDns(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, GATE);
  if (gated.length === 0) return;
  scanSentences(gated, TYPE_RE, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    // "A record" opens a sentence as the article does; as the type it follows one: "an A record", "the A query"
    if (m[1] === 'A' && !ARTICLE_BEFORE.test(ctx.text.slice(Math.max(0, at - 8), at))) return;
    addClaim(ctx, 'dns', at, at + m[0].length, { field: 'type', name: (m[1] ?? m[2])! }, true);
  });
  scanSentences(gated, CODE_RE, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    addClaim(ctx, 'dns', at, at + m[0].length, { field: 'response code', name: m[1]! }, true);
  });
}
