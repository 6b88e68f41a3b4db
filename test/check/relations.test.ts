import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Claims that relate two values of the record (extract/relations.ts, checkers/relation.ts). */
const relations = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'relation')
    .map((c) => c.verdict);

const nprobe = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', L4_SRC_PORT: 5353, L4_DST_PORT: 5353, PROTOCOL: 17, IN_PKTS: 6, OUT_PKTS: 2, IN_BYTES: 1380, OUT_BYTES: 460 }, 'nprobe.json');
const eve = readTable({ src_ip: '193.112.129.180', src_port: 15203, dest_ip: '193.200.130.243', dest_port: 443, proto: 'TCP', flow: { pkts_toserver: 4, pkts_toclient: 2, bytes_toserver: 236, bytes_toclient: 120 }, tcp: { tcp_flags_ts: '1b', tcp_flags_tc: '1b' } }, 'eve.json');
const cic = readTable({ 'Src IP': '172.31.69.25', 'Dst IP': '18.219.211.138', 'Src Port': 22, 'Dst Port': 50090, Protocol: 6, 'Tot Fwd Pkts': 22, 'Tot Bwd Pkts': 33, 'TotLen Fwd Pkts': 2184, 'TotLen Bwd Pkts': 4367 }, 'cic.json');

describe('relations between two values of the record', () => {
  it.each([
    [nprobe, 'The client sent three times as many packets as the server.', 'supported'],
    [eve, 'The client sent twice as many packets as the server.', 'supported'],
    [cic, 'There were twice as many backward packets as forward packets.', 'contradicted'],
    [nprobe, 'The reply was half the size of the request.', 'contradicted'],
    [cic, 'The server sent 2x as many bytes as the client.', 'supported'],
    [nprobe, 'The source sent twice as many bytes as the destination.', 'contradicted'],
  ])('checks a factor between the two sides: %s', (table, text, verdict) => {
    expect(relations(text, table)).toEqual([verdict]);
  });

  it.each([
    [nprobe, 'The source and destination ports are the same.', 'supported'],
    [nprobe, 'The two ports differ.', 'contradicted'],
    [eve, 'tcp_flags_ts and tcp_flags_tc are the same.', 'supported'],
    [eve, 'The byte counts in the two directions differ.', 'supported'],
    [nprobe, 'IN_PKTS and OUT_PKTS are equal.', 'contradicted'],
    [nprobe, 'The two addresses are not the same.', 'supported'],
  ])('checks "the same" and "differ" between two named values: %s', (table, text, verdict) => {
    expect(relations(text, table)).toEqual([verdict]);
  });

  it.each([
    [nprobe, 'The server sent more packets than the client.', 'contradicted'],
    [cic, 'The server sent more packets than the client did.', 'supported'],
    [eve, 'The destination transmitted far less data than the source.', 'supported'],
    [cic, 'The client received more bytes than it sent.', 'supported'],
    [nprobe, 'The client received more bytes than it sent.', 'contradicted'],
    [cic, "The server's byte count was higher than the client's.", 'supported'],
    [nprobe, 'Server packets outnumbered client packets.', 'contradicted'],
    [cic, "The responder's bytes exceeded the originator's.", 'supported'],
  ])('checks which side sent more, in any of the comparative constructions: %s', (table, text, verdict) => {
    expect(relations(text, table)).toEqual([verdict]);
  });

  it.each([
    'The server did not send more packets than the client.',
    'The client sent more than 1 KB.',
    'More packets than the client sent would be odd.',
  ])('reads no side comparison in a negation or a comparison with a figure: %s', (text) => {
    expect(relations(text, nprobe)).toEqual([]);
  });

  it('leaves a relation unjudged when the table holds neither value', () => {
    expect(relations('tcp_flags_ts and tcp_flags_tc are the same.', nprobe)).toEqual([]);
  });

  it.each(['IN_PKTS and OUT_PKTS differ most from the baseline.', 'IN_BYTES and OUT_BYTES are the same as in the other flows.', 'src_port and dst_port match the rule.'])('leaves a relation to a third thing unjudged: %s', (text) => {
    expect(relations(text, nprobe)).toEqual([]);
  });

  it.each(['The two ports differ.', 'The two addresses are private.', 'The two hosts talk often.'])('reads "the two …" as things named, not a count: %s', (text) => {
    expect(checkNarrative(text, nprobe).claims.filter((c) => c.kind === 'quantity')).toEqual([]);
  });

  it.each([
    ['The OUT_BYTES value is twice the IN_BYTES.', 'contradicted'],
    ['OUT_PKTS is twice IN_PKTS.', 'supported'],
    ['IN_PKTS is half of OUT_PKTS.', 'supported'],
    ['OUT_BYTES is three times IN_BYTES.', 'contradicted'],
  ])('relates two fields named by their keys: %s', (text, verdict) => {
    const table = readTable({ IPV4_SRC_ADDR: '18.218.115.60', IPV4_DST_ADDR: '172.31.69.25', PROTOCOL: 6, IN_BYTES: 44, OUT_BYTES: 40, IN_PKTS: 1, OUT_PKTS: 2 }, 'nprobe.json');
    expect(checkNarrative(text, table).claims.filter((c) => c.kind === 'relation').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['resp_pkts is twice orig_pkts.', 'relation', 'supported'],
    ['orig_pkts and resp_pkts differ.', 'relation', 'supported'],
    ['resp_pkts is 5.', 'quantity', 'contradicted'],
  ])('finds a field the table reader took for a registry feature by its own name: %s', (text, kind, verdict) => {
    const table = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '81.2.69.142', proto: 'tcp', orig_pkts: 3, resp_pkts: 6 }, 'conn.json');
    expect(checkNarrative(text, table).claims.filter((c) => c.kind === kind).map((c) => c.verdict)).toEqual([verdict]);
  });
});
