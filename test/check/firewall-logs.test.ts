import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/**
 * Firewall traffic logs and Snort 2's alert_csv as users have them (PAN-OS and FortiGate session
 * logs, Snort's CSV with hex fields): the rules that read them, each with several phrasings.
 */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] => claimVerdicts(text, table, kind === undefined ? undefined : ofKind(kind));

const panos = readTable({ receive_time: '2026/11/30 14:02:11', type: 'TRAFFIC', subtype: 'end', src: '10.1.4.22', dst: '203.0.113.77', natsrc: '198.51.100.5', natdst: '203.0.113.77', rule: 'Allow-Outbound-Web', srcuser: 'corp\\jdoe', app: 'ssl', from: 'trust', to: 'untrust', inbound_if: 'ethernet1/2', outbound_if: 'ethernet1/1', sessionid: 88213, sport: 51544, dport: 443, natsport: 21877, natdport: 443, proto: 'tcp', action: 'allow', bytes: 4823312, bytes_sent: 4712001, bytes_received: 111311, packets: 4120, start: '2026/11/30 13:47:02', elapsed: 908, srcloc: '10.0.0.0-10.255.255.255', dstloc: 'RU', session_end_reason: 'tcp-fin', pkts_sent: 3301, pkts_received: 819, device_name: 'PA-3220-edge' }, 'panos.json');
const fortigate = readTable({ date: '2026-12-01', time: '08:31:45', devname: 'FGT-HQ-01', type: 'traffic', subtype: 'forward', srcip: '10.10.20.5', srcport: 53122, srcintf: 'port2', dstip: '45.155.205.233', dstport: 8080, dstintf: 'wan1', dstcountry: 'Netherlands', proto: 6, action: 'close', policyid: 12, transip: '81.2.69.142', transport: 53122, duration: 3612, sentbyte: 1288, rcvdbyte: 912344, sentpkt: 22, rcvdpkt: 661, crlevel: 'high' }, 'fortigate.json');
const snort2 = readTable({ timestamp: '12/07-09:14:55.402117', sig_generator: 1, sig_id: 2403331, sig_rev: 82, msg: 'ET CINS Active Threat Intelligence Poor Reputation IP group 32', proto: 'TCP', src: '185.220.101.47', srcport: 44321, dst: '192.168.10.12', dstport: 3389, ethlen: '0x4A', tcpflags: '******S*', tcpwindow: '0xFAF0', ttl: 49, dgmlen: 60, class: 'Misc Attack', priority: 2, action: 'block', dir: 'C2S' }, 'alert.csv.json');

