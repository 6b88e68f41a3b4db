import type { CheckedClaim, CheckSummary } from './types.ts';

/** Counts per verdict, the hallucinated total and the supported share (of non-speculative claims). */
export function summarize(claims: readonly CheckedClaim[]): CheckSummary {
  const count = (v: CheckedClaim['verdict']): number => claims.filter((c) => c.verdict === v).length;
  const supported = count('supported');
  const contradicted = count('contradicted');
  const unsupported = count('unsupported');
  const speculative = count('speculative');
  const assertive = claims.length - speculative;
  return {
    claims: claims.length,
    supported,
    contradicted,
    unsupported,
    speculative,
    hallucinated: contradicted + unsupported,
    supported_share: assertive === 0 ? 1 : supported / assertive,
    grounded: contradicted + unsupported === 0,
  };
}
