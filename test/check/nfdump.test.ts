import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, notSupported } from './claim-verdicts.ts';

// a record as `nfdump -o json` writes it: lower-case names, in_/out_ counters, flags as "C E U A P R S F" with '.' where unset
const tcp = readTable({
  type: 'FLOW', sampled: 0, export_sysid: 1, first: '2026-03-14T02:17:44.120', last: '2026-03-14T02:17:46.004', received: '2026-03-14T02:18:00.000',
  in_packets: 12, in_bytes: 2048, proto: 6, tcp_flags: '...AP.SF', src_port: 40112, dst_port: 22, fwd_status: 0, src_tos: 0,
  src4_addr: '10.20.30.44', dst4_addr: '198.51.100.23', input_snmp: 3, output_snmp: 1, src_as: 0, dst_as: 64500, src_mask: 24, dst_mask: 16,
  ip4_router: '10.20.30.1', out_packets: 10, out_bytes: 3100, aggr_flows: 1,
}, 'nfdump.json');
const verdicts = (text: string): string[] => claimVerdicts(text, tcp).map((v) => v.split(': ').at(-1)!);

describe('nfdump JSON records', () => {
  it.each([
    ['The client sent 12 packets (2,048 bytes) and the server returned 10 packets.', ['supported', 'supported', 'supported']],
    ['The responder sent 3,100 bytes back.', ['supported']],
    ['The server sent more bytes than the client.', ['supported']],
    ['The source sent 10 packets.', ['contradicted']],
  ])('reads in_ counters as the source and out_ counters as the destination: %s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });

  it.each([
    ['The flags were SYN, ACK, PSH and FIN.', []],
    ['A RST was seen.', ['RST: contradicted']],
    ['The session saw SYN and FIN.', []],
    ['URG was set.', ['URG: contradicted']],
  ])('reads flags written as positional characters with dots: %s', (text, expected) => {
    expect(claimVerdicts(text, tcp, notSupported)).toEqual(expected);
  });

  it.each([
    ['The flow started at 02:17:44 and ended at 02:17:46.', []],
    ['The flow lasted about 1.9 seconds.', []],
    ['The flow started at 03:17.', ['03:17: contradicted']],
  ])('reads first and last as the flow\'s span: %s', (text, expected) => {
    expect(claimVerdicts(text, tcp, notSupported)).toEqual(expected);
  });
});

describe('flags as six positional characters (U A P R S F)', () => {
  const ipfixcol = readTable({ 'iana:sourceIPv4Address': '10.1.4.22', 'iana:destinationIPv4Address': '203.0.113.200', 'iana:protocolIdentifier': 'TCP', 'iana:tcpControlBits': '.AP.SF', 'iana:destinationTransportPort': 8443 }, 'ipfixcol2.json');
  it.each([
    ['The flags show SYN, PSH, ACK and FIN.', []],
    ['PSH was set.', []],
    ['A RST was seen.', ['RST: contradicted']],
    ['URG was set.', ['URG: contradicted']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, ipfixcol, notSupported)).toEqual(expected);
  });
});
