// TEMP scaffolding until C's src/table/index.ts and D's src/check/index.ts land: then these become
// plain re-exports from '../table/index.ts' and '../check/index.ts'.
import type { CheckResult } from '../check/types.ts';
import type { FeatureTable } from '../table/schema.ts';

export type { CheckResult, CheckedClaim, CheckSummary } from '../check/types.ts';
export type { FeatureTable, TableRow } from '../table/schema.ts';

export function tableToMarkdown(table: FeatureTable): string {
  const rows = [...table.features, ...table.fields].map((r) => `| ${r.name} | ${r.value ?? 'null'} | ${r.unit} |`);
  return ['| Feature | Value | Unit |', '|---|---|---|', ...rows].join('\n');
}

export function checkNarrative(_text: string, _table: FeatureTable): CheckResult {
  return {
    claims: [],
    summary: { claims: 0, supported: 0, contradicted: 0, unsupported: 0, speculative: 0, hallucinated: 0, supported_share: 1, grounded: true },
  };
}
