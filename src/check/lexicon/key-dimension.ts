import { FEATURES, FIELD_SPECS, resolveFeatureName } from '../deps.ts';
import { dimensionOfUnit, type Dimension } from '../facts/dimension.ts';

const IDENTITY: Readonly<Record<string, Dimension>> = { src_addr: 'code', dst_addr: 'code', src_port: 'code', dst_port: 'code', protocol: 'code', start: 'instant', end: 'instant', score: 'number' };

/** The dimension a row key has by definition (registry or nProbe field list), without a table. */
const memo = new Map<string, Dimension>();

export function keyDimension(key: string): Dimension {
  let dim = memo.get(key);
  if (dim === undefined) {
    dim = dimensionOf(key);
    memo.set(key, dim);
  }
  return dim;
}

function dimensionOf(key: string): Dimension {
  if (key in IDENTITY) return IDENTITY[key]!;
  const feature = resolveFeatureName(key);
  if (feature) return dimensionOfUnit(FEATURES[feature].unit, feature).dim;
  const spec = FIELD_SPECS[key];
  return spec ? dimensionOfUnit(spec.unit, key).dim : 'number';
}

/** Dimensions a claimed unit may be compared with (a bits/s claim against a bytes/s row, …). */
export function compatible(claim: Dimension, row: Dimension): boolean {
  if (claim === row) return true;
  const rates = ['bytes/s', 'bits/s'];
  if (rates.includes(claim) && rates.includes(row)) return true;
  if ((claim === 'bits' && row === 'bytes') || (claim === 'bytes' && row === 'bits')) return true;
  if (claim === 'flows' && row === 'number') return true;
  return false;
}
