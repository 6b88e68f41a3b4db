import type { FeatureTable } from './deps.ts';
import { extractClaims } from './extract/extract-claims.ts';
import { evidenceLabels } from './extract/quoted-labels.ts';
import { factsOf } from './facts/table-facts.ts';
import { judge } from './registry.ts';
import { summarize } from './summarize.ts';
import { isHedged } from './text/segment.ts';
import { structuredAnswer, type StructuredValue } from './text/structured.ts';
import type { Sentence } from './text/segment.ts';
import { isGeneralStatement } from './text/general.ts';
import type { Claim, Judgement } from './claim.ts';
import type { CheckedClaim, CheckResult, Verdict } from './types.ts';

/**
 * Check a narrative claim by claim against the table it was written from (DESIGN.md "Checker
 * verdicts"). Pure and synchronous. A JSON answer is checked field by field (text/structured.ts). Offsets are into `text` as given. A hedged claim the table
 * cannot back is `speculative`; a hedge never rescues a contradicted value.
 *
 * @example
 * const { claims, summary } = checkNarrative('The flow carried 4.76 MB over TCP.', table);
 * summary.grounded; // true when nothing is contradicted or unsupported
 */
export function checkNarrative(text: string, table: FeatureTable): CheckResult {
  const claims: CheckedClaim[] = [];
  // a JSON answer is checked value by value, at its offsets in the original text
  const answer = structuredAnswer(text);
  const labels = answer ? evidenceLabels(text, answer.values) : [];
  const advice = answer ? adviceValues(answer.values) : [];
  const extracted = extractClaims(answer?.view ?? text);
  // the table's facts are read after extraction, right before judging: extraction allocates a few
  // hundred KB, which would push facts built before it out of the CPU caches
  const facts = factsOf(table);
  for (const claim of extracted) {
    if (isGeneralStatement(claim.sentence, claim.start)) continue;
    // advice names what to do, not what the record shows: "Recommend enforcing HTTPS", a next step
    if (RECOMMENDED_KINDS.has(claim.kind) && (isAdvice(claim.sentence) || advice.some((v) => claim.start >= v.start && claim.end <= v.end))) continue;
    const judgement = judge(roleFreeInAdvice(claim), facts);
    if (!judgement) continue;
    // hedging is read only where it can matter: an unsupported claim a hedge may turn speculative
    const hedged = judgement.verdict === 'unsupported' && judgement.hedgeable !== false && isHedged(claim.sentence, claim.start) && !labels.some((l) => claim.start >= l.start && claim.end <= l.end);
    const verdict = hedged ? 'speculative' : judgement.verdict;
    claims.push(checkedClaim(text, claim, verdict, judgement));
  }
  return { claims, summary: summarize(claims) };
}

/** Claims of things one may recommend (a protocol, a service, a tool): in advice they are no claim about the record. */
const RECOMMENDED_KINDS: ReadonlySet<string> = new Set(['service', 'protocol', 'entity', 'literal']);
/** A sentence of advice: an imperative or a recommendation ("Consider blocking …", "Recommend enforcing HTTPS", "You should …"), also after a semicolon ("…; check whether it appears in threat feeds"). */
const ADVICE_START = /^[\s*_\-•"'(\d.)]*(?:(?:\*\*|__)?(?:recommendations?|next steps?|actions?|mitigations?|remediation|response)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*)?(?:consider|ensure|enforce|implement|use|migrate|block|review|verify|investigate|monitor|update|patch|disable|enable|restrict|check|isolate|reset|scan|apply|configure|deploy|recommend(?:ed)?|escalate|correlate|search|hunt|confirm|audit|change|rotate|upgrade)\b/i;
/** Words of advice anywhere in the sentence. */
const ADVICE_WORDS = /\b(?:should|recommend(?:s|ed)?|is advised|are advised)\b/i;
function isAdvice(sentence: Sentence): boolean {
  // anchored at the sentence's start, then at each clause after a semicolon (an unanchored scan tried every position)
  sentence.advice ??= ADVICE_START.test(sentence.text) || ADVICE_WORDS.test(sentence.text) || (sentence.text.includes(';') && sentence.text.split(';').slice(1).some((part) => ADVICE_START.test(part)));
  return sentence.advice;
}

const SIDE_NAMED_BEFORE = /\b(?:source|destination|src|dst|dest|client|server|originator|responder|attacker|victim)(?:'s)?\s+(?:ip\s+|address\s+|host\s+|port\s+)?$/i;

/** An address or port in advice is the record's or not, whatever role the advice's words give it ("check the server's log for 10.1.1.40"). */
function roleFreeInAdvice(claim: Claim): Claim {
  if ((claim.kind !== 'address' && claim.kind !== 'port') || (claim.data as { role?: string }).role === undefined || !isAdvice(claim.sentence)) return claim;
  // "block the destination 203.0.113.9": a side named right before the value is still said of it
  if (SIDE_NAMED_BEFORE.test(claim.sentence.text.slice(Math.max(0, claim.start - claim.sentence.start - 40), claim.start - claim.sentence.start))) return claim;
  return { ...claim, data: { ...claim.data, role: undefined } } as Claim;
}

/** The values of a structured answer under advice keys (next_steps, recommendations, actions). */
function adviceValues(values: readonly StructuredValue[]): StructuredValue[] {
  return values.filter((v) => v.key !== undefined && /next_?steps?|recommend|action|remediat|mitigat|response/i.test(v.key));
}

/** The claim as reported; two literal shapes rather than spreads: evidence, when there is one, comes before the reason. */
function checkedClaim(text: string, claim: Claim, verdict: Verdict, judgement: Judgement): CheckedClaim {
  const { start, end, kind } = claim;
  const reason = verdict === 'speculative' ? `Hedged: ${judgement.reason}` : judgement.reason;
  const said = text.slice(start, end);
  return judgement.evidence ? { text: said, start, end, kind, verdict, evidence: judgement.evidence, reason } : { text: said, start, end, kind, verdict, reason };
}
