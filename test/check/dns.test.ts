import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** DNS record types and response codes named in the text (extract/dns.ts, checkers/dns.ts). */
const dns = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'dns')
    .map((c) => `${c.text}: ${c.verdict}`);

const zeek = readTable({ ts: 1545420965.114, 'id.orig_h': '192.168.1.195', 'id.resp_h': '192.168.1.1', 'id.resp_p': 53, proto: 'udp', dns: { query: 'api.github.com', qtype: 1, qtype_name: 'A', rcode: 0, rcode_name: 'NOERROR' } }, 'dns.json');
const nprobe = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.53', L4_DST_PORT: 53, PROTOCOL: 17, DNS_QUERY_ID: 4242, DNS_QUERY_TYPE: 28 }, 'nprobe.json');
const eve = readTable({ src_ip: '10.0.0.5', dest_ip: '10.0.0.53', proto: 'UDP', dns: { type: 'answer', rrname: 'x.example', rrtype: 'TXT', rcode: 'NXDOMAIN' } }, 'eve.json');
const plain = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 17, IN_BYTES: 60 }, 'plain.json');

describe('DNS record types and response codes', () => {
  it.each([
    [zeek, 'It asked for the A record of api.github.com and got NOERROR.', ['A record: supported', 'NOERROR: supported']],
    [zeek, 'The resolver answered NXDOMAIN.', ['NXDOMAIN: contradicted']],
    [zeek, 'An AAAA query went out.', ['AAAA query: contradicted']],
    [nprobe, 'This was an AAAA lookup (query type 28).', ['AAAA lookup: supported']],
    [nprobe, 'The client sent a query of type MX.', ['type MX: contradicted']],
    [eve, 'The TXT answer came back with SERVFAIL.', ['TXT answer: supported', 'SERVFAIL: contradicted']],
    [eve, 'The name did not exist: NXDOMAIN.', ['NXDOMAIN: supported']],
  ])('reads the type and code by name or number in any schema: %s', (table, text, expected) => {
    expect(dns(text, table)).toEqual(expected);
  });

  it('says a record without DNS fields does not show them', () => {
    expect(dns('The server replied NXDOMAIN.', plain)).toEqual(['NXDOMAIN: unsupported']);
  });

  it.each(['It had a record of the session.', 'A record count of 3 was kept.'])('reads only capitalised type names as types: %s', (text) => {
    expect(dns(text, plain)).toEqual([]);
  });
});

describe('a DNS type given after a copula or a colon', () => {
  const nfv3 = readTable({ IPV4_SRC_ADDR: '172.31.64.92', IPV4_DST_ADDR: '172.31.0.2', L4_DST_PORT: 53, PROTOCOL: 17, DNS_QUERY_ID: 41342, DNS_QUERY_TYPE: 1 }, 'nfv3.json');
  it.each([
    ['The DNS query type was AAAA.', 'query type was AAAA: contradicted'],
    ['The query type is A.', 'query type is A: supported'],
    ['The record type: MX.', 'record type: MX: contradicted'],
  ])('%s', (text, expected) => {
    expect(checkNarrative(text, nfv3).claims.filter((c) => c.kind === 'dns').map((c) => `${c.text}: ${c.verdict}`)).toEqual([expected]);
  });
});
