/**
 * ICMP messages by the names texts give them, with their type (and code, where the name fixes one)
 * in ICMP for IPv4 and ICMPv6. Numbers from the IANA registries "Internet Control Message Protocol
 * (ICMP) Parameters" (RFC 792, RFC 1122, RFC 1812) and "Internet Control Message Protocol version 6
 * (ICMPv6) Parameters" (RFC 4443, RFC 4861), https://www.iana.org/assignments/icmp-parameters and
 * https://www.iana.org/assignments/icmpv6-parameters.
 */
export interface IcmpMessage {
  /** The name as this table writes it. */
  name: string;
  v4?: { type: number; code?: number };
  v6?: { type: number; code?: number };
}

export const ICMP_MESSAGES: readonly IcmpMessage[] = [
  { name: 'echo reply', v4: { type: 0 }, v6: { type: 129 } },
  { name: 'destination unreachable', v4: { type: 3 }, v6: { type: 1 } },
  { name: 'network unreachable', v4: { type: 3, code: 0 }, v6: { type: 1, code: 0 } },
  { name: 'host unreachable', v4: { type: 3, code: 1 }, v6: { type: 1, code: 3 } },
  { name: 'protocol unreachable', v4: { type: 3, code: 2 } },
  { name: 'port unreachable', v4: { type: 3, code: 3 }, v6: { type: 1, code: 4 } },
  { name: 'fragmentation needed', v4: { type: 3, code: 4 } },
  { name: 'administratively prohibited', v4: { type: 3, code: 13 }, v6: { type: 1, code: 1 } },
  { name: 'source quench', v4: { type: 4 } },
  { name: 'redirect', v4: { type: 5 }, v6: { type: 137 } },
  { name: 'echo request', v4: { type: 8 }, v6: { type: 128 } },
  { name: 'router advertisement', v4: { type: 9 }, v6: { type: 134 } },
  { name: 'router solicitation', v4: { type: 10 }, v6: { type: 133 } },
  { name: 'time exceeded', v4: { type: 11 }, v6: { type: 3 } },
  { name: 'parameter problem', v4: { type: 12 }, v6: { type: 4 } },
  { name: 'timestamp request', v4: { type: 13 } },
  { name: 'timestamp reply', v4: { type: 14 } },
  { name: 'packet too big', v6: { type: 2 } },
  { name: 'neighbor solicitation', v6: { type: 135 } },
  { name: 'neighbor advertisement', v6: { type: 136 } },
];

/** Other ways texts write the names: "ping request", "TTL exceeded", "net unreachable", British spelling. */
export const ICMP_NAME_ALIASES: Readonly<Record<string, string>> = {
  'ping request': 'echo request',
  'ping reply': 'echo reply',
  'ttl exceeded': 'time exceeded',
  'net unreachable': 'network unreachable',
  'dest unreachable': 'destination unreachable',
  'neighbour solicitation': 'neighbor solicitation',
  'neighbour advertisement': 'neighbor advertisement',
  'communication administratively prohibited': 'administratively prohibited',
};

/** The message a name (as written, any case, singular or plural, hyphens or spaces) stands for. */
export function icmpMessage(written: string): IcmpMessage | undefined {
  const key = written.toLowerCase().replace(/[-\s]+/g, ' ').replace(/(?:ies)$/, 'y').replace(/s$/, '').trim();
  const name = ICMP_NAME_ALIASES[key] ?? key;
  return ICMP_MESSAGES.find((m) => m.name === name);
}
