import { BlockList, isIP } from 'node:net';
import type { Claim, Judgement } from '../claim.ts';
import type { FactRow, TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';
import { partySide } from './identity.ts';

/**
 * Address space that is not the public Internet's: RFC 1918 private, RFC 6598 shared (carrier NAT),
 * loopback, RFC 3927 link-local, RFC 4193 unique local and IPv6 link-local and loopback.
 */
const INTERNAL_SPACE = new BlockList();
for (const [net, bits] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16]] as const) INTERNAL_SPACE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['fc00::', 7], ['fe80::', 10], ['::1', 128]] as const) INTERNAL_SPACE.addSubnet(net, bits, 'ipv6');

const SPACE_NOTE = 'RFC 1918, RFC 6598, loopback, link-local and RFC 4193 ranges are internal; the rest is public';

function scopeOf(address: string): 'internal' | 'external' | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  return INTERNAL_SPACE.check(address, family === 4 ? 'ipv4' : 'ipv6') ? 'internal' : 'external';
}

/** "an external IP address (192.168.250.106)", "the responder is inside the local network": the address's range decides. */
export function checkAddressScope(claim: Claim<'address-scope'>, facts: TableFacts): Judgement | null {
  const { address, party, scope } = claim.data;
  let row: FactRow | undefined;
  let value = address;
  if (party !== undefined) {
    const side = partySide(party, facts);
    row = side === undefined ? undefined : facts.endpoints.addresses[side].find((r) => typeof r.value === 'string' && isIP(String(r.value).trim()) !== 0);
    if (!row) return null;
    value = String(row.value).trim();
  }
  const actual = scopeOf(value!);
  if (actual === undefined) return null;
  const evidence = row ? rowEvidence([row], SPACE_NOTE) : { rows: ['address'], values: [value!], derivation: SPACE_NOTE };
  return actual === scope
    ? { verdict: 'supported', evidence, reason: `${value} is in ${actual === 'internal' ? 'internal (private or local)' : 'public'} address space.` }
    : { verdict: 'contradicted', evidence, reason: `${value} is in ${actual === 'internal' ? 'internal (private or local)' : 'public'} address space, not ${scope}.` };
}
