/** IANA protocol keywords (https://www.iana.org/assignments/protocol-numbers) for the numbers seen in flow data. */
const PROTOCOLS: Readonly<Record<number, string>> = {
  0: 'HOPOPT',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPv4',
  6: 'TCP',
  8: 'EGP',
  9: 'IGP',
  17: 'UDP',
  27: 'RDP',
  41: 'IPv6',
  43: 'IPv6-Route',
  44: 'IPv6-Frag',
  46: 'RSVP',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'IPv6-ICMP',
  59: 'IPv6-NoNxt',
  60: 'IPv6-Opts',
  88: 'EIGRP',
  89: 'OSPFIGP',
  94: 'IPIP',
  103: 'PIM',
  112: 'VRRP',
  115: 'L2TP',
  132: 'SCTP',
  136: 'UDPLite',
  137: 'MPLS-in-IP',
};

/** IANA keyword for a protocol number; `proto-<n>` when it is not in the short list above. */
export function protocolName(protocol: number): string {
  return PROTOCOLS[protocol] ?? `proto-${protocol}`;
}

const BY_NAME = new Map(Object.entries(PROTOCOLS).map(([n, name]) => [name.toLowerCase(), Number(n)]));
BY_NAME.set('icmpv6', 58).set('ipv6-icmp', 58);

/** The IANA number of a protocol keyword, in any case ("tcp", "UDP", "ICMPv6"); undefined when unknown. */
export function protocolNumber(name: string): number | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}
