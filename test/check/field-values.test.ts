import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** A field named and given a value (extract/field-values.ts, checkers/field-value.ts). */
const fieldValues = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'field-value')
    .map((c) => c.verdict);

const eve = readTable({ src_ip: '10.10.4.21', dest_ip: '185.220.101.34', proto: 'TCP', event_type: 'alert', app_proto: 'tls', direction: 'to_server', alert: { action: 'allowed', signature: 'ET MALWARE Observed Cobalt Strike CnC Domain', category: 'Domain Observed Used for C2 Detected', severity: 1 }, tls: { sni: 'cdn-update.example', version: 'TLS 1.2', ja3: { hash: '72a589da586844d7f0818ce684948eea' } }, flow: { state: 'established', reason: 'timeout' } }, 'eve.json');
const zeek = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '81.2.69.142', proto: 'tcp', service: '-', conn_state: 'REJ', history: 'Sr', label: 'Malicious' }, 'conn.json');

describe('a field named and given a value', () => {
  it.each([
    ['app_proto is http.', 'contradicted'],
    ['The alert severity is 3.', 'contradicted'],
    ['The severity is 1.', 'supported'],
    ['The SNI was evil.example.', 'contradicted'],
    ['The flow state was established.', 'supported'],
    ['The category is Attempted Information Leak.', 'contradicted'],
    ['The signature is "ET MALWARE Observed Cobalt Strike CnC Domain".', 'supported'],
    ['The JA3 hash is 72a589da586844d7f0818ce684948eea.', 'supported'],
    ['The flow reason was timeout.', 'supported'],
  ])('checks the value against the row of that name, by key or by words: %s', (text, verdict) => {
    expect(fieldValues(text, eve)).toEqual([verdict]);
  });

  it.each([
    ['The conn_state is S0.', 'contradicted'],
    ['The history is Sr.', 'supported'],
    ['The label is Malicious.', 'supported'],
  ])('reads Zeek fields: %s', (text, verdict) => {
    expect(fieldValues(text, zeek)).toEqual([verdict]);
  });

  it.each([
    [eve, 'The direction is unusual.'],
    [eve, 'The end of the flow came late.'],
    [eve, 'Its contribution to the severity is 3.'],
    [eve, 'The traffic is to_server.'],
    [zeek, 'The service is Telnet.'],
    [eve, 'The priority is 2.'],
    [eve, 'app_proto and direction are both set.'],
  ])('makes no claim of judgements, prepositions, descriptions, unset fields or fields the record lacks: %s', (table, text) => {
    expect(fieldValues(text, table)).toEqual([]);
  });
});

