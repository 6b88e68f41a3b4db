import { isIPv6 } from 'node:net';
import { badRow, type RowAt } from './coerce.ts';
import { packIPv4 } from '../util/packed-ipv4.ts';

/** A dotted quad without leading zeros (the canonical text, the one packIPv4 takes): this runs twice per row on the hot path. */
function checkIPv4(s: string): boolean {
  return packIPv4(s) >= 0;
}

/** RFC 5952 text of 8 hextets: lower case, no leading zeros, the first longest run (≥ 2) of zeros as `::`. */
function formatIPv6(h: number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (h[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && h[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = h.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function parseIPv6(text: string): number[] {
  let s = text;
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) >= 0) {
    const quad = s.slice(lastColon + 1).split('.').map(Number);
    tail.push(((quad[0]! << 8) | quad[1]!) >>> 0, ((quad[2]! << 8) | quad[3]!) >>> 0);
    // keep a trailing '::' (it compresses zeros), drop a single trailing ':'
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const [head = '', rest] = s.split('::');
  const left = head === '' ? [] : head.split(':').map((x) => parseInt(x, 16));
  const right = rest === undefined || rest === '' ? [] : rest.split(':').map((x) => parseInt(x, 16));
  const fill = 8 - left.length - right.length - tail.length;
  return [...left, ...new Array<number>(rest === undefined ? 0 : fill).fill(0), ...right, ...tail];
}

/**
 * Texts already normalised, for the forms that take work (IPv6, brackets, zones), in two generations:
 * when the young one is full the old one is dropped and the young one takes its place, and a hit in
 * the old one moves back to the young. Bounded at twice CACHE_MAX, and an address that keeps coming
 * back stays, unlike a table cleared whole when it fills (which at 100k+ addresses emptied it over
 * and over). Plain IPv4, most flows, needs no cache at all.
 */
let young = new Map<string, string>();
let old = new Map<string, string>();
const CACHE_MAX = 50_000;

function remember(text: string, result: string): void {
  if (young.size >= CACHE_MAX) [old, young] = [young, new Map()];
  young.set(text, result);
}

/**
 * A copy of a text of 13+ characters that shares no storage with the input chunk it was cut from:
 * V8 makes such substrings views into their parent, so a held address would keep a whole chunk alive.
 * Slicing a concatenation flattens it into a fresh string first, far cheaper than a Buffer round trip.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/**
 * Normalise an address: IPv4 as dotted quad; IPv6 in RFC 5952 form (compressed, lower case);
 * an IPv4-mapped IPv6 address (::ffff:a.b.c.d) becomes the plain IPv4 address, because it names the same host.
 * A zone (`fe80::1%eth0`) is dropped. Returns null when the text is no address. Any other result than a
 * canonical dotted quad never shares storage with the text it was read from; a dotted quad is returned as
 * it came (a copy an address was measurable, issue 14, sixth round), because flowlens holds none long:
 * the reorder buffer and the window index keep it as a number (packIPv4). A caller that keeps every flow
 * of an input without times (readAllFlows) keeps the input's text with them, at most about the file's size.
 */
export function normalizeAddress(text: string): string | null {
  if (checkIPv4(text)) return text;
  const known = young.get(text) ?? old.get(text);
  if (known !== undefined) {
    if (!young.has(text)) remember(text, known);
    return known;
  }
  const bare = text.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let result: string | null = null;
  if (checkIPv4(bare)) result = bare;
  else if (isIPv6(bare)) {
    const h = parseIPv6(bare);
    const mapped = h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff;
    result = mapped ? `${h[6]! >> 8}.${h[6]! & 255}.${h[7]! >> 8}.${h[7]! & 255}` : formatIPv6(h);
  }
  if (result !== null) {
    result = detach(result);
    remember(detach(text), result);
  }
  return result;
}

/** A required address column: normalised, or the row is quarantined. */
export function toAddress(raw: unknown, field: string, at: RowAt): string {
  if (typeof raw === 'string') {
    const addr = normalizeAddress(raw);
    if (addr !== null) return addr;
    if (raw === '' || raw === '-') return badRow(at, field, raw, 'missing address');
  }
  if (raw === undefined || raw === null) return badRow(at, field, null, 'missing address');
  return badRow(at, field, raw, 'not an IPv4 or IPv6 address');
}
