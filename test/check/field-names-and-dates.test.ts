import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** Fields named by other nouns than their keys', days of a month without a year, and the sides of a query and its answer. */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] => claimVerdicts(text, table, kind === undefined ? undefined : ofKind(kind));

const weird = readTable({ ts: '2026-11-20T14:03:22.118Z', uid: 'C9kW3b1yZ2aB7cQx4', 'id.orig_h': '192.168.50.14', 'id.orig_p': 61022, 'id.resp_h': '151.101.1.69', 'id.resp_p': 443, name: 'bad_TCP_checksum', notice: false, peer: 'zeek-worker-3' }, 'weird.json');
const notice = readTable({ ts: 1700000000.5, note: 'SSL::Invalid_Server_Cert', msg: 'SSL certificate validation failed', src: '10.0.0.5', dst: '93.184.216.34', p: 443 }, 'notice.json');
const so = readTable({ '@timestamp': '2026-11-25T09:12:44.301Z', rule: { name: 'ET MALWARE Cobalt Strike Beacon Observed', uuid: '2027082', rev: 5 }, source: { ip: '10.40.3.18', port: 49822 }, destination: { ip: '45.61.137.20', port: 443 }, suricata: { alert: { signature_id: 2027082 } } }, 'so.json');
const wazuh = readTable({ timestamp: '2026-11-28T22:41:07.512+0000', rule: { id: '60204', level: 12 }, agent: { name: 'dc-02' }, data: { win: { eventdata: { targetUserName: 'svc_backup', ipAddress: '172.16.9.44', workstationName: 'WKS-113' } } } }, 'wazuh.json');
const ipfix = readTable({ sourceIPv4Address: '172.18.0.23', destinationIPv4Address: '104.16.85.20', sourceTransportPort: 50611, destinationTransportPort: 53, protocolIdentifier: 17, octetDeltaCount: 74, packetDeltaCount: 1, reverseOctetDeltaCount: 90, reversePacketDeltaCount: 1, sourceIPv4PrefixLength: 16, flowStartMilliseconds: '2026-11-29T18:20:01.250Z' }, 'ipfix.json');

describe('a field named by another noun than its key', () => {
  it.each([
    ['The SID was 2027083.', so, 'The SID was 2027083: contradicted'],
    ['The signature id is 2027082.', so, 'The signature id is 2027082: supported'],
    ['The rule id was 2027081.', so, 'The rule id was 2027081: contradicted'],
    ['The weird was dns_unmatched_reply.', weird, 'The weird was dns_unmatched_reply: contradicted'],
    ['The weird is bad_TCP_checksum.', weird, 'The weird is bad_TCP_checksum: supported'],
    ['The notice was SSL::Invalid_Server_Cert.', notice, 'The notice was SSL::Invalid_Server_Cert: supported'],
    ['The account was svc_backup.', wazuh, 'The account was svc_backup: supported'],
    ['The targeted account was administrator.', wazuh, 'The targeted account was administrator: contradicted'],
    ['The affected account is svc_backup.', wazuh, 'The affected account is svc_backup: supported'],
    ['The source prefix was /24.', ipfix, 'The source prefix was /24: contradicted'],
    ['The source prefix was /16.', ipfix, 'The source prefix was /16: supported'],
  ])('%s', (text, table, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });
});

