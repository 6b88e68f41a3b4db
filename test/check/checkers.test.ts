import { describe, expect, it } from 'vitest';
import { checkNarrative, CLAIM_CHECKERS, ClaimKind, type CheckedClaim } from '../../src/check/index.ts';
import { readTable } from '../../src/table/read.ts';

/** The seed's flow as a flat table (names as the seed gives them; aliases resolve through the registry). */
const seed = readTable({
  ID: '3943031', IP_SRC_ADDR: '2a0b:e43:1::21', IP_DST_ADDR: '2002:becf:7b73::becf:7b73', L4_SRC_PORT: 443, L4_DST_PORT: 57360, PROTOCOL_NUM: 6,
  FIRST_SWITCHED: '2019-10-02 07:53:06', LAST_SWITCHED: '2019-10-02 07:54:11', IN_PKTS: 3730, IN_BYTES: 4761630, FLOW_DURATION_MILLISECONDS: 65870.0,
  avg_in_packet_size: 1276.5764075067025, inter_arrival_ms: 0.0, dst_flows_in_window: 3, src_entropy_PROTOCOL: 0.0, src_IN_PKTS_sum: 3730.0, src_flows_in_window: 1, src_flag_SYN: 0,
});

/** NF-v3 Bot/36 as GPT-4o saw it (shared/data/real/llm-explanations): TCP_FLAGS 22 = SYN|RST|ACK. */
const bot = readTable({
  IPV4_SRC_ADDR: '123.16.253.110', IPV4_DST_ADDR: '172.31.69.22', L4_SRC_PORT: 15157, L4_DST_PORT: 445, PROTOCOL: 6, FLOW_DURATION_MILLISECONDS: 1,
  IN_BYTES: 52, OUT_BYTES: 40, IN_PKTS: 1, OUT_PKTS: 1, TCP_FLAGS: 22, MIN_TTL: 127,
});

const withBaseline = readTable({
  schema_version: 1, flow_id: 'b1',
  features: [
    { name: 'IN_BYTES', value: 4761630, unit: 'bytes', description: 'Bytes sent from source to destination in this flow', baseline: { median: 1840, p99: 912000, percentile: 99.97 } },
    { name: 'IN_PKTS', value: 12, unit: 'packets', description: 'Packets sent from source to destination in this flow', baseline: { median: 10, p99: 900, percentile: 55 } },
  ],
  fields: [],
});

type Row = [string, ReturnType<typeof readTable>, string, string, Omit<CheckedClaim, 'start' | 'end' | 'text'>];

