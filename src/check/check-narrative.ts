import type { FeatureTable } from './deps.ts';
import { extractClaims } from './extract/extract-claims.ts';
import { evidenceLabels } from './extract/quoted-labels.ts';
import { factsOf } from './facts/table-facts.ts';
import { judge } from './registry.ts';
import { summarize } from './summarize.ts';
import { isHedged } from './text/segment.ts';
import { structuredAnswer } from './text/structured.ts';
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
  const facts = factsOf(table);
  const claims: CheckedClaim[] = [];
  // a JSON answer is checked value by value, at its offsets in the original text
  const answer = structuredAnswer(text);
  const labels = answer ? evidenceLabels(text, answer.values) : [];
  for (const claim of extractClaims(answer?.view ?? text)) {
    if (isGeneralStatement(claim.sentence, claim.start)) continue;
    const judgement = judge(claim, facts);
    if (!judgement) continue;
    // hedging is read only where it can matter: an unsupported claim a hedge may turn speculative
    const hedged = judgement.verdict === 'unsupported' && judgement.hedgeable !== false && isHedged(claim.sentence, claim.start) && !labels.some((l) => claim.start >= l.start && claim.end <= l.end);
    const verdict = hedged ? 'speculative' : judgement.verdict;
    claims.push(checkedClaim(text, claim, verdict, judgement));
  }
  return { claims, summary: summarize(claims) };
}

/** The claim as reported; two literal shapes rather than spreads: evidence, when there is one, comes before the reason. */
function checkedClaim(text: string, claim: Claim, verdict: Verdict, judgement: Judgement): CheckedClaim {
  const { start, end, kind } = claim;
  const reason = verdict === 'speculative' ? `Hedged: ${judgement.reason}` : judgement.reason;
  const said = text.slice(start, end);
  return judgement.evidence ? { text: said, start, end, kind, verdict, evidence: judgement.evidence, reason } : { text: said, start, end, kind, verdict, reason };
}
