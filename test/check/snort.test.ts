import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Snort 3 alert_json events (vocabulary family `snort`): address:port fields and the 8-character flags. */
const verdicts = (text: string): string[] => checkNarrative(text, alert).claims.map((c) => `${c.kind} ${c.text}: ${c.verdict}`);

// Snort's default fields: timestamp pkt_num proto pkt_gen pkt_len dir src_ap dst_ap rule action, plus a few more
const alert = readTable({ timestamp: '12/17-19:17:54.565494', pkt_num: 12, proto: 'TCP', pkt_gen: 'raw', pkt_len: 60, dir: 'C2S', src_ap: '10.1.1.5:51822', dst_ap: '10.1.1.9:22', rule: '1:2001219:20', action: 'allow', msg: 'ET SCAN Potential SSH Scan', class: 'Attempted Information Leak', priority: 2, sid: 2001219, gid: 1, rev: 20, tcp_flags: '******S*', ttl: 64 }, 'alert_json.txt');

describe('Snort 3 alert_json', () => {
  it('reads the address and the port of an address:port field', () => {
    expect(alert.flow).toMatchObject({ src_addr: '10.1.1.5', dst_addr: '10.1.1.9', src_port: 51822, dst_port: 22 });
    expect(verdicts('10.1.1.5 scanned 10.1.1.9 on port 22 from port 51822.').filter((v) => /^(?:address|port) /.test(v))).toEqual([
      'address 10.1.1.5: supported', 'address 10.1.1.9: supported', 'port 22: supported', 'port 51822: supported',
    ]);
  });

  it.each([
    ['The packet had SYN and ACK set.', 'tcp-flags ACK: contradicted'],
    ['Only the SYN flag was set.', 'tcp-flags SYN: supported'],
    ['The flags were SYN and FIN.', 'tcp-flags SYN and FIN: contradicted'],
  ])('reads the flags written as 8 characters ("******S*"): %s', (text, expected) => {
    expect(verdicts(text)).toContain(expected);
  });

  it.each([
    ['Rule 2001219 fired.', 'literal 2001219: supported'],
    ['The priority is 1.', 'field-value The priority is 1: contradicted'],
    ['The class is Attempted Information Leak.', 'field-value The class is Attempted Information Leak: supported'],
    ['The TTL was 128.', 'quantity 128: contradicted'],
  ])('checks the rule and packet fields: %s', (text, expected) => {
    expect(verdicts(text)).toContain(expected);
  });
});

describe('a payload the record keeps base64-encoded is read decoded', () => {
  // "GET /gate.php?id=123 HTTP/1.1\r\nHost: updater.example\r\n"
  const cnc = readTable({ src_ap: '10.20.5.31:49210', dst_ap: '93.184.216.34:80', proto: 'TCP', msg: 'MALWARE-CNC Win.Trojan.Agent variant outbound connection attempt', priority: 1, rev: 3, b64_data: 'R0VUIC9nYXRlLnBocD9pZD0xMjMgSFRUUC8xLjENCkhvc3Q6IHVwZGF0ZXIuZXhhbXBsZQ0K' }, 'snort.json');
  const said = (text: string): string[] => checkNarrative(text, cnc).claims.filter((c) => c.kind === 'literal').map((c) => `${c.text}: ${c.verdict}`);
  it.each([
    ['The payload is an HTTP GET for /gate.php.', ['GET: supported', '/gate.php: supported']],
    ['Its Host header names updater.example.', ['updater.example: supported']],
    ['The request went to /panel/login.php.', ['/panel/login.php: unsupported']],
  ])('%s', (text, expected) => {
    expect(said(text)).toEqual(expected);
  });

  it.each([
    ['The alert has priority 3.', 'contradicted'],
    ['The alert has priority 1.', 'supported'],
    ['It carried rev 4.', 'contradicted'],
    ['An event with revision 3 fired.', 'supported'],
  ])('a field and its value after a verb of having: %s', (text, verdict) => {
    expect(checkNarrative(text, cnc).claims.filter((c) => c.kind === 'field-value').map((c) => c.verdict)).toEqual([verdict]);
  });
});
