// Upstream parts the report writer uses, through their stages' index.ts gates.
export { checkNarrative, type CheckResult, type CheckedClaim, type CheckSummary } from '../check/index.ts';
export { mapTableStrings, tableToMarkdown, type FeatureTable, type TableRow } from '../table/index.ts';
