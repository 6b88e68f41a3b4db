import { isIP } from 'node:net';

/** The kinds of value that change what an unknown key is taken to mean. */
export type ValueShape = 'ip' | 'iso' | 'epoch s' | 'epoch ms' | 'epoch µs' | 'epoch ns' | 'number' | 'string' | 'none';

// year first, with dashes, slashes (PAN-OS, Windows logs) or underscores (ET rule metadata)
const ISO_DATE = /^\d{4}([-/_])\d{2}\1\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** Whether a value is an IPv4 or IPv6 address (a `%zone` suffix allowed). */
export function isIpAddress(value: unknown): boolean {
  return typeof value === 'string' && isIP(value.replace(/%[\w.-]+$/, '')) !== 0;
}

/** A number, or a string that is one. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value);
  return undefined;
}

/**
 * The shape of a value. A number between 2001 and 2100 expressed in seconds, ms, µs or ns since
 * 1970 is classed as that epoch: only a time key makes use of it.
 */
export function shapeOf(value: unknown): ValueShape {
  if (value === undefined || value === null || value === '') return 'none';
  if (typeof value === 'string') {
    if (isIpAddress(value)) return 'ip';
    if (ISO_DATE.test(value.trim())) return 'iso';
  }
  const n = toNumber(value);
  if (n === undefined) return 'string';
  const a = Math.abs(n);
  if (a >= 978_307_200 && a < 4_102_444_800) return 'epoch s';
  if (a >= 978_307_200e3 && a < 4_102_444_800e3) return 'epoch ms';
  if (a >= 978_307_200e6 && a < 4_102_444_800e6) return 'epoch µs';
  if (a >= 978_307_200e9 && a < 4_102_444_800e9) return 'epoch ns';
  return 'number';
}
