/** What check/ uses from upstream stages, in one place (through their index.ts gates). */
export { FEATURES, FEATURE_NAMES, resolveFeatureName, type FeatureName } from '../features/index.ts';
export { FIELD_SPECS, describeField, isKnownField, isNdpiProtocolName, ndpiName, epochMs, toIso, endpointOf, flattenJson, protocolValue, sideOf, tokenizeKey, type Endpoint, type FeatureTable, type FieldSemantics, type TableRow } from '../table/index.ts';