/** [case, table, narrative, claim text, the whole verdict for that claim] */
const ROWS: Row[] = [
  ['bytes in MB, decimal', seed, 'The flow carried 4.76 MB.', '4.76 MB', { kind: 'quantity', verdict: 'supported', evidence: { rows: ['IN_BYTES'], values: [4761630] }, reason: 'IN_BYTES is 4,761,630.' }],
  ['rounded too far', seed, 'The flow carried 5.2 MB.', '5.2 MB', { kind: 'quantity', verdict: 'contradicted', evidence: { rows: ['IN_BYTES'], values: [4761630] }, reason: 'No table value or derivation of this dimension is 5.2 MB; e.g. IN_BYTES gives 4,761,630.' }],
  ['binary unit', seed, 'It moved 4.54 MiB.', '4.54 MiB', { kind: 'quantity', verdict: 'supported', evidence: { rows: ['IN_BYTES'], values: [4761630] }, reason: 'IN_BYTES is 4,761,630.' }],
  ['derived rate', seed, 'The rate was approx. 577 Kbps.', 'approx. 577 Kbps', { kind: 'quantity', verdict: 'supported', evidence: { rows: ['IN_BYTES', 'duration_ms'], values: [4761630, 65870], derivation: 'IN_BYTES × 8 / (duration_ms / 1000) = 578,306.361 bit/s' }, reason: 'Derived: IN_BYTES × 8 / (duration_ms / 1000) = 578,306.361 bit/s.' }],
  ['duration in seconds', seed, 'It lasted approximately 65.9 seconds.', 'approximately 65.9 seconds', { kind: 'quantity', verdict: 'supported', evidence: { rows: ['duration_ms'], values: [65870] }, reason: 'duration_ms is 65,870 ms.' }],
  ['wrong unit for a count', seed, 'IN_BYTES of 4,761,630 bytes per second.', '4,761,630 bytes per second', { kind: 'quantity', verdict: 'contradicted', evidence: { rows: ['IN_BYTES'], values: [4761630] }, reason: 'IN_BYTES is 4,761,630 bytes, not bytes per second.' }],
  ['value quoted for the wrong field', bot, 'Balanced IN_PKTS and OUT_PKTS (52 vs 40).', '52', { kind: 'quantity', verdict: 'contradicted', evidence: { rows: ['IN_PKTS', 'IN_BYTES'], values: [1, 52] }, reason: 'IN_PKTS is 1; 52 is the value of IN_BYTES.' }],
  ['IPv6 in another compressed form', seed, 'The source 2a0b:0e43:0001::0021 sent it.', '2a0b:0e43:0001::0021', { kind: 'address', verdict: 'supported', evidence: { rows: ['src_addr'], values: ['2a0b:e43:1::21'] }, reason: 'It is the source address.' }],
  ['address on the wrong side', seed, 'The destination 2a0b:e43:1::21 received it.', '2a0b:e43:1::21', { kind: 'address', verdict: 'contradicted', evidence: { rows: ['src_addr'], values: ['2a0b:e43:1::21'] }, reason: 'This is the source address, not the destination one.' }],
  ['port on the wrong side', seed, 'The destination port 443 was used.', '443', { kind: 'port', verdict: 'contradicted', evidence: { rows: ['src_port'], values: [443] }, reason: 'This is the source port, not the destination one.' }],
  ['well-known port and service', seed, 'It used port 443 (HTTPS).', 'HTTPS', { kind: 'service', verdict: 'supported', evidence: { rows: ['port'], values: [443], derivation: 'IANA well-known port 443: HTTPS, TLS, SSL, QUIC, web' }, reason: 'Port 443 is the well-known port of HTTPS.' }],
  ['wrong service for the port', bot, 'Traffic went to port 445 (HTTPS).', 'HTTPS', { kind: 'service', verdict: 'contradicted', evidence: { rows: ['port'], values: [445], derivation: 'IANA well-known port 445: SMB, CIFS' }, reason: 'Port 445 is the well-known port of SMB; HTTPS is port 443.' }],
  ['protocol name vs number', seed, 'This UDP flow.', 'UDP', { kind: 'protocol', verdict: 'contradicted', evidence: { rows: ['protocol'], values: [6], derivation: 'IANA protocol 6 = TCP' }, reason: 'Protocol 6 is not UDP.' }],
  ['address family', seed, 'Both ends use IPv4.', 'IPv4', { kind: 'address-family', verdict: 'contradicted', evidence: { rows: ['src_addr', 'dst_addr'], values: ['2a0b:e43:1::21', '2002:becf:7b73::becf:7b73'] }, reason: 'The addresses are IPv6, not IPv4.' }],
  ['timestamp', seed, 'It started at 2019-10-02 07:53:06 UTC.', '2019-10-02 07:53:06 UTC', { kind: 'timestamp', verdict: 'supported', evidence: { rows: ['start'], values: ['2019-10-02T07:53:06.000Z'] }, reason: 'start is 2019-10-02T07:53:06.000Z.' }],
  ['flag named set that is not', bot, 'The PSH flag was set.', 'PSH', { kind: 'tcp-flags', verdict: 'contradicted', evidence: { rows: ['TCP_FLAGS'], values: [22], derivation: 'TCP_FLAGS = 22 = SYN|RST|ACK' }, reason: 'PSH is not set: 22 = SYN|RST|ACK.' }],
  ['flag named unset that is set', bot, 'RST without SYN.', 'SYN', { kind: 'tcp-flags', verdict: 'contradicted', evidence: { rows: ['TCP_FLAGS'], values: [22], derivation: 'TCP_FLAGS = 22 = SYN|RST|ACK' }, reason: 'SYN is set: 22 = SYN|RST|ACK.' }],
  ['flags is a bitmask', bot, 'TCP_FLAGS 22 is unusually high.', 'unusually high', { kind: 'comparative', verdict: 'contradicted', evidence: { rows: ['TCP_FLAGS'], values: [22], derivation: 'TCP_FLAGS is a bitmask, not a quantity' }, reason: 'TCP_FLAGS is a code (bitmask); "unusually high" treats it as a magnitude.' }],
  ['TTL range', bot, 'A MIN_TTL of 127, the maximum possible value.', '127, the maximum possible value', { kind: 'value-range', verdict: 'contradicted', evidence: { rows: ['MIN_TTL'], values: [127], derivation: 'IP TTL is an 8-bit field: 0–255' }, reason: 'The IP TTL field is 8 bits, so its maximum is 255, not 127.' }],
  ['comparative against the baseline', withBaseline, 'IN_BYTES is unusually high.', 'unusually high', { kind: 'comparative', verdict: 'supported', evidence: { rows: ['IN_BYTES'], values: [4761630], derivation: 'IN_BYTES is at percentile 99.97 of the baseline (median 1,840, p99 912,000)' }, reason: '"unusually high" fits percentile 99.97 of the baseline.' }],
  ['comparative the baseline refutes', withBaseline, 'IN_PKTS is unusually high.', 'unusually high', { kind: 'comparative', verdict: 'contradicted', evidence: { rows: ['IN_PKTS'], values: [12], derivation: 'IN_PKTS is at percentile 55 of the baseline (median 10, p99 900)' }, reason: '"unusually high" does not fit percentile 55 of the baseline.' }],
  ['field absent from the table', seed, 'OUT_BYTES was small.', 'OUT_BYTES', { kind: 'absent-field', verdict: 'unsupported', reason: 'The table has no OUT_BYTES row.' }],
  ['direction share without OUT_*', seed, 'The vast majority of traffic flowed from the source.', 'The vast majority of traffic', { kind: 'share', verdict: 'unsupported', reason: 'The table has no OUT_BYTES (destination-to-source) value, so it cannot compare the two directions.' }],
  ['zero inter-arrival with one flow', seed, 'The inter-arrival time of 0 means packets arrived back-to-back.', 'back-to-back', { kind: 'null-reading', verdict: 'contradicted', evidence: { rows: ['inter_arrival_ms', 'src_flows_in_window'], values: [0, 1], derivation: 'inter_arrival_ms = 0 with src_flows_in_window = 1: no earlier flow from this source' }, reason: 'inter_arrival_ms here means there was no earlier flow from this source, not packets arriving back-to-back.' }],
  ['environment asserted', seed, 'This ran within a data center.', 'within a data center', { kind: 'entity', verdict: 'unsupported', reason: 'Nothing in the table shows this (environment: "within a data center").' }],
  ['attack hedged', seed, 'This may indicate a DDoS.', 'DDoS', { kind: 'entity', verdict: 'speculative', reason: 'Hedged: Nothing in the table shows this (attack or malware named as fact: "DDoS").' }],
  ['country stays unsupported when hedged', seed, 'The source is likely in China.', 'China', { kind: 'entity', verdict: 'unsupported', reason: 'Nothing in the table shows this (country or geolocation: "China").' }],
  ['initiation', seed, 'The client initiated the connection.', 'initiated the connection', { kind: 'initiation', verdict: 'unsupported', reason: 'The table does not show which side initiated the connection or how the handshake went ("initiated the connection").' }],
  ['SYN from src_syn_flows', seed, 'The SYN flag was not set.', 'SYN', { kind: 'tcp-flags', verdict: 'supported', evidence: { rows: ['src_syn_flows', 'src_flows_in_window'], values: [0, 1], derivation: 'src_syn_flows = 0 with one flow from the source in the window' }, reason: 'src_syn_flows = 0: the SYN bit is not set.' }],
];

