import type { Prng } from './prng.ts';

/** A host with an IPv4 address and, for some, an IPv6 one. */
export interface Host {
  v4: string;
  v6: string | null;
}

/** The hosts of the synthetic network: internal clients and servers, and popularity-ranked public servers. */
export interface AddressBook {
  clients: Host[];
  webServers: Host[];
  mailExchangers: string[];
  /** Two internal resolvers share the lookups, as in most networks. */
  resolvers: Host[];
  ntpServer: string;
  mailServer: Host;
  sshHosts: string[];
}

// public first octets that real traffic goes to (clouds, CDNs); never private or documentation ranges
const PUBLIC_OCTETS = [13, 20, 23, 31, 34, 35, 40, 52, 54, 64, 66, 69, 74, 91, 93, 104, 108, 140, 142, 151, 157, 162, 172, 185, 199, 208, 216];

const hex = (n: number): string => n.toString(16);

/** Build the network for one seed: 600 clients, 2,500 web servers, a few internal services. */
export function createAddressBook(prng: Prng): AddressBook {
  const clients: Host[] = [];
  for (let i = 0; i < 600; i++) {
    const v4 = `10.20.${2 + (i >> 8)}.${(i & 255) || 1}`;
    clients.push({ v4, v6: i % 7 === 0 ? `fd00:20::${hex(0x100 + i)}` : null });
  }
  const webServers: Host[] = [];
  const seen = new Set<string>();
  while (webServers.length < 2500) {
    let octet = prng.pick(PUBLIC_OCTETS);
    if (octet === 172) octet = 173; // stay clear of 172.16/12
    const v4 = `${octet}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
    if (seen.has(v4)) continue;
    seen.add(v4);
    const v6 = prng.chance(0.35) ? `2a0${prng.int(0, 9)}:${hex(prng.int(0x1000, 0xffff))}:${hex(prng.int(0, 0xfff))}::${hex(prng.int(1, 0xffff))}` : null;
    webServers.push({ v4, v6 });
  }
  return {
    clients,
    webServers,
    mailExchangers: Array.from({ length: 40 }, () => `${prng.pick(PUBLIC_OCTETS)}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`),
    resolvers: [
      { v4: '10.0.0.53', v6: 'fd00::53' },
      { v4: '10.0.0.54', v6: 'fd00::54' },
    ],
    ntpServer: '10.0.0.123',
    mailServer: { v4: '10.0.0.25', v6: 'fd00::25' },
    sshHosts: ['10.0.1.22', '10.0.1.23', '10.0.1.24', '10.0.2.10'],
  };
}