describe('a day of a month without a year', () => {
  it.each([
    ['The event was logged on 21 November.', '21 November: contradicted'],
    ['It was logged on November 21.', 'November 21: contradicted'],
    ['It happened on 20 November.', '20 November: supported'],
    ['It happened on the 20th of November.', '20th of November: supported'],
    ['On 20 Nov the sensor saw it.', '20 Nov: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, weird, 'timestamp')).toContain(expected);
  });

  it('reads no date in a month name used otherwise', () => {
    expect(verdicts('The weird may be benign; in March the sensor was moved.', weird, 'timestamp')).toEqual([]);
  });
});

describe('a query is what the client sent, an answer what came back', () => {
  it.each([
    ['The query was 90 bytes.', '90 bytes: contradicted'],
    ['The response was 74 bytes.', '74 bytes: contradicted'],
    ['The request was 74 bytes.', '74 bytes: supported'],
    ['The replies were 90 bytes.', '90 bytes: supported'],
    ['The answer was 16 bytes larger than the query.', '16 bytes: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, ipfix, 'quantity')).toContain(expected);
  });
});

describe('which way the matched traffic went', () => {
  const snort = readTable({ src_addr: '185.220.101.47', dst_addr: '192.168.10.12', src_port: 44321, dst_port: 3389, dir: 'C2S', action: 'block', msg: 'ET CINS Poor Reputation IP' }, 'snort.json');
  it.each([
    ['The traffic was server-to-client.', 'server-to-client: contradicted'],
    ['This was client-to-server traffic.', 'client-to-server: supported'],
    ['The alerting packet went from the server to the client.', 'from the server to the client: contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, snort, 'packet-direction')).toContain(expected);
  });
});

describe('an address in advice', () => {
  it.each([
    ["Check the SSH server's authentication log for 10.0.0.5.", '10.0.0.5: supported'],
    ['Investigate traffic to 10.0.0.5 from other hosts.', '10.0.0.5: supported'],
    ['Block the destination 10.0.0.5 at the firewall.', '10.0.0.5: contradicted'],
    ['Review the logs of 10.0.0.6.', '10.0.0.6: contradicted'],
  ])('is the record\'s or not; a role only a side named before it gives: %s', (text, expected) => {
    expect(verdicts(text, notice, 'address')).toContain(expected);
  });
});

describe('intrusion event fields as Firepower and Zeek write them', () => {
  const ftd = readTable({ EventPriority: 'Medium', SrcIP: '10.22.5.9', DstIP: '185.199.110.153', SrcPort: 61234, DstPort: 53, Protocol: 'udp', Priority: 2, SID: 2024897, Classification: 'Potentially Bad Traffic', InlineResult: 'Dropped', Impact: 'Unknown' }, 'ftd.json');
  const conn = readTable({ conn: { uid: 'CabC12', 'id.orig_h': '10.9.0.4', 'id.resp_h': '10.9.0.200', 'id.resp_p': 445, proto: 'tcp' }, weird: { name: 'SMB_parsing_error', addl: 'NTLM auth', peer: 'worker-2' } }, 'weird.json');
  it.each([
    ['It was classified as Attempted Information Leak.', ftd, 'classified as Attempted Information Leak: contradicted'],
    ['The event is categorized as Potentially Bad Traffic.', ftd, 'categorized as Potentially Bad Traffic: supported'],
    ["The event's impact was Vulnerable.", ftd, "The event's impact was Vulnerable: contradicted"],
    ['The impact was Unknown.', ftd, 'The impact was Unknown: supported'],
    ['The inline result was Dropped.', ftd, 'The inline result was Dropped: supported'],
    ["The event's priority was High.", ftd, "The event's priority was High: contradicted"],
    ["The event's priority was medium.", ftd, "The event's priority was medium: supported"],
    ['The addl field says Kerberos auth.', conn, 'The addl field says Kerberos: contradicted'],
    ['The addl field reads NTLM auth.', conn, 'The addl field reads NTLM: supported'],
    ['The worker was worker-3.', conn, 'The worker was worker-3: contradicted'],
  ])('%s', (text, table, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });

  it.each([
    ['The impact was significant.', ftd],
    ['The weird was expected on this network.', conn],
    ['The weird was raised by the SMB analyzer.', conn],
  ])('a word of description is no field value: %s', (text, table) => {
    expect(verdicts(text, table, 'field-value')).toEqual([]);
  });

  it.each([
    'The query asked for an AAAA record (type 28, an IPv6 address).',
    'An AAAA lookup returns IPv6 addresses.',
    'The record type 28 asks for an IPv6 address.',
  ])('an address family said of a DNS record is no claim on the flow: %s', (text) => {
    expect(verdicts(text, ftd, 'address-family')).toEqual([]);
  });
});
