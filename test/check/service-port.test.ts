import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** A service is read with the port on its own end of the flow (extract/identity.ts nearestPort). */
const services = (text: string): string[] =>
  checkNarrative(text, dns)
    .claims.filter((c) => c.kind === 'service')
    .map((c) => c.verdict);

const dns = readTable({ src_addr: '10.0.8.77', src_port: 41234, dst_addr: '10.0.0.53', dst_port: 53, proto: 17, bytes: 1380, packets: 3 }, 'goflow2.json');

describe('a service and the port of its own end', () => {
  it.each([
    'A query from 10.0.8.77 port 41234 to the DNS server 10.0.0.53 on port 53.',
    'Port 41234 sent to the DNS resolver at 10.0.0.53.',
    'The DNS server (port 53) answered a client on port 41234.',
    'From port 41234 → DNS on 10.0.0.53.',
  ])('does not take the port across "to" or "from": %s', (text) => {
    expect(services(text)).toEqual(['supported']);
  });

  it('still contradicts a service on its own port', () => {
    expect(services('The client ran DNS on port 41234.')).toEqual(['contradicted']);
  });
});

describe('a record that holds a protocol\'s own fields shows the protocol, whatever its ports', () => {
  it.each([
    [{ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', dest_port: 8081, http: { http_method: 'GET', status: 404, url: '/admin' } }, 'The client spoke HTTP to the server.', 'supported'],
    [{ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', dest_port: 5300, dns: { rrname: 'example.org', rrtype: 'TXT' } }, 'It was a DNS exchange.', 'supported'],
    [{ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', dest_port: 8081, http: { hostname: 'cdn.example', http_user_agent: 'curl/8.4.0' } }, 'It was plain HTTP.', 'supported'],
    [{ IPV4_SRC_ADDR: '10.0.0.5', IPV4_DST_ADDR: '10.0.0.9', L4_DST_PORT: 8081, DNS_QUERY_ID: 0, HTTP_URL: '/x' }, 'It was a DNS exchange.', 'unsupported'],
    [{ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', dest_port: 8443, tls: { sni: 'cdn.example' } }, 'It was a DNS exchange.', 'unsupported'],
  ])('%s', (record, text, verdict) => {
    const services = checkNarrative(text, readTable(record, 'alert.json')).claims.filter((c) => c.kind === 'service').map((c) => c.verdict);
    expect(services).toEqual([verdict]);
  });
});

describe('a service named beside the client\'s port is the server port\'s', () => {
  const dns = readTable({ source: { ip: '10.66.1.104', port: 58833 }, destination: { ip: '10.66.0.2', port: 53 }, network: { transport: 'udp' } }, 'alert.json');
  it.each([
    ['The host (source port 58833) sent a DNS query to 10.66.0.2.', 'supported'],
    ['It made a DNS lookup from source port 58833.', 'supported'],
    ['It used HTTP on port 58833.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(checkNarrative(text, dns).claims.filter((c) => c.kind === 'service').map((c) => c.verdict)).toEqual([verdict]);
  });
});