describe('firewall session logs', () => {
  it.each([
    ['The client was translated to 198.51.100.5 port 21877.', ['198.51.100.5: supported', '21877: supported']],
    ['Source NAT rewrote it to 198.51.100.5, port 21877.', ['198.51.100.5: supported', '21877: supported']],
    ['It was NATed to 198.51.100.50 on port 21878.', ['198.51.100.50: contradicted', '21878: contradicted']],
  ])('a translated address or port is the record\'s, not a made-up end: %s', (text, expected) => {
    expect(verdicts(text, panos).filter((v) => /^\d/.test(v))).toEqual(expected);
  });

  it.each([
    ['The session used source NAT to 81.2.69.142.', fortigate, '81.2.69.142: supported'],
    ['FortiGate translated the source to 81.2.69.142 port 53122.', fortigate, '81.2.69.142: supported'],
    ['The NAT address was 81.2.69.124.', fortigate, '81.2.69.124: contradicted'],
  ])('FortiGate transip and transport are NAT, not the source: %s', (text, table, expected) => {
    expect(verdicts(text, table)).toContain(expected);
  });

  it.each([
    ['The internal host sent 1,288 bytes in 22 packets.', ['1,288 bytes: supported', '22 packets: supported']],
    ['The server returned 912,344 bytes over 661 packets.', ['912,344 bytes: supported', 'over 661 packets: supported']],
    ['It lasted 3,612 seconds.', ['3,612 seconds: supported']],
  ])('FortiGate traffic counters are read by their names: %s', (text, expected) => {
    expect(verdicts(text, fortigate, 'quantity')).toEqual(expected);
  });

  it.each([
    ['The destination is in Russia.', 'Russia: supported'],
    ['Traffic went to a Russian-hosted server in Russia.', 'Russia: supported'],
    ['The destination sits in China.', 'China: unsupported'],
  ])('a country code in a field the vocabulary calls a country\'s is that country: %s', (text, expected) => {
    expect(verdicts(text, panos)).toContain(expected);
  });

  it.each([
    ['The session ended with a TCP FIN.', 'end-reason', 'ended with a TCP FIN: supported'],
    ['The session closed by a FIN.', 'end-reason', 'closed by a FIN: supported'],
    ['The session ended because of an aging timeout.', 'end-reason', 'ended because of an aging timeout: contradicted'],
    ['An aging timeout closed the session.', 'end-reason', 'aging timeout closed: contradicted'],
    ['A FIN was seen at the end.', 'tcp-flags', 'FIN: supported'],
  ])('why the session ended, and the flag its end reason names: %s', (text, kind, expected) => {
    expect(verdicts(text, panos, kind)).toContain(expected);
  });

  it.each([
    ['It was matched by rule Allow-Inbound-Web.', panos, 'rule Allow-Inbound-Web: contradicted'],
    ['The session hit the Allow-Outbound-Web rule.', panos, 'the Allow-Outbound-Web rule: supported'],
    ['Rule Allow-Outbound-Web permitted it.', panos, 'Rule Allow-Outbound-Web: supported'],
    ['The user was corp\\asmith.', panos, 'The user was corp\\asmith: contradicted'],
    ['The user corp\\jdoe opened it.', panos, 'user corp\\jdoe: supported'],
    ['The session was logged by firewall PA-5220.', panos, 'firewall PA-5220: contradicted'],
    ['The PA-3220-edge firewall logged it.', panos, 'The PA-3220-edge firewall: supported'],
    ['The FGT-HQ-02 firewall closed it.', fortigate, 'The FGT-HQ-02 firewall: contradicted'],
  ])('a rule, user or device named beside its noun: %s', (text, table, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });

  it.each([
    ['Traffic left through ethernet1/3.', panos, 'left through ethernet1/3: contradicted'],
    ['It entered on ethernet1/2.', panos, 'entered on ethernet1/2: supported'],
    ['The session left via wan1 toward the internet.', fortigate, 'left via wan1: supported'],
    ['It went out through port1.', fortigate, 'went out through port1: contradicted'],
  ])('an interface by its numbered name: %s', (text, table, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });

  it.each([
    ['The session was blocked by policy 12.', fortigate, 'blocked: contradicted'],
    ['The firewall allowed the session.', fortigate, 'allowed the session: supported'],
    ['The sensor only logged the packet and let it pass.', snort2, 'let it pass: contradicted'],
    ['Snort let the traffic through.', snort2, 'let the traffic through: contradicted'],
    ['The firewall let the session through.', panos, 'let the session through: supported'],
  ])('what the firewall did, in more verbs and in traffic-log actions: %s', (text, table, expected) => {
    expect(verdicts(text, table, 'entity')).toContain(expected);
  });
});

describe('Snort 2 alert_csv', () => {
  it.each([
    ['Rule 2403331 fired.', '2403331: supported'],
    ['It matched sid 2403331.', '2403331: supported'],
    ['Snort rule 2403332 fired.', '2403332: contradicted'],
  ])('sig_id is the rule id: %s', (text, expected) => {
    expect(verdicts(text, snort2)).toContain(expected);
  });

  it.each([
    ['It fired on revision 81 of the rule.', 'revision 81: contradicted'],
    ['Revision 82 of the rule matched.', 'Revision 82: supported'],
    ['The event was given a priority of 1.', 'priority of 1: contradicted'],
    ['Snort assigned priority 2.', 'priority 2: supported'],
    ['A priority 2 event on policy 7.', 'priority 2: supported'],
  ])('a field noun with its number, after a verb of giving or on its own: %s', (text, expected) => {
    expect(verdicts(text, snort2, 'field-value')).toContain(expected);
  });

  it.each([
    ['The TCP window was 1024.', 'The TCP window was 1024: contradicted'],
    ['The window advertised 64,240 bytes.', '64,240 bytes: supported'],
    ['The frame was 74 bytes and the datagram 60 bytes.', '74 bytes: supported'],
  ])('hex fields are read as the numbers they write: %s', (text, expected) => {
    expect(verdicts(text, snort2)).toContain(expected);
  });
});
