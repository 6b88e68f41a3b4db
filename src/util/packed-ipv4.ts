/**
 * A canonical dotted quad (four decimal octets 0..255, no leading zeros: what normalizeAddress makes of
 * IPv4) as one unsigned 32-bit number, and back to the same text. Why: the reorder buffer holds minutes
 * of flows; two address strings a held flow outlive a scavenge, and copying and promoting them was
 * most of ingest's garbage-collection time (issue 14, fifth round). A number in a typed array costs none.
 */

/**
 * The address as an unsigned 32-bit number, or -1 when the text is anything but a canonical dotted quad
 * (IPv6, leading zeros, spaces …): only then is packIPv4 → ipv4Text the identity.
 */
export function packIPv4(text: string): number {
  const len = text.length;
  if (len < 7 || len > 15) return -1;
  let packed = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      packed = packed * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1; // a leading zero would not survive the round trip
      octet = octet * 10 + (c - 48);
      if (octet > 255 || ++digits > 3) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return packed * 256 + octet;
}

/**
 * Texts of the two halves of an address ("198.51." and "225.147"), made at first use and kept: at most
 * 65,536 each, so an address's text is one concatenation of two shared strings.
 */
const HIGH = new Array<string | undefined>(65_536).fill(undefined);
const LOW = new Array<string | undefined>(65_536).fill(undefined);

/** The dotted-quad text of a number packIPv4 returned (≥ 0). */
export function ipv4Text(packed: number): string {
  const hi = packed >>> 16;
  const lo = packed & 0xffff;
  return (HIGH[hi] ??= `${hi >>> 8}.${hi & 255}.`) + (LOW[lo] ??= `${lo >>> 8}.${lo & 255}`);
}
