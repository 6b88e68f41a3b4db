/**
 * Shortest round-trip decimal digits of a double, written as bytes the way String(x) spells them
 * (issue 14): String(x) of a non-integer took about 290 ns and left a string to collect, and a
 * features CSV has about two such cells a row (rates of 16–17 significant digits).
 *
 * ECMAScript's Number::toString takes the fewest significant digits P whose decimal rounds back to x,
 * and among those the decimal nearest x. Decimals of at most 15 digits are more than an ulp apart
 * (10^15 < 2^53), so at most one of them rounds to x; for P = 16 and 17 the nearest P-digit decimal
 * rounds to x whenever any P-digit decimal does (x's rounding interval is symmetric unless its
 * mantissa is a power of two, which is left to String). So the digits are the nearest decimal of 15
 * digits (trailing zeros dropped) if it rounds to x, else of 16, else of 17. The nearest P-digit
 * decimal is found exactly: x·10^p as an unevaluated sum of two doubles (Dekker's product), and
 * whether it rounds to x by comparing its distance with half an ulp, both in units of 10^-p.
 * Anything near a tie, outside 1e-6 ≤ |x| < 1e15, or otherwise unusual returns -1 for String(x).
 */

/** 10^i, exact for i ≤ 22, and their Veltkamp halves for Dekker's product. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const POW10_HI = POW10.map((v) => {
  const c = 134217729 * v;
  return c - (c - v);
});
const POW10_LO = POW10.map((v, i) => v - POW10_HI[i]!);

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high 32-bit word of a float64 on this machine. */
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** 10^i (as close as a double gets) at [i + TEN_FROM], for i from -10 to 16. */
const TEN_FROM = 10;
const TEN_TO = Float64Array.from({ length: 27 }, (_, i) => 10 ** (i - TEN_FROM));

/** Half an ulp by binary exponent, 2^(e − 53) at [e + 1100] (`2 **` is a slow call). */
const HALF_ULP = Float64Array.from({ length: 2200 }, (_, i) => 2 ** (i - 1100 - 53));

/** nearest()'s D, the nearest integer to x·10^p, as [q, r] with D = q·1e8 + r, r < 1e8. */
const near = new Float64Array(2);

/**
 * 1: the nearest integer to x·10^p, read as a decimal scaled by 10^-p, rounds to x; 0: it does not;
 * -1: too close to call (a tie in rounding, or a distance within rounding noise of half an ulp).
 */
function nearest(x: number, p: number, halfUlp: number): number {
  // Dekker: x·10^p = hi + lo exactly.
  const c = 134217729 * x;
  const xHi = c - (c - x);
  const xLo = x - xHi;
  const hi = x * POW10[p]!;
  const lo = xHi * POW10_HI[p]! - hi + xHi * POW10_LO[p]! + xLo * POW10_HI[p]! + xLo * POW10_LO[p]!;
  // hi is an integer from 2^52 up; below, its fraction joins lo.
  const whole = hi >= 4503599627370496 ? hi : Math.floor(hi);
  const rest = hi - whole + lo;
  const k = Math.floor(rest + 0.5);
  const distance = Math.abs(rest - k);
  if (Math.abs(distance - 0.5) < 1e-6) return -1;
  // Split D = whole + k into q·1e8 + r with exact steps (q·1e8 is exact: 1e8 = 390,625·2^8).
  let q = Math.floor(whole / 1e8);
  let r = whole - q * 1e8 + k;
  while (r >= 1e8) {
    r -= 1e8;
    q++;
  }
  while (r < 0) {
    r += 1e8;
    q--;
  }
  near[0] = q;
  near[1] = r;
  const scaledHalf = halfUlp * POW10[p]!;
  if (Math.abs(distance - scaledHalf) <= 1e-6 * (scaledHalf + 1)) return -1;
  return distance < scaledHalf ? 1 : 0;
}

/**
 * Write x (finite, not an integer) at `at` as String(x) would and return the position after it, or -1
 * having written nothing when the fast path does not apply (then String(x) is the answer). At most 24 bytes.
 */
export function writeDouble(out: Uint8Array, at: number, x: number): number {
  const negative = x < 0;
  const v = negative ? -x : x;
  if (!(v >= 1e-6 && v < 1e15)) return -1;
  bits[0] = v;
  const high = words[HIGH]!;
  const low = words[1 - HIGH]!;
  if ((high & 0xfffff) === 0 && low === 0) return -1; // a power of two: its rounding interval is lopsided
  const exponent = ((high >>> 20) & 0x7ff) - 1023;
  const halfUlp = HALF_ULP[exponent + 1100]!;
  // floor(log10 v) from the binary exponent and one comparison (Math.log10 is a slow call); off by one
  // at worst next to a power of ten, which the digit count check below catches
  const guess = Math.floor(exponent * 0.3010299956639812);
  const e10 = v >= TEN_TO[guess + 1 + TEN_FROM]! ? guess + 1 : guess;
  const point = e10 + 1; // digits before the decimal point (≤ 0: zeros after it first)
  for (let digits = 15; digits <= 17; digits++) {
    const p = digits - point;
    if (p < 0 || p > 22) return -1;
    const found = nearest(v, p, halfUlp);
    if (found === -1) return -1;
    if (found === 0) continue;
    // The decimal must have exactly `digits` digits, else e10 was off.
    const lowQ = digits === 15 ? 1e6 : digits === 16 ? 1e7 : 1e8;
    const q = near[0]!;
    if (q < lowQ || q >= lowQ * 10) return -1;
    return writeDigits(out, at, negative, q, near[1]!, digits, point);
  }
  return -1;
}

const scratch = new Uint8Array(17);

/** The digits of q·1e8 + r (`count` of them), trailing zeros dropped, with the point after `point` digits. */
function writeDigits(out: Uint8Array, at: number, negative: boolean, q: number, r: number, count: number, point: number): number {
  // digits into scratch, most significant first: q has count − 8 digits, r exactly 8; both fit an
  // int32, and integer division stays off the slow floating-point remainder
  let x = r | 0;
  for (let i = count - 1; i >= count - 8; i--) {
    const next = (x / 10) | 0;
    scratch[i] = 48 + x - next * 10;
    x = next;
  }
  x = q | 0;
  for (let i = count - 9; i >= 0; i--) {
    const next = (x / 10) | 0;
    scratch[i] = 48 + x - next * 10;
    x = next;
  }
  let length = count;
  while (length > 1 && scratch[length - 1] === 48) length--;
  if (point >= length) return -1; // an integer: not this function's case
  let pos = at;
  if (negative) out[pos++] = 45; // '-'
  if (point <= 0) {
    out[pos++] = 48; // '0'
    out[pos++] = 46; // '.'
    for (let i = point; i < 0; i++) out[pos++] = 48;
    for (let i = 0; i < length; i++) out[pos++] = scratch[i]!;
    return pos;
  }
  for (let i = 0; i < point; i++) out[pos++] = scratch[i]!;
  out[pos++] = 46;
  for (let i = point; i < length; i++) out[pos++] = scratch[i]!;
  return pos;
}
