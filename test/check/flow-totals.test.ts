import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// an NF-v3 SSH flow (CSE-CIC-IDS2018 SSH-Bruteforce batch, flow 29): 3,148 + 3,869 bytes, 23 + 23 packets in 345 ms
const ssh = readTable({ FLOW_START_MILLISECONDS: 1518631335675, IPV4_SRC_ADDR: '13.58.98.64', IPV4_DST_ADDR: '172.31.69.25', L4_SRC_PORT: 44710, L4_DST_PORT: 22, PROTOCOL: 6, FLOW_DURATION_MILLISECONDS: 345, IN_BYTES: 3148, OUT_BYTES: 3869, IN_PKTS: 23, OUT_PKTS: 23, TCP_FLAGS: 27 }, 'nfv3.json');
const zeek = readTable({ ts: 1518631335.675, 'id.orig_h': '13.58.98.64', 'id.resp_h': '172.31.69.25', 'id.resp_p': 22, proto: 'tcp', duration: 0.345, orig_bytes: 3148, resp_bytes: 3869, orig_pkts: 23, resp_pkts: 23 }, 'conn.json');

describe("a flow's whole rate is both directions over its length", () => {
  it.each([
    ['Throughput was roughly 20 KB/s in total.', 'supported'],
    ['The packet rate was about 133 packets per second.', 'supported'],
    ['The flow ran at about 163 kbit/s.', 'supported'],
    ['The packet rate was about 150 packets per second.', 'contradicted'],
  ])('%s', (text, verdict) => {
    for (const table of [ssh, zeek]) expect(claimVerdicts(text, table, ofKind('quantity')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it('is no one side\'s rate', () => {
    expect(claimVerdicts('The client sent about 133 packets per second.', ssh, ofKind('quantity')).map((v) => v.split(': ').at(-1))).toEqual(['contradicted']);
  });
});

describe("one party's two directions compared in percent ('more bytes than it received')", () => {
  it.each([
    ['The responder returned roughly 23% more bytes than it received.', 'supported'],
    ['The client sent about 19% fewer bytes than it received.', 'supported'],
    ['The client received 23 percent more data than it sent.', 'supported'],
    ['The server sent 40% more bytes than it received.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, ssh, ofKind('relation')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });
});

describe('a side named as a qualifier of what is measured ("client packets") is the side of the figure', () => {
  const gaps = readTable({ IPV4_SRC_ADDR: '13.58.98.64', IPV4_DST_ADDR: '172.31.69.25', PROTOCOL: 6, SRC_TO_DST_IAT_MAX: 124, DST_TO_SRC_IAT_MAX: 122, IN_BYTES: 3148, OUT_BYTES: 3869 }, 'nfv3.json');
  it.each([
    ['The longest gap between client packets was 122 ms.', 'contradicted'],
    ['The longest gap between client packets was 124 ms.', 'supported'],
    ["The largest gap between the server's packets was 122 ms.", 'supported'],
    ['Source-side traffic peaked at a 122 ms gap.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, gaps, ofKind('quantity')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });
});

describe('a reset where no sensor acted is an RST flag', () => {
  it.each([
    ['The connection was reset by the server.', 'contradicted'],
    ['The server reset the connection.', 'contradicted'],
  ])('FIN|SYN|PSH|ACK (27): %s', (text, verdict) => {
    expect(claimVerdicts(text, ssh, ofKind('entity')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it('RST set (22): the connection was reset', () => {
    const reset = readTable({ IPV4_SRC_ADDR: '13.58.98.64', PROTOCOL: 6, TCP_FLAGS: 22 }, 'nfv3.json');
    expect(claimVerdicts('The connection was reset.', reset, ofKind('entity'))).toEqual(['was reset: supported']);
  });
});

describe('"… and the client 32": a figure whose verb and unit are left out takes them from the figure before, and the side of its party', () => {
  const pkts = readTable({ IPV4_SRC_ADDR: '13.58.98.64', IPV4_DST_ADDR: '172.31.69.25', PROTOCOL: 6, IN_BYTES: 3148, OUT_BYTES: 3869, IN_PKTS: 23, OUT_PKTS: 19 }, 'nfv3.json');
  it.each([
    ['The server sent 19 packets and the client 32.', ['19 packets: supported', '32: contradicted']],
    ['The server sent 19 packets and the client 23.', ['19 packets: supported', '23: supported']],
    ['The client sent 3,148 bytes and the server 3,148.', ['3,148 bytes: supported', '3,148: contradicted']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, pkts, ofKind('quantity'))).toEqual(expected);
  });
});

describe("Zeek's history letters show retransmissions where no field counts them", () => {
  const conn = (history: string) => readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', proto: 'tcp', service: 'http', history }, 'conn.json');
  it.each([
    ['ShADadttcfF', 'There were retransmissions in the flow.', 'retransmissions: supported'],
    ['ShADadTfF', 'The flow shows retransmitted packets.', 'retransmitted: supported'],
    ['ShADadFf', 'There were retransmissions in the flow.', 'retransmissions: contradicted'],
  ])('%s: %s', (history, text, expected) => {
    expect(claimVerdicts(text, conn(history), ofKind('absent-field'))).toEqual([expected]);
  });
});
