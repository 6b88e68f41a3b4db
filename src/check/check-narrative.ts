import type { FeatureTable } from './deps.ts';
import { extractClaims } from './extract/extract-claims.ts';
import { factsOf } from './facts/table-facts.ts';
import { judge } from './registry.ts';
import { summarize } from './summarize.ts';
import { isHedged } from './text/segment.ts';
import type { CheckedClaim, CheckResult } from './types.ts';

/**
 * Check a narrative claim by claim against the table it was written from (DESIGN.md "Checker
 * verdicts"). Pure and synchronous. Offsets are into `text` as given. A hedged claim the table
 * cannot back is `speculative`; a hedge never rescues a contradicted value.
 *
 * @example
 * const { claims, summary } = checkNarrative('The flow carried 4.76 MB over TCP.', table);
 * summary.grounded; // true when nothing is contradicted or unsupported
 */
export function checkNarrative(text: string, table: FeatureTable): CheckResult {
  const facts = factsOf(table);
  const claims: CheckedClaim[] = [];
  for (const claim of extractClaims(text)) {
    const judgement = judge(claim, facts);
    if (!judgement) continue;
    // hedging is read only where it can matter: an unsupported claim a hedge may turn speculative
    const hedged = judgement.verdict === 'unsupported' && judgement.hedgeable !== false && isHedged(claim.sentence, claim.start);
    const verdict = hedged ? 'speculative' : judgement.verdict;
    claims.push({
      text: text.slice(claim.start, claim.end),
      start: claim.start,
      end: claim.end,
      kind: claim.kind,
      verdict,
      ...(judgement.evidence ? { evidence: judgement.evidence } : {}),
      reason: verdict === 'speculative' ? `Hedged: ${judgement.reason}` : judgement.reason,
    });
  }
  return { claims, summary: summarize(claims) };
}
