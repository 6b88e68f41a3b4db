import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Figures given for the two sides of a flow, named by side words (extract/side-pairs.ts). */
const verdicts = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'quantity')
    .map((c) => `${c.text}: ${c.verdict}`);

const zeekHttp = readTable({ ts: 1545403816.96, 'id.orig_h': '192.168.1.195', 'id.orig_p': 41040, 'id.resp_h': '185.244.25.235', 'id.resp_p': 80, proto: 'tcp', duration: 3.14, orig_bytes: 140, resp_bytes: 2600, orig_pkts: 6, orig_ip_bytes: 460, resp_pkts: 5, resp_ip_bytes: 2868 }, 'conn.json');
const eveFlow = readTable({ src_ip: '193.112.129.180', src_port: 15203, dest_ip: '193.200.130.243', dest_port: 443, proto: 'TCP', flow: { pkts_toserver: 4, pkts_toclient: 2, bytes_toserver: 236, bytes_toclient: 120 } }, 'eve.json');
const big = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', 'id.resp_p': 80, proto: 'tcp', orig_bytes: 3851, resp_bytes: 101480 }, 'conn.json');
const ntp = readTable({ IPV4_SRC_ADDR: '172.31.64.81', IPV4_DST_ADDR: '172.31.0.2', L4_SRC_PORT: 123, L4_DST_PORT: 123, PROTOCOL: 17, IN_BYTES: 76, OUT_BYTES: 76, IN_PKTS: 1, OUT_PKTS: 1 }, 'ntp.json');
const dos = readTable({ IPV4_SRC_ADDR: '192.168.100.148', IPV4_DST_ADDR: '192.168.100.7', PROTOCOL: 6, IN_PKTS: 4, OUT_PKTS: 2, IN_BYTES: 560, OUT_BYTES: 80, RETRANSMITTED_IN_PKTS: 3, RETRANSMITTED_IN_BYTES: 420 }, 'nprobe.json');

describe('figures given per side of the flow', () => {
  it.each([
    [dos, 'Packets in/out were 4/3.', ['4: supported', '3: contradicted']],
    [dos, 'In/out packets: 4/2.', ['4: supported', '2: supported']],
    [eveFlow, 'Packets to server/client were 4/2 and bytes 236/120.', ['4: supported', '2: supported', '236: supported', '120: supported']],
    [eveFlow, 'Bytes to client/server: 236/120.', ['236: contradicted', '120: contradicted']],
    [zeekHttp, 'orig/resp packets were 6/5.', ['6: supported', '5: supported']],
    [zeekHttp, 'up/down 140/2600 bytes', ['140: supported', '2600: supported']],
  ])('reads a slash pair in the order of its side words: %s', (table, text, expected) => {
    expect(verdicts(text, table)).toEqual(expected);
  });

  it.each([
    [eveFlow, 'The client and server sent 120 and 236 bytes respectively.', ['120: contradicted', '236: contradicted']],
    [eveFlow, 'The client and server sent 236 and 120 bytes respectively.', ['236: supported', '120: supported']],
    [zeekHttp, 'The orig and resp byte counts were 140 and 2600.', ['140: supported', '2600: supported']],
    [zeekHttp, 'Sent and received: 460 and 2,868 bytes.', ['460: supported', '2,868: supported']],
  ])('reads a pair of side words with "and" and its figures in order: %s', (table, text, expected) => {
    expect(verdicts(text, table)).toEqual(expected);
  });

  it('counts both layers of a side: payload and IP bytes back "sent N bytes"', () => {
    expect(verdicts('Client/server bytes: 140/2,600.', zeekHttp)).toEqual(['140: supported', '2,600: supported']);
    expect(verdicts('Client/server bytes: 460/2,868.', zeekHttp)).toEqual(['460: supported', '2,868: supported']);
  });

  it.each([
    [ntp, 'Requests/replies: 1/2.', ['1: supported', '2: contradicted']],
    [ntp, 'query/response 1/1', ['1: supported', '1: supported']],
    [zeekHttp, 'Requests/responses were 1/1.', []],
  ])('reads requests and replies as packets only where each is one packet (UDP): %s', (table, text, expected) => {
    expect(verdicts(text, table)).toEqual(expected);
  });

  it.each([
    ['Three of the four client packets were retransmissions (420 bytes).', 'four client packets: supported'],
    ['The two server packets carried 80 bytes.', 'two server packets: supported'],
    ['It sent five source packets.', 'five source packets: contradicted'],
  ])('binds a count with a side word to that side: %s', (text, expected) => {
    expect(verdicts(text, dos)).toContain(expected);
  });

  it.each([
    ['It sent and received 3,851 and 101,480 bytes.', ['3,851: supported', '101,480: supported']],
    ['In/out bytes: 3,851, 101,480.', ['3,851: supported', '101,480: supported']],
    ['The client and server sent 101,480 and 3,851 bytes respectively.', ['101,480: contradicted', '3,851: contradicted']],
  ])('keeps a figure with thousands separators whole: %s', (text, expected) => {
    expect(verdicts(text, big)).toEqual(expected);
  });
});
