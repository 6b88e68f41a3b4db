import type { FieldSemantics } from './schema.ts';
import { isIpAddress, toNumber } from './value-shape.ts';

/** Values that mean "not set" in the formats covered (Zeek's `-`, empty cells, JSON null). */
const UNSET = new Set(['', '-', '(empty)']);
const MAC = /^[\da-f]{2}(?:[:-][\da-f]{2}){5}$/i;
const STATISTIC = /(?:^|[^a-z])(?:mean|avg|average|std|stddev|variance|var|median)(?:$|[^a-z])/i;

type Rule = (n: number, sem: FieldSemantics) => string | null;

const integerIn = (lo: number, hi: number, what: string): Rule => (n) =>
  Number.isInteger(n) && n >= lo && n <= hi ? null : `${what} must be an integer from ${lo} to ${hi}`;

/** A counter is a non-negative integer, but a mean or deviation of one (`Fwd Pkt Len Mean`) need not be whole. */
const quantity = (what: string): Rule => (n, sem) => {
  if (n < 0) return `${what} cannot be negative`;
  return Number.isInteger(n) || STATISTIC.test(sem.name) ? null : `${what} must be a whole number`;
};
const nonNegative = (what: string): Rule => (n) => (n >= 0 ? null : `${what} cannot be negative`);

const NUMERIC_RULES: Partial<Record<FieldSemantics['dimension'], Rule>> = {
  port: integerIn(0, 65_535, 'a port'),
  protocol: integerIn(0, 255, 'an IP protocol number'),
  ttl: integerIn(0, 255, 'a TTL'),
  'icmp-type': (n, sem) => (sem.unit === 'type·256+code' ? integerIn(0, 65_535, 'an ICMP type·256+code')(n, sem) : integerIn(0, 255, 'an ICMP type')(n, sem)),
  'icmp-code': integerIn(0, 255, 'an ICMP code'),
  'tcp-flags': integerIn(0, 65_535, 'a TCP flags bitmask'),
  asn: integerIn(0, 4_294_967_295, 'an AS number'),
  packets: quantity('a packet count'),
  bytes: quantity('a byte count'),
  flows: quantity('a flow count'),
  count: quantity('a count'),
  'bits/s': nonNegative('a rate'),
  'bytes/s': nonNegative('a rate'),
  'packets/s': nonNegative('a rate'),
  duration: nonNegative('a duration'),
  time: nonNegative('a time since 1970'),
};

/**
 * Why a value is impossible for its field's dimension, or null when it is possible (or unset, or a
 * kind with no range). Names are allowed where numbers are (`proto: "TCP"`), but a numeric
 * value must be in range and an address must parse.
 *
 * @example checkRange(describeField('L4_DST_PORT'), 70000) // 'L4_DST_PORT = 70000: a port must be an integer from 0 to 65535'
 */
export function checkRange(sem: FieldSemantics, value: unknown): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && UNSET.has(value.trim()))) return null;
  if (sem.unset?.some((u) => u === value || String(u) === String(value).trim())) return null;
  const reason = reasonFor(sem, value);
  return reason === null ? null : `${sem.name} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}: ${reason}`;
}

function reasonFor(sem: FieldSemantics, value: unknown): string | null {
  if (typeof value === 'boolean' || typeof value === 'object') return null;
  if (sem.dimension === 'address') return isIpAddress(value) ? null : 'not an IPv4 or IPv6 address';
  if (sem.dimension === 'mac') return typeof value === 'string' && !MAC.test(value) ? 'not a MAC address' : null;
  if (sem.dimension === 'tcp-flags' && sem.unit === 'hex bitmask' && typeof value === 'string') {
    return /^(?:0x)?[\da-f]{1,4}$/i.test(value) ? null : 'not a hexadecimal flags bitmask';
  }
  if (sem.dimension === 'time' && sem.unit === 'iso8601' && typeof value === 'string') {
    return Number.isNaN(Date.parse(value)) ? 'not an ISO 8601 time' : null;
  }
  const rule = NUMERIC_RULES[sem.dimension];
  if (rule === undefined) return null;
  const n = toNumber(value);
  if (n === undefined) return sem.dimension === 'port' ? 'not a port number' : null;
  if (!Number.isFinite(n)) return 'not a finite number';
  return rule(n, sem);
}
