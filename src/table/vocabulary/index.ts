/**
 * Field vocabulary (issue 11, parts 1 and 2): what a field of a flow or alert format means — its
 * dimension, the endpoint it belongs to and its unit — from one cited data file per family
 * (families/*.json), and an inference for keys no family spells.
 */
export { describeField, isKnownField } from './describe-field.ts';
export { checkRange } from './check-range.ts';
export { isNdpiProtocolName, ndpiName } from './ndpi-name.ts';
export { tokenizeKey } from './tokenize-key.ts';
export { loadFamily } from './load-family.ts';
export { FAMILY_ORDER } from './families.ts';
export { VocabularyError } from './vocabulary-error.ts';
export { DimensionSchema, RoleSchema, UnitSchema, FamilySchema, type Dimension, type Role, type Unit, type Family, type FieldSemantics } from './schema.ts';
