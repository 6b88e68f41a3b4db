import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/**
 * Claims on a full NF-v3 row (the 53 nProbe fields a model sees) and on other exporters' rows: the
 * application nDPI or a sensor named, a sampling rate said as "one in N", the side a sentence's
 * subject sends from, and a flags field of one side spelled out.
 */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => kind === undefined || c.kind === kind)
    .map((c) => `${c.text}: ${c.verdict}`);

const nf = readTable(
  { FLOW_START_MILLISECONDS: 1518617726191, FLOW_END_MILLISECONDS: 1518617726192, IPV4_SRC_ADDR: '18.219.211.138', L4_SRC_PORT: 48864, IPV4_DST_ADDR: '172.31.69.25', L4_DST_PORT: 80, PROTOCOL: 6, L7_PROTO: 7.0, IN_BYTES: 232, IN_PKTS: 5, OUT_BYTES: 1136, OUT_PKTS: 4, TCP_FLAGS: 27, CLIENT_TCP_FLAGS: 27, SERVER_TCP_FLAGS: 27, FLOW_DURATION_MILLISECONDS: 1, MIN_TTL: 63, MAX_TTL: 128, LONGEST_FLOW_PKT: 975, SHORTEST_FLOW_PKT: 40, NUM_PKTS_UP_TO_128_BYTES: 8, NUM_PKTS_512_TO_1024_BYTES: 1, TCP_WIN_MAX_IN: 8192, TCP_WIN_MAX_OUT: 26883, SRC_TO_DST_AVG_THROUGHPUT: 1856000, DST_TO_SRC_AVG_THROUGHPUT: 9088000 },
  'nf-v3.json',
);

