/**
 * What check/ uses from upstream stages, in one place. TEMP: direct module paths while
 * src/features/index.ts is not yet committed (src/table/index.ts imports it); switch to the
 * index.ts gates when it lands.
 */
export { FEATURES, FEATURE_NAMES, resolveFeatureName, type FeatureName } from '../features/registry.ts';
export { FIELD_SPECS } from '../table/fields.ts';
export type { FeatureTable, TableRow } from '../table/schema.ts';
