import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Figures written in several parts or as words: compound durations, ranges of number words, side phrases. */
const verdicts = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'quantity')
    .map((c) => `${c.text}: ${c.verdict}`);

const udp = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 17, IN_PKTS: 3, OUT_PKTS: 1, IN_BYTES: 1380, OUT_BYTES: 90, FLOW_DURATION_MILLISECONDS: 449 }, 'udp.json');
const long = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_PKTS: 30, FLOW_DURATION_MILLISECONDS: 293_000 }, 'long.json');
const incident = readTable({ incident: { id: 'INC-1' }, evidence: [{ '@timestamp': '2025-02-03T22:10:02Z', source: { ip: '203.0.113.77' } }, { '@timestamp': '2025-02-03T22:11:40Z', source: { ip: '203.0.113.77' } }, { '@timestamp': '2025-02-03T22:14:55Z', source: { ip: '203.0.113.77' } }] }, 'incident.json');
const ttl = readTable({ src_addr: '10.0.8.41', dst_addr: '172.217.16.142', proto: 'TCP', ip_ttl: 63, bytes: 100 }, 'goflow2.json');
const v9 = readTable({ IPV4_SRC_ADDR: '10.0.5.23', IPV4_DST_ADDR: '10.0.9.2', PROTOCOL: 17, IN_PKTS: 100, FIRST_SWITCHED: 50_210_000, LAST_SWITCHED: 50_309_000 }, 'v9.json');
const zeekDns = readTable({ ts: 1545420965.114, 'id.orig_h': '192.168.1.195', 'id.resp_h': '192.168.1.1', 'id.resp_p': 53, proto: 'udp', orig_bytes: 36, resp_bytes: 52, orig_pkts: 1, orig_ip_bytes: 64, resp_pkts: 1, resp_ip_bytes: 80 }, 'conn.json');

describe('figures in several parts or in words', () => {
  it.each([
    ['The flow lasted 4 minutes 53 seconds.', '4 minutes 53 seconds: supported'],
    ['It ran for 4 min and 53 s.', '4 min and 53 s: supported'],
    ['It lasted 4 minutes, 30 seconds.', '4 minutes, 30 seconds: contradicted'],
    ['It lasted 1 h 2 min.', '1 h 2 min: contradicted'],
  ])('reads a duration in several units as one figure: %s', (text, expected) => {
    expect(verdicts(text, long)).toEqual([expected]);
  });

  it.each([
    ['The attempts span 4 minutes 53 seconds.', 'supported'],
    ['The events were 293 seconds apart, first to last.', 'supported'],
    ['The three attempts took 10 minutes.', 'contradicted'],
  ])('spans a record without start and end from its first listed event to its last: %s', (text, verdict) => {
    expect(verdicts(text, incident).map((v) => v.split(': ')[1])).toEqual([verdict]);
  });

  it.each([
    ['The flow lasted 99 seconds.', 'supported'],
    ['It was active for 1 minute 39 seconds.', 'supported'],
    ['The flow lasted 99,000 seconds.', 'contradicted'],
  ])('derives a duration from an exporter’s uptime stamps (NetFlow v9 FIRST_SWITCHED in ms): %s', (text, verdict) => {
    expect(verdicts(text, v9).map((v) => v.split(': ')[1])).toEqual([verdict]);
  });

  it.each([
    ['It sent between two and four packets.', 'between two and four packets: supported'],
    ['Between five and nine packets went out.', 'Between five and nine packets: contradicted'],
    ['The rate was between six and seven packets per second.', 'between six and seven packets per second: supported'],
    ['It sent about seven packets per second.', 'seven packets per second: supported'],
  ])('reads ranges and rates in number words: %s', (text, expected) => {
    expect(verdicts(text, udp)).toEqual([expected]);
  });

  it.each([
    ['The query payload was between 40 and 60 bytes.', 'between 40 and 60 bytes: contradicted'],
    ['The query payload was 36 bytes.', '36 bytes: supported'],
    ['The response payload was 80 bytes with headers.', '80 bytes: supported'],
    ['The client bytes were 52.', '52: contradicted'],
  ])('binds a figure to the side a phrase names ("query payload", "client bytes"): %s', (text, expected) => {
    expect(verdicts(text, zeekDns)).toEqual([expected]);
  });

  it.each([
    ['An initial TTL of 64 suggests a Linux sender.', 'supported'],
    ['The original time-to-live was 64.', 'supported'],
    ['It points to an initial TTL of 128 (Windows).', 'contradicted'],
    ['The TTL was 64.', 'contradicted'],
  ])('reads an initial TTL as the sender\'s starting value, the TTL seen as the TTL seen: %s', (text, verdict) => {
    expect(verdicts(text, ttl).map((v) => v.split(': ')[1])).toEqual([verdict]);
  });

  it.each(['The upload started at 14:05 UTC.', 'It ended at 16:18:20 UTC.', 'The flow began at 03:23 UTC.'])('reads no time of day in an exporter uptime: %s', (text) => {
    const claims = checkNarrative(text, v9).claims.filter((c) => c.kind === 'timestamp');
    expect(claims.map((c) => c.verdict)).toEqual(['unsupported']);
    expect(claims[0]!.reason).toMatch(/uptime/);
  });
});
