import { isNegated, type Sentence } from '../text/segment.ts';
import { addClaim, gatedSentences, isTaken, scanSentences, wordGate, type ExtractContext } from './context.ts';

/*
 * A login said to have worked: "the attacker logged in as root", "successfully authenticated",
 * "the login succeeded", "gained access to the host". What the record shows of it is the outcome
 * its authentication log lines give ("Accepted password" against "Failed password").
 */
const SUCCESS = /\b(?:successfully\s+(?:logged\s+(?:in|on)|authenticated|signed\s+in|brute[- ]forced|guessed|cracked)|logged\s+(?:in|on)\s+(?:as|to|with|successfully)|(?:login|logon|authentication|sign-in)(?:\s+(?:as|for|to)\s+[\w.@-]+)?\s+(?:attempt\s+)?(?:was\s+)?(?:succeeded|successful)|\ba\s+successful\s+(?:login|logon|log-?in|authentication|sign-in)|gained\s+(?:access|a\s+foothold|entry|a\s+shell)|compromised\s+the\s+(?:account|credentials|password))\b/gi;
const GATE = wordGate(/\b(?:successfully|logged|login|logon|authentication|sign-in|gained|compromised)\b/);

export function extractAuthOutcomes(ctx: ExtractContext): void {
  phrasesOf(ctx, GATE, SUCCESS, 'authentication outcome');
}

/** Each match of a phrase in the gated sentences, not negated, as an entity claim of the category. */
function phrasesOf(ctx: ExtractContext, gate: Parameters<typeof gatedSentences>[1], re: RegExp, category: string): void {
  phrasesIn(ctx, gatedSentences(ctx, gate), re, category);
}

/** Each match of a phrase in the sentences as an entity claim of the category; not where negated, unless the phrase says the negation itself. */
function phrasesIn(ctx: ExtractContext, sentences: Sentence[], re: RegExp, category: string, negative = false): void {
  if (sentences.length === 0) return;
  scanSentences(sentences, re, (m, at, s) => {
    if (isTaken(ctx, at, at + m[0].length) || (!negative && isNegated(s, at))) return;
    addClaim(ctx, 'entity', at, at + m[0].length, { category, term: m[0] }, true);
  });
}

/** "the notice was e-mailed to the SOC", "an email alert was sent": a notification by mail, which the record's actions or mail flag show or not. */
const EMAILED = /\b(?:was|were|is|are|been|got)\s+(?:also\s+)?(?:e-?mailed|sent\s+(?:by|via|as\s+an?)\s+e-?mail)|\be-?mail(?:ed)?\s+(?:notification|alert)\s+(?:was|were)\s+sent\b/gi;
const EMAIL_GATE = wordGate(/\b(?:emailed|e-mailed|email|e-mail)\b/);

/** "the notice was not emailed", "no email alert was sent": that no mail went out, which the same record fields show or not. */
const NOT_EMAILED = /\b(?:was|were|is|are|been)\s+(?:not|never)\s+(?:e-?mailed|sent\s+(?:by|via)\s+e-?mail)\b|\bno\s+e-?mail\s+(?:notification|alert)\s+(?:was|were)\s+sent\b/gi;

export function extractEmailed(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, EMAIL_GATE);
  phrasesIn(ctx, gated, EMAILED, 'mail notification');
  phrasesIn(ctx, gated, NOT_EMAILED, 'no mail notification', true);
}
