import { FEATURES } from '../deps.ts';

/** Whether a row is one of the project's own features (its registry name, not an alias kept as a field): the registry, not the field vocabulary, says what those mean. */
export function isFeatureName(key: string): boolean {
  return Object.hasOwn(FEATURES, key);
}
