import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Where an address lives, by its address space (extract/address-scope.ts, checkers/address-scope.ts). */
const scopes = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'address-scope')
    .map((c) => c.verdict);

const zeek = readTable({ 'id.orig_h': '192.168.1.195', 'id.orig_p': 43763, 'id.resp_h': '81.2.69.142', 'id.resp_p': 23, proto: 'tcp', orig_pkts: 1 }, 'conn.json');
const v6 = readTable({ src_ip: 'fd00::5', dest_ip: '2001:4860:4860::8888', dest_port: 53, proto: 'UDP' }, 'eve.json');

describe('internal and external addresses', () => {
  it.each([
    ['An external IP address (192.168.1.195) connected.', 'contradicted'],
    ['The internal host 192.168.1.195 scanned the Internet.', 'supported'],
    ['81.2.69.142 is a public host.', 'supported'],
    ['It reached a public IP, 81.2.69.142.', 'supported'],
    ['192.168.1.195 (private) reached a server.', 'supported'],
    ['81.2.69.142 is an internal server.', 'contradicted'],
  ])('judges a scope word beside an address: %s', (text, verdict) => {
    expect(scopes(text, zeek)).toEqual([verdict]);
  });

  it.each([
    ['The responder is inside the local network.', 'contradicted'],
    ['The server sits on the Internet.', 'supported'],
    ['The client is internal.', 'supported'],
    ['The originator was located within the corporate network.', 'supported'],
  ])('judges a scope said of a party of the flow: %s', (text, verdict) => {
    expect(scopes(text, zeek)).toEqual([verdict]);
  });

  it.each([
    ['The source fd00::5 is a private address.', 'supported'],
    ['The destination is external.', 'supported'],
    ['The client, fd00::5, is public.', 'contradicted'],
  ])('reads IPv6 unique-local space as internal: %s', (text, verdict) => {
    expect(scopes(text, v6)).toEqual([verdict]);
  });

  it.each(['The local port 43763 was used.', 'It reached a remote server.', 'The destination is not internal.', 'The server is on the network.'])('makes no claim of words that say nothing of the address space: %s', (text) => {
    expect(scopes(text, zeek)).toEqual([]);
  });
});
