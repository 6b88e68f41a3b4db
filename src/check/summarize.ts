import type { CheckedClaim, CheckSummary } from './types.ts';

/** Counts per verdict, the hallucinated total and the supported share (of non-speculative claims). */
export function summarize(claims: readonly CheckedClaim[]): CheckSummary {
  let supported = 0;
  let contradicted = 0;
  let unsupported = 0;
  let speculative = 0;
  for (const c of claims) {
    if (c.verdict === 'supported') supported++;
    else if (c.verdict === 'contradicted') contradicted++;
    else if (c.verdict === 'unsupported') unsupported++;
    else speculative++;
  }
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
