import { badRow, isUnset, type RowAt } from './coerce.ts';

/** Unit of a numeric timestamp; `auto` guesses from the magnitude (s < 1e11 ≤ ms < 1e14 ≤ µs < 1e17 ≤ ns). */
export type TimeUnit = 's' | 'ms' | 'us' | 'ns' | 'auto';

const SCALE: Record<Exclude<TimeUnit, 'auto'>, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };

function scaleEpoch(n: number, unit: TimeUnit): number {
  if (unit !== 'auto') return n * SCALE[unit];
  const a = Math.abs(n);
  if (a < 1e11) return n * 1000;
  if (a < 1e14) return n;
  if (a < 1e17) return n / 1000;
  return n / 1e6;
}

// ISO 8601 and the seed's `YYYY-MM-DD HH:MM:SS`, optional fraction and offset (Z, +HH:MM, +HHMM, +HH)
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// CICFlowMeter: day first (CIC-IDS2017 `3/7/2017 8:55`, CSE-CIC-IDS2018 `14/02/2018 08:31:01`), optional AM/PM
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP])M)?$/i;

function offsetMinutes(zone: string | undefined, fallback: number): number {
  if (zone === undefined) return fallback;
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function fractionMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
}

/** Parse a date text (ISO 8601, seed form, CIC day-first form); NaN when it is none of them. */
export function parseDateText(text: string, defaultOffsetMin = 0): number {
  let m = ISO.exec(text);
  if (m !== null) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0)) + fractionMs(frac);
    return utc - offsetMinutes(zone, defaultOffsetMin) * 60_000;
  }
  m = DAY_FIRST.exec(text);
  if (m !== null) {
    const [, d, mo, y, h, mi, s, ampm] = m;
    let hour = +h!;
    if (ampm !== undefined) hour = (hour % 12) + (ampm.toUpperCase() === 'P' ? 12 : 0);
    return Date.UTC(+y!, +mo! - 1, +d!, hour, +mi!, +(s ?? 0)) - defaultOffsetMin * 60_000;
  }
  return NaN;
}

/**
 * Epoch milliseconds from an epoch number (s/ms/µs/ns by `unit`) or a date text.
 * Texts without an offset are UTC unless `defaultOffsetMin` says otherwise.
 */
export function toTimeMs(raw: unknown, field: string, at: RowAt, unit: TimeUnit, defaultOffsetMin = 0): number {
  let ms = NaN;
  if (typeof raw === 'number') ms = scaleEpoch(raw, unit);
  else if (typeof raw === 'string' && raw !== '') {
    const n = +raw;
    ms = n === n ? scaleEpoch(n, unit) : parseDateText(raw.trim(), defaultOffsetMin);
  }
  if (Number.isFinite(ms)) return ms;
  if (isUnset(raw)) return badRow(at, field, raw ?? null, 'missing time');
  return badRow(at, field, raw, 'unparseable time');
}

/** Same, but unset → null. */
export function toOptionalTimeMs(raw: unknown, field: string, at: RowAt, unit: TimeUnit, offsetMin = 0): number | null {
  return isUnset(raw) ? null : toTimeMs(raw, field, at, unit, offsetMin);
}