describe('checkers (whole verdicts through checkNarrative)', () => {
  it.each(ROWS)('%s', (_name, table, narrative, claimText, expected) => {
    const result = checkNarrative(narrative, table);
    const claim = result.claims.find((c) => c.text === claimText);
    const start = narrative.indexOf(claimText);
    expect(claim).toEqual({ text: claimText, start, end: start + claimText.length, ...expected });
  });

  it('has a checker for every claim kind', () => {
    expect(Object.keys(CLAIM_CHECKERS).sort()).toEqual([...ClaimKind.options].sort());
  });

  it('summarises verdicts and grounding', () => {
    const result = checkNarrative('It carried 4.76 MB within a data center; this may indicate a DDoS.', seed);
    expect(result.summary).toEqual({ claims: 3, supported: 1, contradicted: 0, unsupported: 1, speculative: 1, hallucinated: 1, supported_share: 0.5, grounded: false });
  });

  it('offsets are into the text as given, and each claim text is its slice', () => {
    const text = '  \n**IN_BYTES** | 4,761,630 | high\nThe source 2a0b:e43:1::21 used TCP.';
    for (const c of checkNarrative(text, seed).claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('catches the real GPT-4o flag misreadings (TCP_FLAGS 22, 27, 24)', () => {
    const ssh = readTable({ IPV4_SRC_ADDR: '13.58.98.64', IPV4_DST_ADDR: '172.31.69.25', PROTOCOL: 6, TCP_FLAGS: 27 });
    const slow = readTable({ IPV4_SRC_ADDR: '18.217.165.70', IPV4_DST_ADDR: '172.31.69.25', PROTOCOL: 6, TCP_FLAGS: 24 });
    const verdicts = (text: string, table: ReturnType<typeof readTable>): string[] => checkNarrative(text, table).claims.filter((c) => c.kind === 'tcp-flags').map((c) => `${c.text}:${c.verdict}`);
    expect(verdicts('The combination of PSH and RST flags without SYN or ACK is not typical.', bot)).toEqual(['PSH and RST:contradicted', 'SYN:contradicted', 'ACK:contradicted']);
    expect(verdicts('They cite a high rate of TCP RST flags.', ssh)).toEqual(['RST:contradicted']);
    expect(verdicts('Highlighted by SYN-ACK patterns without completing the handshake.', slow)).toEqual(['SYN:contradicted', 'ACK:supported']);
  });
});
