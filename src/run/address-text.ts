import { isIP } from 'node:net';

/**
 * Where private addresses hide in free text, and their canonical forms (so one host gets one
 * placeholder whichever way it was written). Three kinds, replaced in this order:
 * - a name that embeds an address (`ec2-54-12-3-4.compute-1.amazonaws.com`, `ip-10-0-0-5`,
 *   `4.3.12.54.in-addr.arpa`): the whole name, since its other labels can give the address away;
 * - IPv6 in any form (compressed, full, upper case, with a zone, with an IPv4 tail);
 * - IPv4, zero-padded octets included (`010.020.030.040` is 10.20.30.40).
 */

/** A run of name characters holding a letter: a host or domain name, a uid, a word. */
const NAME_TOKEN = /[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/g;
/** Four octets joined by dots, dashes or underscores, not part of a longer number. */
const EMBEDDED_V4 = /(?<!\d)(\d{1,3})[-_.](\d{1,3})[-_.](\d{1,3})[-_.](\d{1,3})(?!\d)/;
const IPV6 = /(?<![0-9A-Fa-f:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?:%[0-9A-Za-z_.-]+)?(?![0-9A-Fa-f:])/;
const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/;
/** Either, in one left-to-right pass (so placeholders are numbered in reading order). */
const ADDRESS = new RegExp(`${IPV6.source}|${IPV4.source}`, 'g');

export type AddressKind = 'host' | 'name';

/**
 * Replace every address (and every name embedding one) in `text` with `replace(kind, canonical,
 * literal)`; everything else is kept byte for byte.
 */
export function replaceAddresses(text: string, replace: (kind: AddressKind, canonical: string, literal: string) => string): string {
  const names = text.replace(NAME_TOKEN, (token) => (/[A-Za-z]/.test(token) && embedsAddress(token) ? replace('name', token.toLowerCase(), token) : token));
  return names.replace(ADDRESS, (m: string, a?: string, b?: string, c?: string, d?: string) => {
    if (a === undefined) {
      const canonical = canonicalV6(m);
      return canonical === undefined ? m : replace('host', canonical, m);
    }
    const octets = [a, b, c, d].map(Number);
    return octets.every((o) => o <= 255) ? replace('host', octets.join('.'), m) : m;
  });
}

/** The canonical form of an address value (identity fields), or undefined when it is not one. */
export function canonicalAddress(value: string): string | undefined {
  const text = value.trim();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    return octets.every((o) => o <= 255) ? octets.join('.') : undefined;
  }
  return canonicalV6(text);
}

function embedsAddress(token: string): boolean {
  const m = EMBEDDED_V4.exec(token);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

function canonicalV6(literal: string): string | undefined {
  const bare = literal.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return undefined;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return bare.toLowerCase();
  }
}