describe('the application a detector named', () => {
  const eve = readTable({ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', dest_port: 8443, proto: 'TCP', app_proto: 'tls' }, 'eve.json');
  it.each([
    [nf, 'L7_PROTO 7.0 corresponds to HTTPS.', 'HTTPS: contradicted'],
    [nf, 'The nDPI label says HTTP.', 'HTTP: supported'],
    [nf, 'This is SSH traffic.', 'SSH: contradicted'],
    [eve, 'An HTTPS session on a non-standard port.', 'HTTPS: supported'],
    [eve, 'An SSH session.', 'SSH: contradicted'],
  ])('%#: %s', (table, text, expected) => {
    expect(verdicts(text, table, 'service')).toEqual([expected]);
  });

  it('is not judged from an unknown application ("-")', () => {
    const zeek = readTable({ 'id.orig_h': '1.2.3.4', 'id.resp_h': '5.6.7.8', 'id.resp_p': 6667, proto: 'tcp', service: '-' }, 'conn.json');
    expect(verdicts('IRC traffic over SSH.', zeek, 'service')).toEqual(['SSH: unsupported']);
  });
});

describe('a sampling rate said as one in N', () => {
  const goflow = readTable({ type: 'IPFIX', sampling_rate: 0, src_addr: '10.0.8.41', dst_addr: '172.217.16.142', bytes: 912400, packets: 640 }, 'goflow2.json');
  const ipfix = readTable({ sourceIPv4Address: '1.2.3.4', samplingInterval: 100, packetDeltaCount: 5 }, 'ipfix.json');
  const v9 = readTable({ IPV4_SRC_ADDR: '1.2.3.4', SAMPLING_INTERVAL: 1000, IN_PKTS: 5 }, 'v9.json');
  it.each([
    [goflow, 'A sampling_rate of 0 means one packet in 1,000 was sampled.', 'one packet in 1,000 was sampled: contradicted'],
    [goflow, 'The exporter used 1:1000 sampling.', '1:1000 sampling: contradicted'],
    [ipfix, 'One packet in every 100 was sampled.', 'One packet in every 100 was sampled: supported'],
    [ipfix, 'A sampling rate of 1 in 1000 applies.', 'sampling rate of 1 in 1000: contradicted'],
    [v9, 'One packet in 1,000 was sampled.', 'One packet in 1,000 was sampled: supported'],
  ])('%#: %s', (table, text, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });
});

describe('figures of the side a sentence’s subject names', () => {
  it.each([
    ['The destination sent 1,136 bytes in 4 packets.', ['1,136 bytes: supported', '4 packets: supported']],
    ['The destination sent 1,136 bytes in 5 packets.', ['1,136 bytes: supported', '5 packets: contradicted']],
    ['The server returned 5 packets.', ['5 packets: contradicted']],
    ['The source sent 5 packets to the destination.', ['5 packets: supported']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, nf, 'quantity')).toEqual(expected);
  });

  it.each(['The MIN_TTL of 63 and MAX_TTL of 128 suggest packets from two systems.', 'TTLs of 63 and 128 indicate packets from two hosts.'])('reads no count across a verb: %s', (text) => {
    expect(verdicts(text, nf, 'quantity').filter((v) => !v.endsWith('supported'))).toEqual([]);
  });
});

describe('a side’s flags field spelled out by a verb', () => {
  it.each([
    ['SERVER_TCP_FLAGS of 27 indicates SYN and ACK only.', 'SYN and ACK: contradicted'],
    ['CLIENT_TCP_FLAGS 27 shows FIN, SYN, PSH and ACK.', 'FIN, SYN, PSH and ACK: supported'],
    ['TCP_FLAGS 27 signals SYN, ACK and RST.', 'SYN, ACK and RST: contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, nf, 'tcp-flags')).toContain(expected);
  });
});

describe('AS numbers and hop counts', () => {
  const ipfix = readTable({ sourceIPv4Address: '198.51.100.23', destinationIPv4Address: '10.1.1.53', protocolIdentifier: 17, minimumTTL: 52, maximumTTL: 54, bgpSourceAsNumber: 64496, bgpDestinationAsNumber: 0 }, 'ipfix.json');
  it.each([
    ['It came from AS 64496.', 'literal', 'AS 64496: supported'],
    ['It came from AS64496.', 'literal', 'AS64496: supported'],
    ['The source ASN 64500 belongs to a hosting company.', 'literal', 'ASN 64500: contradicted'],
    // AS 0 is what an exporter writes when it does not know
    ['The destination AS is 15169.', 'literal', 'AS is 15169: unsupported'],
    ['The TTLs suggest about 10 hops from a Linux sender.', 'quantity', 'about 10 hops: supported'],
    ['The sender is about 30 hops away.', 'quantity', 'about 30 hops: contradicted'],
  ])('%s', (text, kind, expected) => {
    expect(verdicts(text, ipfix, kind)).toContain(expected);
  });

  it('reads an AS number once, not again as a named organisation', () => {
    expect(verdicts('It came from AS64496.', ipfix, 'entity')).toEqual([]);
  });
});

describe('size buckets and negated lists on a full NF-v3 row', () => {
  const row = readTable({ IPV4_SRC_ADDR: '172.31.69.28', IPV4_DST_ADDR: '18.219.9.1', L4_SRC_PORT: 61532, L4_DST_PORT: 8080, PROTOCOL: 6, IN_BYTES: 1864, IN_PKTS: 9, OUT_BYTES: 5921, OUT_PKTS: 8, NUM_PKTS_UP_TO_128_BYTES: 12, NUM_PKTS_128_TO_256_BYTES: 1, NUM_PKTS_256_TO_512_BYTES: 1, NUM_PKTS_512_TO_1024_BYTES: 0, NUM_PKTS_1024_TO_1514_BYTES: 3, DNS_QUERY_ID: 0, ICMP_TYPE: 0 }, 'nfv3.json');
  it.each([
    ['12 of the 17 packets were 128 bytes or less.', 'supported'],
    ['Twelve packets were no larger than 128 bytes.', 'supported'],
    ['The client sent 256 bytes.', 'contradicted'],
    ['12 packets were 100 bytes or less.', 'contradicted'],
  ])('a byte figure said as a limit is read as a bucket bound: %s', (text, verdict) => {
    expect(verdicts(text, row, 'quantity').filter((v) => /bytes/.test(v)).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it.each(['The flow carried no DNS, ICMP or FTP activity.', 'There was no HTTP, FTP, or ICMP traffic.', 'It used TCP, not UDP or ICMP.'])('a negation before a list governs each item: %s', (text) => {
    expect(verdicts(text, row, 'protocol').filter((v) => !/supported/.test(v))).toEqual([]);
  });
});
