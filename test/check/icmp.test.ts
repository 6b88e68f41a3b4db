import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** ICMP messages by name or number (extract/icmp.ts, checkers/icmp.ts, lexicon/icmp-messages.ts). */
const icmp = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, ofKind('icmp'));

// a real NF-BoT-IoT-v2 row: ICMP_TYPE is type·256+code (771 = type 3, code 3: port unreachable)
const unreachable = readTable({ IPV4_SRC_ADDR: '192.168.100.3', IPV4_DST_ADDR: '192.168.100.150', PROTOCOL: 1, IN_BYTES: 280, IN_PKTS: 5, ICMP_TYPE: 771, ICMP_IPV4_TYPE: 3 }, 'nfv2.json');
const echo = readTable({ sourceIPv4Address: '172.31.64.92', destinationIPv4Address: '172.31.0.2', protocolIdentifier: 1, icmpTypeCodeIPv4: 2048 }, 'ipfix.json');
const v6 = readTable({ src_ip: 'fe80::1', dest_ip: 'ff02::1:ff00:2', proto: 'IPv6-ICMP', icmp_type: 135, icmp_code: 0 }, 'eve.json');
const tcp = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, ICMP_TYPE: 0 }, 'nprobe.json');

describe('an ICMP message named or numbered', () => {
  it.each([
    ['These are port unreachable messages.', ['port unreachable: supported']],
    ['ICMP_TYPE 771 corresponds to type 3, code 3 — destination port unreachable.', ['port unreachable: supported']],
    ['The ICMP message is type 3, code 3 (port unreachable).', ['type 3: supported', 'code 3: supported', 'port unreachable: supported']],
    ['The ICMP type is 3 with code 1, host unreachable.', ['type is 3: supported', 'code 1: contradicted', 'host unreachable: contradicted']],
    ['The source sent 3 echo requests.', ['echo requests: contradicted']],
    ['These are ICMP echo requests (type 8).', ['echo requests: contradicted', 'type 8: contradicted']],
  ])('against nProbe type·256+code: %s', (text, expected) => {
    expect(icmp(text, unreachable)).toEqual(expected);
  });

  it.each([
    ['The host sent ping requests.', ['ping requests: supported']],
    ['It is an ICMP echo request, type 8 code 0.', ['echo request: supported', 'type 8: supported', 'code 0: supported']],
    ['The destination answered with echo replies.', ['echo replies: contradicted']],
    ['The probe hit a time-exceeded error.', ['time-exceeded: contradicted']],
  ])('against IPFIX icmpTypeCodeIPv4: %s', (text, expected) => {
    expect(icmp(text, echo)).toEqual(expected);
  });

  it.each([
    ['The host sent a neighbor solicitation (ICMPv6 type 135).', ['neighbor solicitation: supported', 'type 135: supported']],
    ['It was an echo request.', ['echo request: contradicted']],
  ])('in ICMPv6 numbers: %s', (text, expected) => {
    expect(icmp(text, v6)).toEqual(expected);
  });

  it('is not shown by a TCP flow, whatever its ICMP field holds', () => {
    expect(icmp('The server replied with ICMP port unreachable.', tcp)).toEqual(['port unreachable: unsupported']);
  });

  it.each(['ICMP type 3 means destination unreachable, which is not present here.', 'An HTTP redirect was seen.', 'The DNS query type 28 asks for AAAA.'])('reads no ICMP claim to judge in "%s"', (text) => {
    expect(icmp(text, echo)).toEqual([]);
  });

  it.each([
    "The server's maximum inter-arrival time exceeded the client's by 40 ms.",
    'The idle time exceeded 5 seconds.',
    'Its response time exceeded its usual value.',
  ])('reads "time exceeded" with an object after it as a clause, not the ICMP message: %s', (text) => {
    expect(icmp(text, tcp)).toEqual([]);
  });
});
