import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Values copied from the record: HTTP status and method, rule ids, paths and file names (extract/literals.ts). */
const literals = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'literal')
    .map((c) => `${c.text}: ${c.verdict}`);

const ecs = readTable({ '@timestamp': '2025-11-11T11:09:44.139Z', source: { ip: '10.229.19.97', port: 39907 }, destination: { ip: '192.168.250.59', port: 80 }, url: { path: '/wp-login.php' }, http: { request: { method: 'POST' }, response: { status_code: 404 } }, rule: { id: '50100001', name: 'Possible SQL injection' } }, 'alert.json');
const eve = readTable({ src_ip: '192.168.250.106', dest_ip: '192.168.250.59', proto: 'TCP', alert: { signature_id: 2012843, signature: 'ET INFO Cleartext WordPress Login' }, http: { url: '/wp-login.php', http_method: 'POST', status: 302 }, payload_printable: 'GET /wp-includes/js/wp-emoji-release.min.js HTTP/1.1' }, 'eve.json');
const versions = readTable({ src_ip: '10.10.4.21', dest_ip: '185.220.101.34', proto: 'TCP', tls: { sni: 'cdn-update.example', version: 'TLS 1.2' }, http: { protocol: 'HTTP/1.1' } }, 'eve.json');
const flow = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_BYTES: 400 }, 'nprobe.json');

describe('values copied from the record', () => {
  it.each([
    [ecs, 'The server responded with status 404.', ['404: supported']],
    [ecs, 'It returned a 302 redirect.', ['302: contradicted']],
    [eve, 'The response was HTTP 302.', ['302: supported']],
    [eve, 'A 200 OK came back.', ['200: contradicted']],
  ])('checks an HTTP status against the status field: %s', (table, text, expected) => {
    expect(literals(text, table)).toEqual(expected);
  });

  it.each([
    [ecs, 'A POST request to /wp-login.php.', ['POST: supported', '/wp-login.php: supported']],
    [eve, 'The HTTP method was GET.', ['GET: contradicted']],
    [eve, 'The client sent a POST (login form).', ['POST: supported']],
  ])('checks an HTTP method against the method field: %s', (table, text, expected) => {
    expect(literals(text, table)).toEqual(expected);
  });

  it.each([
    [ecs, 'Rule 50100002 fired.', ['50100002: contradicted']],
    [ecs, 'Signature ID 50100001 matched.', ['50100001: supported']],
    [eve, 'The alert (SID: 2012843) is informational.', ['2012843: supported']],
  ])('checks a rule or signature id: %s', (table, text, expected) => {
    expect(literals(text, table)).toEqual(expected);
  });

  it.each([
    [eve, 'The page loaded wp-emoji-release.min.js.', ['wp-emoji-release.min.js: supported']],
    [ecs, 'It fetched wp-emoji-release.min.js.', ['wp-emoji-release.min.js: unsupported']],
    [ecs, 'The attacker probed /wp-admin/setup.php.', ['/wp-admin/setup.php: unsupported']],
    [eve, 'It posted to /wp-login.php, as the URL shows.', ['/wp-login.php: supported']],
  ])('backs a path or file name only by the record’s text: %s', (table, text, expected) => {
    expect(literals(text, table)).toEqual(expected);
  });

  it.each(['It ran 5 bytes/s over the /24 on 11/11/2025.', 'The agent is written in Node.js.', 'A SQL DELETE statement.', 'There were 100 response packets.', 'TCP/IP and/or UDP.'])('makes no literal claim of units, dates, products or SQL words: %s', (text) => {
    expect(literals(text, flow)).toEqual([]);
  });

  it.each([
    ['TLS 1.3 was negotiated.', ['TLS 1.3: contradicted']],
    ['A TLSv1.2 session.', ['TLSv1.2: supported']],
    ['The request used HTTP/1.0.', ['HTTP/1.0: contradicted']],
    ['HTTP/1.1 was used.', ['HTTP/1.1: supported']],
  ])('checks a protocol version against the record\'s version of that protocol: %s', (text, expected) => {
    expect(literals(text, versions)).toEqual(expected);
  });

  it('leaves a version unjudged where the record gives none', () => {
    expect(literals('SSH-2.0 servers answered.', versions)).toEqual([]);
  });

  it.each([
    [versions, 'The client asked for cdn-update.example over TLS.', []],
    [versions, 'The SNI was CDN-UPDATE.example.', []],
    [versions, 'The client was resolving evil-update.biz.', ['evil-update.biz: contradicted']],
    [versions, 'It then contacted www.google.com for updates.', ['www.google.com: contradicted']],
    [flow, 'The host beaconed to update.microsoft-cdn.net.', ['update.microsoft-cdn.net: unsupported']],
    [eve, 'The page loaded wp-emoji-release.min.js from the site.', ['wp-emoji-release.min.js: supported']],
  ])('checks a host name against the names the record holds: %s', (table, text, expected) => {
    expect(literals(text, table).filter((v) => /[a-z]\.[a-z]/i.test(v) && !v.startsWith('TLS'))).toEqual(expected.length === 0 ? [expect.stringMatching(/: supported$/)] : expected);
  });

  it.each(['The flow.alerted and rule.name fields hold it.', 'Built with Node.js on ASP.NET.', 'Version 1.2 of the rule.', 'i.e. the server, e.g. a proxy'])('reads no host in field names, products or abbreviations: %s', (text) => {
    expect(literals(text, eve).filter((v) => !/^\d/.test(v))).toEqual([]);
  });
});

describe('a Zeek connection state named by its code', () => {
  const conn = readTable({ ts: 1545480012.62, 'id.orig_h': '192.168.1.195', 'id.orig_p': 43763, 'id.resp_h': '81.2.69.142', 'id.resp_p': 23, proto: 'tcp', conn_state: 'S0', history: 'S', orig_pkts: 3 }, 'conn.json');
  it.each([
    [conn, 'The connection was rejected (REJ).', ['REJ: contradicted']],
    [conn, 'The state S0 means the SYN was never answered.', ['S0: supported']],
    [conn, 'conn_state is SF, a normal close.', ['SF: contradicted']],
    [flow, 'The REJ state is common for closed ports.', []],
  ])('%#: %s', (table, text, expected) => {
    expect(literals(text, table)).toEqual(expected);
  });
});
