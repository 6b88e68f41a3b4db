import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, notSupported } from './claim-verdicts.ts';

const flagged = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, notSupported);

// a real NF-BoT-IoT-v2 row (Theft, ICMP), as a flat dict
const nfv2 = readTable({ IPV4_SRC_ADDR: '192.168.100.3', L4_SRC_PORT: 0, IPV4_DST_ADDR: '192.168.100.150', L4_DST_PORT: 0, PROTOCOL: 1, IN_BYTES: 280, IN_PKTS: 5, OUT_BYTES: 0, OUT_PKTS: 0, LONGEST_FLOW_PKT: 56, SHORTEST_FLOW_PKT: 56, ICMP_TYPE: 771, Label: 1, Attack: 'Theft' }, 'nfv2.json');
const labelled = readTable({ src_ip: '10.1.1.20', dest_ip: '10.1.1.99', proto: 'TCP', host: { type: 'ip camera' } }, 'alert.json');

describe('what kind of device a host is, is a claim the record must hold', () => {
  it.each([
    ['The destination 192.168.100.150 is an IoT camera.', ['IoT camera: unsupported']],
    ['The destination is a smart thermostat.', ['smart thermostat: unsupported']],
    ['The scanner is a compromised workstation.', ['compromised: unsupported', 'workstation: unsupported']],
    ['It looks like a print server.', ['print server: speculative']],
  ])('%s', (text, expected) => {
    expect(flagged(text, nfv2)).toEqual(expected);
  });

  it('is backed by a field that holds it', () => {
    expect(flagged('The destination is an IP camera.', labelled)).toEqual([]);
  });
});

describe('an attack named by a verb form is named as fact', () => {
  it.each([
    ['This traffic was exfiltrating data from the victim.', 'exfiltrating: unsupported'],
    ['Data was exfiltrated.', 'exfiltrated: unsupported'],
    ['The attacker exfiltrates files.', 'exfiltrates: unsupported'],
  ])('%s', (text, expected) => {
    expect(flagged(text, nfv2)).toContain(expected);
  });
});

describe('a bare plural said to do something as a rule is general knowledge', () => {
  it.each([
    'IoT cameras are often targeted by Mirai.',
    'Scanners typically probe port 23 and 2323.',
    'Echo requests usually carry 56 bytes of data.',
    '**Background.** Botnets frequently use ICMP for reconnaissance.',
  ])('%s', (text) => {
    expect(flagged(text, nfv2)).toEqual([]);
  });

  it('still judges a plural said of this flow', () => {
    expect(flagged('The packets were 57 bytes.', nfv2)).toEqual(['57 bytes: contradicted']);
  });
});

describe('a field named in a later clause does not narrow an earlier figure', () => {
  it.each([
    ['The source sent 5 packets totalling 280 bytes, so each packet was 56 bytes, which matches both LONGEST_FLOW_PKT and SHORTEST_FLOW_PKT.', []],
    ['The source sent 280 bytes; LONGEST_FLOW_PKT is 56.', []],
    ['LONGEST_FLOW_PKT is 280 bytes.', ['280 bytes: contradicted']],
  ])('%s', (text, expected) => {
    expect(flagged(text, nfv2)).toEqual(expected);
  });
});
