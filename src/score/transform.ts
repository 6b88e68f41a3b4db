import { FEATURES, type FeatureName } from '../features/index.ts';

export type TransformName = 'log1p' | 'none';

/**
 * Counts, bytes, rates, sizes and durations are heavy-tailed (a handful of flows carry most bytes):
 * they are compared on a log1p scale so one elephant flow does not flatten everything else.
 * Entropy is bounded (0..log2 k bits) and stays linear.
 */
export function transformOf(name: FeatureName): TransformName {
  return FEATURES[name].kind === 'entropy' ? 'none' : 'log1p';
}

/** Apply a transform; sign-preserving so a (never expected) negative value stays ordered. */
export function applyTransform(transform: TransformName, value: number): number {
  if (transform === 'none') return value;
  return Math.sign(value) * Math.log1p(Math.abs(value));
}
