import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** NetFlow v9 and IPFIX records as exporters write them (uptime stamps, sampling, masks) and payloads carrying DNS names. */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] => claimVerdicts(text, table, kind === undefined ? undefined : ofKind(kind));

const v9 = readTable({ IPV4_SRC_ADDR: '10.12.4.77', IPV4_DST_ADDR: '198.18.240.9', IN_PKTS: 412, IN_BYTES: 598740, FIRST_SWITCHED: 86234111, LAST_SWITCHED: 86291876, L4_SRC_PORT: 51522, L4_DST_PORT: 443, PROTOCOL: 6, SRC_MASK: 24, DST_MASK: 16, SAMPLING_INTERVAL: 100 }, 'v9.json');
const ipfix = readTable({ sourceIPv4Address: '172.18.0.23', destinationIPv4Address: '104.16.85.20', protocolIdentifier: 17, sourceIPv4PrefixLength: 16, destinationIPv4PrefixLength: 20 }, 'ipfix.json');

describe('exporter records', () => {
  it.each([
    ['FIRST_SWITCHED is 86,234,111 ms of uptime.', '86,234,111 ms: supported'],
    ['The flow started about 24 hours after the router booted.', 'about 24 hours: supported'],
    ['It began 23 h 57 min into the router\'s uptime.', '23 h 57 min: supported'],
    ['The flow started 12 hours after the router booted.', '12 hours: contradicted'],
  ])('an uptime stamp is a time since the exporter started: %s', (text, expected) => {
    expect(verdicts(text, v9, 'quantity')).toContain(expected);
  });

  it.each([
    ['The real volume is about 100 times larger.', 'about 100 times: supported'],
    ['Scaled up 100 times for sampling, that is 41,200 packets.', '100 times: supported'],
    ['The true volume is about 50 times larger.', 'about 50 times: contradicted'],
  ])('the factor a sampled count is scaled by is the sampling rate: %s', (text, expected) => {
    expect(verdicts(text, v9, 'quantity')).toContain(expected);
  });

  it.each([
    ['The destination sits in a /16.', v9, 'destination sits in a /16: supported'],
    ['The source is on a /16.', v9, 'source is on a /16: contradicted'],
    ['The source prefix length is 24 bits.', v9, 'The source prefix length is 24: supported'],
    ['The destination network is a /24.', ipfix, 'destination network is a /24: contradicted'],
    ['The source sits in a /16.', ipfix, 'source sits in a /16: supported'],
  ])('a side\'s network prefix length: %s', (text, table, expected) => {
    expect(verdicts(text, table, 'field-value')).toContain(expected);
  });

  it('a prefix length in bits is no quantity of data', () => {
    expect(verdicts('The source prefix length is 24 bits.', v9, 'quantity')).toEqual([]);
  });
});

describe('a payload that carries a DNS message', () => {
  // a DNS query for drvnr.cloud (type A), base64 as Snort 3 writes b64_data
  const snort = readTable({ src_addr: '172.20.3.15', src_port: 53214, dst_addr: '8.8.8.8', dst_port: 53, proto: 'UDP', b64_data: 'q80BAAABAAAAAAAABWRydm5yBWNsb3VkAAABAAE=' }, 'snort.json');
  it.each([
    ['The payload is a DNS query for drvnr.cloud.', 'drvnr.cloud: supported'],
    ['The client looked up drvnr.cloud over UDP.', 'drvnr.cloud: supported'],
    ['The query was for drvnr.club.', 'drvnr.club: unsupported'],
  ])('names its hosts as the wire format writes them, length-prefixed labels: %s', (text, expected) => {
    expect(verdicts(text, snort, 'literal')).toContain(expected);
  });
});

describe('nProbe packet-size buckets and field lists', () => {
  const nprobe = readTable({ IPV4_SRC_ADDR: '172.31.69.25', IPV4_DST_ADDR: '18.219.211.138', L4_DST_PORT: 8080, PROTOCOL: 6, L7_PROTO: 7.0, IN_BYTES: 3220, IN_PKTS: 12, OUT_BYTES: 1540, OUT_PKTS: 9, NUM_PKTS_UP_TO_128_BYTES: 14, NUM_PKTS_128_TO_256_BYTES: 3, NUM_PKTS_256_TO_512_BYTES: 2, NUM_PKTS_512_TO_1024_BYTES: 1, DNS_QUERY_ID: 0, FTP_COMMAND_RET_CODE: 0, ICMP_TYPE: 0 }, 'nprobe.json');
  it.each([
    ['14 packets were up to 128 bytes, 3 between 128 and 256.', ['14 packets: supported', '3: supported']],
    ['Five packets were between 256 and 512 bytes.', ['Five packets: contradicted']],
    ['15 packets were under 128 bytes.', ['15 packets: contradicted']],
    ['Two packets fell between 256 and 512 bytes.', ['Two packets: supported']],
    ['14 of the 21 packets were up to 128 bytes.', ['21 packets: supported']],
    ['Of its 21 packets, 14 were up to 128 bytes.', ['21 packets: supported', '14: supported']],
    ['14 out of 25 packets were up to 128 bytes.', ['25 packets: contradicted']],
  ])('a count of packets with a bucket\'s size range is that bucket\'s count: %s', (text, expected) => {
    expect(verdicts(text, nprobe, 'quantity').filter((v) => /packets|^\d+:/.test(v))).toEqual(expected);
  });

  it.each([
    'The DNS, FTP and ICMP fields are all 0.',
    'The DNS and FTP fields are 0 here.',
    'Its FTP, DNS or ICMP columns hold nothing.',
  ])('services named in a list of fields are no claim the flow used them: %s', (text) => {
    expect(verdicts(text, nprobe, 'service')).toEqual([]);
  });
});
