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
