import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, isTaken, scanSentences, wordGate, type ExtractContext } from './context.ts';

/*
 * A login said to have worked: "the attacker logged in as root", "successfully authenticated",
 * "the login succeeded", "gained access to the host". What the record shows of it is the outcome
 * its authentication log lines give ("Accepted password" against "Failed password").
 */
const SUCCESS = /\b(?:successfully\s+(?:logged\s+(?:in|on)|authenticated|signed\s+in|brute[- ]forced|guessed|cracked)|logged\s+(?:in|on)\s+(?:as|to|with|successfully)|(?:login|logon|authentication|sign-in)\s+(?:attempt\s+)?(?:was\s+)?(?:succeeded|successful)|gained\s+(?:access|a\s+foothold|entry|a\s+shell)|compromised\s+the\s+(?:account|credentials|password))\b/gi;
const GATE = wordGate(/\b(?:successfully|logged|login|logon|authentication|sign-in|gained|compromised)\b/);

export function extractAuthOutcomes(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, GATE);
  if (gated.length === 0) return;
  scanSentences(gated, SUCCESS, (m, at, s) => {
    if (isTaken(ctx, at, at + m[0].length) || isNegated(s, at)) return;
    addClaim(ctx, 'entity', at, at + m[0].length, { category: 'authentication outcome', term: m[0] }, true);
  });
}
