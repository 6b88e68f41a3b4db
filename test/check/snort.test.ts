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
