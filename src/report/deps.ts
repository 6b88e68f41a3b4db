// TEMP scaffolding for checkNarrative until D's src/check/index.ts lands (then a plain re-export).
import type { CheckResult } from '../check/types.ts';
import type { FeatureTable } from '../table/index.ts';

export type { CheckResult, CheckedClaim, CheckSummary } from '../check/types.ts';
export { tableToMarkdown, type FeatureTable, type TableRow } from '../table/index.ts';

export function checkNarrative(_text: string, _table: FeatureTable): CheckResult {
  return {
    claims: [],
    summary: { claims: 0, supported: 0, contradicted: 0, unsupported: 0, speculative: 0, hallucinated: 0, supported_share: 1, grounded: true },
  };
}