describe('a field named in full words where the key is short', () => {
  const snort = readTable({ rev: 4, priority: 1, msg: 'OS-WINDOWS SMB attempt', src_addr: '192.168.1.77', dst_addr: '10.0.0.5', proto: 'TCP', ttl: 128 }, 'snort.json');
  it.each([
    ['The rule revision is 3.', 'contradicted'],
    ['The rule revision is 4.', 'supported'],
    ['The alert priority is 2.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(fieldValues(text, snort)).toEqual([verdict]);
  });
});

describe('a qualified count or rate names a field ("the SYN flag count is 1"); a bare one does not', () => {
  const cic = readTable({ ' Destination Port': 8080, ' SYN Flag Count': 0, ' RST Flag Count': 1, ' Total Fwd Packets': 1 }, 'cic2017.json');
  it.each([
    ['The SYN flag count is 1.', ['The SYN flag count is 1: contradicted']],
    ['The RST flag count is 1.', ['The RST flag count is 1: supported']],
    ['The count is 1.', []],
  ])('%s', (text, expected) => {
    expect(checkNarrative(text, cic).claims.filter((c) => c.kind === 'field-value').map((c) => `${c.text}: ${c.verdict}`)).toEqual(expected);
  });
});

describe('a bare figure after a rate’s name is read in that rate’s dimension', () => {
  const cic = readTable({ ' Destination Port': 8080, ' Flow Duration': 43, ' Flow Packets/s': 46511.62791, 'Flow Bytes/s': 0 }, 'cic2017.json');
  it.each([
    ['The packet rate is 46,512.', ['46,512: supported']],
    ['The packet rate is 12,345.', ['12,345: unsupported']],
    ['The byte rate is 0.', ['0: supported']],
  ])('%s', (text, expected) => {
    expect(checkNarrative(text, cic).claims.filter((c) => c.kind === 'quantity').map((c) => `${c.text}: ${c.verdict}`)).toEqual(expected);
  });
});

describe('a service named with its field ("the DNS query ID") is no claim that the flow used it; a ratio named before its figure', () => {
  const nfv3 = readTable({ IPV4_SRC_ADDR: '172.31.64.101', IPV4_DST_ADDR: '209.85.202.113', L4_DST_PORT: 80, PROTOCOL: 6, IN_BYTES: 1647, OUT_BYTES: 2236, IN_PKTS: 19, OUT_PKTS: 17, DNS_QUERY_ID: 0 }, 'nfv3.json');
  const verdicts = (text: string): string[] => checkNarrative(text, nfv3).claims.map((c) => `${c.kind} ${c.text}: ${c.verdict}`);
  it.each([
    ['The DNS query ID of 0 shows that no DNS was involved.', ['field-value The DNS query ID of 0: supported']],
    ['The DNS query was for example.com.', ['service DNS: unsupported', 'literal example.com: unsupported']],
    ['The ratio of inbound to outbound bytes is 1.36.', ['quantity 1.36: supported']],
    ['The ratio of inbound to outbound bytes is 2.5.', ['quantity 2.5: contradicted']],
  ])('%s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });
});

describe('a thing the record keeps as an object is named by its name or id', () => {
  const wazuh = readTable({ rule: { level: 6, id: '31101' }, agent: { id: '004', name: 'web-prod-03', ip: '10.0.5.23' }, decoder: { name: 'web-accesslog' }, manager: { name: 'wazuh-manager' } }, 'wazuh.json');
  it.each([
    ['The agent is web-prod-04.', ['contradicted']],
    ['The agent was web-prod-03.', ['supported']],
    ['The decoder was web-errorlog.', ['contradicted']],
    ['The manager is wazuh-manager.', ['supported']],
    ['The agent was compromised.', []],
  ])('%s', (text, expected) => {
    expect(fieldValues(text, wazuh)).toEqual(expected);
  });
});

describe('a number said of a field whose name carries its id in parentheses', () => {
  const panos = readTable({ src: '198.51.100.23', dst: '10.30.1.12', dport: 80, proto: 'tcp', threatid: 'Netgear Multiple Routers Command Injection Vulnerability(92353)', severity: 'critical' }, 'panos.json');
  it.each([
    ['The threat ID is 92335.', ['contradicted']],
    ['The threat ID is 92353.', ['supported']],
    ['Its threat id was 92353.', ['supported']],
  ])('%s', (text, expected) => {
    expect(fieldValues(text, panos)).toEqual(expected);
  });
});

describe('a name that holds a service word is still the field\'s value', () => {
  const ftd = readTable({ SrcIP: '203.0.113.90', DstIP: '10.5.7.20', DstPort: 445, Protocol: 'tcp', AccessControlRuleName: 'Permit-Inbound-SMB', ApplicationProtocol: 'SMB', Label: 'SSH-Patator' }, 'ftd.json');
  it.each([
    ['The rule name was Deny-Inbound-SMB.', ['contradicted']],
    ['The rule name was Permit-Inbound-SMB.', ['supported']],
    ['The label is SSH-Patator.', ['supported']],
  ])('%s', (text, expected) => {
    expect(fieldValues(text, ftd)).toEqual(expected);
  });
});

describe('a router or firewall interface named by its name', () => {
  const ftd = readTable({ SrcIP: '203.0.113.90', DstIP: '10.5.7.20', IngressInterface: 'outside', EgressInterface: 'inside' }, 'ftd.json');
  const panos = readTable({ src: '198.51.100.23', dst: '10.30.1.12', inbound_if: 'ethernet1/1', outbound_if: 'ethernet1/3' }, 'panos.json');
  it.each([
    [ftd, 'It arrived on the outside interface and left through the inside interface.', ['supported', 'supported']],
    [ftd, 'It entered on the inside interface.', ['contradicted']],
    [panos, 'It entered on the ethernet1/1 interface and left on the ethernet1/2 interface.', ['supported', 'contradicted']],
    [ftd, 'It left through the same interface.', []],
  ])('%s', (table, text, expected) => {
    expect(fieldValues(text, table)).toEqual(expected);
  });
});

describe('a field\'s noun opening a sentence with no article', () => {
  const panos = readTable({ src: '198.51.100.23', dst: '10.30.1.12', action: 'reset-both', severity: 'critical', rule: 'inbound-web' }, 'panos.json');
  it.each([
    ['Severity was rated high.', ['contradicted']],
    ['Severity was critical.', ['supported']],
    ['Action: reset-both.', ['supported']],
    ['Action was allow.', ['contradicted']],
    ['It was an attack.', []],
  ])('%s', (text, expected) => {
    expect(fieldValues(text, panos)).toEqual(expected);
  });
});

describe('a field named after its owner\'s possessive', () => {
  const panos = readTable({ src: '198.51.100.23', dst: '10.30.1.12', action: 'reset-both', severity: 'critical', rule: 'inbound-web' }, 'panos.json');
  it.each([
    ["The alert's severity was medium.", ['contradicted']],
    ["The sensor's rule was inbound-web.", ['supported']],
    ["The policy's rule was outbound-web.", ['contradicted']],
  ])('%s', (text, expected) => {
    expect(fieldValues(text, panos)).toEqual(expected);
  });
});

describe('a VLAN by its number', () => {
  const ipfix = readTable({ sourceIPv4Address: '192.0.2.44', destinationIPv4Address: '198.51.100.80', protocolIdentifier: 6, vlanId: 20 }, 'ipfix.json');
  const eve = readTable({ src_ip: '192.0.2.44', dest_ip: '198.51.100.80', proto: 'TCP', vlan: [20, 30] }, 'eve.json');
  it.each([
    [ipfix, 'VLAN 30 carried it.', ['contradicted']],
    [ipfix, 'It was on VLAN ID 20.', ['supported']],
    [eve, 'It was tagged VLAN 30.', ['supported']],
    [eve, 'It crossed VLAN 40.', ['contradicted']],
  ])('%s', (table, text, expected) => {
    expect(fieldValues(text, table)).toEqual(expected);
  });
});

describe('a firewall zone by its name, on the way in or out', () => {
  const panos = readTable({ src: '198.51.100.23', dst: '10.30.1.12', from: 'untrust', to: 'dmz', action: 'reset-both' }, 'panos.json');
  const ftd = readTable({ SrcIP: '203.0.113.90', DstIP: '10.5.7.20', IngressZone: 'OUTSIDE-ZONE', EgressZone: 'INSIDE-ZONE' }, 'ftd.json');
  it.each([
    [panos, 'The session came from the dmz zone.', ['contradicted']],
    [panos, 'It crossed from the untrust zone to the dmz zone.', ['supported', 'supported']],
    [ftd, 'It came in from the outside zone and went to the inside zone.', ['supported', 'supported']],
    [ftd, 'Traffic moved from the inside zone.', ['contradicted']],
    [ftd, 'Both hosts sit in the same zone.', []],
  ])('%s', (table, text, expected) => {
    expect(fieldValues(text, table)).toEqual(expected);
  });
});
