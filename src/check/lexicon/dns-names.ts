/**
 * DNS record types and response codes by name and number, from the IANA "Domain Name System (DNS)
 * Parameters" registry (RFC 1035 §3.2.2 and §4.1.1, RFC 3596 for AAAA, RFC 2782 for SRV, RFC 6844
 * for CAA, RFC 9460 for SVCB/HTTPS): https://www.iana.org/assignments/dns-parameters
 */
export const DNS_RECORD_TYPES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, HINFO: 13, MX: 15, TXT: 16, AAAA: 28, SRV: 33, NAPTR: 35, DS: 43, RRSIG: 46, NSEC: 47, DNSKEY: 48, SVCB: 64, HTTPS: 65, SPF: 99, AXFR: 252, ANY: 255, CAA: 257,
};

export const DNS_RESPONSE_CODES: Readonly<Record<string, number>> = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5, YXDOMAIN: 6, YXRRSET: 7, NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10,
};

/** A name for a record type or response code as a record writes it: a name ("AAAA", "nxdomain") or its number (28, "3"). */
export function dnsName(table: Readonly<Record<string, number>>, value: string | number): string | undefined {
  if (typeof value === 'number' || /^\d+$/.test(value.trim())) {
    const n = Number(value);
    for (const [name, code] of Object.entries(table)) if (code === n) return name;
    return undefined;
  }
  const upper = value.trim().toUpperCase();
  return upper in table ? upper : undefined;
}
