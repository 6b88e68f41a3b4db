import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const quantities = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, ofKind('quantity'));

// a CICFlowMeter row (no protocol column) and a UDP DNS flow from Suricata
const cic = readTable({ 'Destination Port': 80, 'Flow Duration': 5125003, 'Total Fwd Packets': 7, 'Total Backward Packets': 6, 'Total Length of Fwd Packets': 348, 'Bwd Packet Length Max': 5792, 'Init_Win_bytes_forward': 29200, Label: 'DoS Hulk' }, 'cic.json');
const dns = readTable({ src_ip: '10.0.0.5', dest_ip: '10.0.0.53', proto: 'UDP', dest_port: 53, flow: { pkts_toserver: 2, pkts_toclient: 2 } }, 'eve.json');
const counted = readTable({ src_ip: '10.0.0.5', dest_ip: '10.0.0.80', proto: 'TCP', http: { request_count: 13 } }, 'app.json');

describe('a count of an application’s messages', () => {
  it.each([
    ['It sent 500 requests per second.', '500 requests per second: unsupported'],
    ['It made 13 HTTP requests.', '13 HTTP requests: unsupported'],
    ['There were 40 failed login attempts.', '40 failed login attempts: unsupported'],
  ])('is not a count of packets over TCP: %s', (text, expected) => {
    expect(quantities(text, cic)).toEqual([expected]);
  });

  it.each([
    ['The client sent 2 DNS queries.', '2 DNS queries: supported'],
    ['It sent 5 queries.', '5 queries: contradicted'],
    ['The server returned 2 responses.', '2 responses: supported'],
  ])('is a count of packets over UDP: %s', (text, expected) => {
    expect(quantities(text, dns)).toEqual([expected]);
  });

  it.each([
    ['It made 13 HTTP requests.', '13 HTTP requests: supported'],
    ['It made 12 requests.', '12 requests: contradicted'],
  ])('is checked against a field that counts them: %s', (text, expected) => {
    expect(quantities(text, counted)).toEqual([expected]);
  });
});

describe('a count the record carries backs a count of messages', () => {
  // a Zeek notice: n is the count behind its message ("seen in 30 connections")
  const notice = readTable({ ts: 1709876543.218, note: 'SSH::Password_Guessing', msg: '198.51.100.23 appears to be guessing SSH passwords (seen in 30 connections).', src: '198.51.100.23', dst: '10.10.0.5', p: 22, n: 30 }, 'notice.json');
  it.each([
    ['The source made 30 SSH login attempts.', '30 SSH login attempts: supported'],
    ['It sent 30 login requests to the server.', '30 login requests: supported'],
    ['The source made 45 SSH login attempts.', '45 SSH login attempts: unsupported'],
  ])('%s', (text, expected) => {
    expect(quantities(text, notice)).toEqual([expected]);
  });
});

describe('a reference value named as a norm is not the record’s', () => {
  it.each([
    ['The largest backward packet was 5,792 bytes, which exceeds the typical MTU of 1,500 bytes.', ['5,792 bytes: supported']],
    ['The standard Ethernet MTU of 1,500 bytes was exceeded.', []],
    ['The default window of 65,535 bytes was not used.', []],
    ['The forward window was 29,200 bytes, the default of Linux.', ['29,200 bytes: supported']],
  ])('%s', (text, expected) => {
    expect(quantities(text, cic)).toEqual(expected);
  });
});
