/**
 * features: canonical Flow → deterministic per-flow and sliding-window features (DESIGN.md "Features"),
 * every one named, unit-ed and defined by the registry. Other stages import only from here.
 */
export { createFeatureExtractor } from './create-feature-extractor.ts';
export type { FeatureExtractor, FeatureExtractorOptions } from './create-feature-extractor.ts';
export { extractFeatures } from './extract-features.ts';
export type { ExtractFeaturesOptions, FlowFeatures } from './extract-features.ts';
export {
  DEFAULT_WINDOW_MS,
  FEATURE_NAMES,
  FEATURES,
  FeatureName,
  REGISTRY_VERSION,
  resolveFeatureName,
} from './registry.ts';
export type { FeatureGroup, FeatureKind, FeatureSpec, FeatureValues } from './registry.ts';
export { featureSql, FLOWS_TABLE_COLUMNS } from './sql/feature-sql.ts';
export type { FeatureSqlOptions } from './sql/feature-sql.ts';
export { SQL_DIALECTS } from './sql/dialects.ts';
export type { SqlDialect } from './sql/dialects.ts';
export type { DuckdbFeatures, DuckdbFeaturesOptions, DuckdbInput, DuckdbOutFormat } from './sql/duckdb-features.ts';

type OpenDuckdbFeatures = typeof import('./sql/duckdb-features.ts').openDuckdbFeatures;
/**
 * Load flows into embedded DuckDB and prepare the registry's feature SQL (see sql/duckdb-features.ts).
 * Imported on first use: DuckDB's native binding would otherwise add to every command's startup.
 */
export const openDuckdbFeatures: OpenDuckdbFeatures = async (input, options) => (await import('./sql/duckdb-features.ts')).openDuckdbFeatures(input, options);
