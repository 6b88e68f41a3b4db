/** check stage: claim-level grounding verdicts of a narrative against its FeatureTable. Only what other stages use. */
export { checkNarrative } from './check-narrative.ts';
export { extractClaims } from './extract/extract-claims.ts';
export { CLAIM_CHECKERS, type ClaimChecker } from './registry.ts';
export { summarize } from './summarize.ts';
export { decodeFlags } from './checkers/flags.ts';
export { Verdict, ClaimKind, type CheckResult, type CheckedClaim, type CheckSummary, type Evidence } from './types.ts';
export type { Claim, Judgement } from './claim.ts';
