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
