/** table stage: FeatureTables from scored flows, their Markdown and JSON Schema. Only what other stages use. */
export { FeatureTableSchema, TABLE_SCHEMA_VERSION, type FeatureTable, type TableRow, type FlowIdentity, type Score } from './schema.ts';
export { buildTable, type BuildTableInput, type WindowContext } from './build-table.ts';
export { tableToMarkdown, formatNumber, NULL_TEXT } from './to-markdown.ts';
export { mapTableStrings, type TableStringMaps } from './map-strings.ts';
export { tableJsonSchema } from './json-schema.ts';
export { fieldSpec, FIELD_SPECS, type FieldSpec } from './fields.ts';
export { describeField, isKnownField, checkRange, isNdpiProtocolName, ndpiName, type FieldSemantics } from './vocabulary/index.ts';
export { protocolName } from './protocol-names.ts';
export { selectTables, type ScoreSummary } from './select-tables.ts';
export { DEFAULT_TOP, resolveScoring, resolveSelection, type SelectOptions } from './select-options.ts';
export { tableFileNames } from './table-file-names.ts';
export { fitBaselineFile, type FitBaselineOptions } from './fit-baseline-file.ts';
export { readTable, readReport, type ReadReport } from './read.ts';
export { readTableFiles } from './read-table-files.ts';
export { endpointOf, identityMemberOf, protocolValue, sideOf, type Endpoint, type IdentityMember } from './identity-fields.ts';
export { tokenizeKey } from './vocabulary/index.ts';
export { epochMs, toIso } from './epoch.ts';
export { flattenJson } from './flatten-json.ts';
