import { BadRowError } from '../errors.ts';

/** Where the row being converted sits; one mutable object per file, updated per row (no allocation). */
export interface RowAt {
  file: string;
  line: number;
}

/** Throw the quarantine error for one bad value. */
export function badRow(at: RowAt, field: string, value: unknown, reason: string): never {
  throw new BadRowError({ file: at.file, line: at.line, field, value }, reason);
}

/** Values that mean "not set": empty, Zeek's `-`, JSON null/absent. */
export function isUnset(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '' || raw === '-';
}

function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw !== '') return +raw;
  return NaN;
}

/** A required non-negative finite number (bytes, packets, durations). */
export function toCount(raw: unknown, field: string, at: RowAt): number {
  const n = toNumber(raw);
  if (n >= 0 && n !== Infinity) return n;
  if (isUnset(raw)) return badRow(at, field, raw ?? null, 'missing value');
  if (n < 0) return badRow(at, field, raw, 'negative count');
  return badRow(at, field, raw, 'not a number');
}

/** The largest value a 64-bit exporter counter can hold. */
const COUNTER_MAX = 2 ** 64 - 1;
/** Decimal digits, with an optional all-zero fraction (`1200.0`, as pandas writes integer columns). */
const WHOLE_DECIMAL = /^\s*\d+(?:\.0*)?\s*$/;

/**
 * A byte or packet counter: a whole number of at most 2^64 − 1, written in decimal. `Number()` alone
 * would take `0x10` as 16 and `1.5` as one and a half packets; both are quarantined instead.
 */
export function toCounter(raw: unknown, field: string, at: RowAt): number {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 0 && raw <= COUNTER_MAX) return raw;
  } else if (typeof raw === 'string' && WHOLE_DECIMAL.test(raw)) {
    const n = +raw;
    if (n <= COUNTER_MAX) return n;
    return badRow(at, field, raw, 'counter above 2^64 − 1, the largest a 64-bit counter holds');
  }
  const n = toCount(raw, field, at); // missing, negative or not a number: the same reasons as any count
  if (n > COUNTER_MAX) return badRow(at, field, raw, 'counter above 2^64 − 1, the largest a 64-bit counter holds');
  if (typeof raw === 'string' && /^\s*[+-]?0[xXoObB]/.test(raw)) return badRow(at, field, raw, 'not a decimal number (hex, octal and binary counters are not accepted)');
  return badRow(at, field, raw, 'not a whole number (a byte or packet count)');
}

/** An optional counter: unset → null. */
export function toOptionalCounter(raw: unknown, field: string, at: RowAt): number | null {
  return isUnset(raw) ? null : toCounter(raw, field, at);
}

/** An optional non-negative number: unset → null. */
export function toOptionalCount(raw: unknown, field: string, at: RowAt): number | null {
  return isUnset(raw) ? null : toCount(raw, field, at);
}

/** A port 0..65535, or null when unset. */
export function toPort(raw: unknown, field: string, at: RowAt): number | null {
  if (isUnset(raw)) return null;
  const n = toNumber(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  if (n !== n) return badRow(at, field, raw, 'not a number');
  return badRow(at, field, raw, 'port out of range 0..65535');
}

const PROTOCOL_NAMES: Record<string, number> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  gre: 47,
  esp: 50,
  ah: 51,
  icmp6: 58,
  icmpv6: 58,
  'ipv6-icmp': 58,
  ipv6icmp: 58,
  sctp: 132,
};

/** IANA protocol number from a number or a name (tcp, UDP, IPv6-ICMP …). */
export function toProtocol(raw: unknown, field: string, at: RowAt): number {
  const n = toNumber(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 255) return n;
  if (typeof raw === 'string') {
    const named = PROTOCOL_NAMES[raw.trim().toLowerCase()];
    if (named !== undefined) return named;
  }
  if (isUnset(raw)) return badRow(at, field, raw ?? null, 'missing value');
  return badRow(at, field, raw, 'not a protocol number 0..255 or a known protocol name');
}

const FLAG_LETTERS: Record<string, number> = { F: 1, S: 2, R: 4, P: 8, A: 16, U: 32, E: 64, C: 128 };

/**
 * TCP flags from a number (0..255), hex (`0x1a`, or bare hex when `hex` is set, as Suricata writes),
 * or nfdump-style letters (`.AP.SF`, `CEUAPRSF`; `.` = unset). Unset → null.
 */
export function toTcpFlags(raw: unknown, field: string, at: RowAt, hex = false): number | null {
  if (isUnset(raw)) return null;
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw !== 'string') n = NaN;
  else if (hex) n = /^(0x)?[0-9a-f]{1,2}$/i.test(raw) ? parseInt(raw, 16) : NaN;
  else {
    n = +raw;
    if (n !== n && /^[.FSRPAUEC]+$/.test(raw)) n = lettersToFlags(raw);
  }
  if (Number.isInteger(n) && n >= 0 && n <= 255) return n;
  return badRow(at, field, raw, 'TCP flags not a number 0..255, hex, or flag letters');
}

function lettersToFlags(text: string): number {
  let bits = 0;
  for (const ch of text) bits |= FLAG_LETTERS[ch] ?? 0;
  return bits;
}

/** A value for `fields`: numbers as numbers, unset as null, anything else as the text. */
export function toFieldValue(raw: unknown): number | string | null {
  if (typeof raw === 'number') return raw;
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') return JSON.stringify(raw);
  const n = +raw;
  // `+` accepts ' ' and '0x1f'; only plain decimal text becomes a number
  return Number.isFinite(n) && raw.charCodeAt(0) !== 32 && raw.charCodeAt(1) !== 120 ? n : raw;
}
