import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, notSupported, ofKind } from './claim-verdicts.ts';

// a NetFlow v9 record (RFC 3954 field type names): sampled 1 in 100, AS numbers, masks, SNMP interface indexes
const v9 = readTable({
  IPV4_SRC_ADDR: '10.12.4.77', IPV4_DST_ADDR: '198.18.240.9', IPV4_NEXT_HOP: '10.12.0.1', INPUT_SNMP: 3, OUTPUT_SNMP: 1, IN_PKTS: 412, IN_BYTES: 598740,
  FIRST_SWITCHED: 86234111, LAST_SWITCHED: 86291876, L4_SRC_PORT: 51522, L4_DST_PORT: 443, TCP_FLAGS: 27, PROTOCOL: 6, SRC_AS: 0, DST_AS: 64500, SRC_MASK: 24, DST_MASK: 16, SAMPLING_INTERVAL: 100,
}, 'v9.json');

describe('a NetFlow v9 record', () => {
  it.each(['The flow entered on SNMP interface 3 and left on interface 1.', 'Its SNMP ifIndex values are 3 and 1.', 'The SNMP index of the input is 3.'])('"SNMP interface" names a field, not the SNMP service: %s', (text) => {
    expect(claimVerdicts(text, v9, ofKind('service'))).toEqual([]);
  });

  it.each([
    ['The destination belongs to AS 64500.', []],
    ['It is owned by ASN 64500.', []],
  ])('an owner cue followed by the AS number is judged by the number: %s', (text, expected) => {
    expect(claimVerdicts(text, v9, ofKind('entity'))).toEqual(expected);
  });

  it.each([
    ['The record is sampled 1 in 100.', 'sampled 1 in 100: supported'],
    ['The traffic was sampled at 1:1000.', 'sampled at 1:1000: contradicted'],
    ['Packets were sampled 1 out of 100.', 'sampled 1 out of 100: supported'],
  ])('a sampling rate said with "sampled": %s', (text, expected) => {
    expect(claimVerdicts(text, v9, ofKind('field-value'))).toEqual([expected]);
  });

  it.each([
    ['The destination mask is /24.', 'The destination mask is /24: contradicted'],
    ['The source mask is /24.', 'The source mask is /24: supported'],
    ['The destination mask is /16.', 'The destination mask is /16: supported'],
  ])('a prefix length written "/N" against a mask field: %s', (text, expected) => {
    expect(claimVerdicts(text, v9, ofKind('field-value'))).toEqual([expected]);
  });
});

describe('the router interface a flow came in on or went out of', () => {
  it.each([
    ['The flow entered on SNMP interface 7 and left on interface 3.', ['entered on SNMP interface 7: contradicted', 'left on interface 3: contradicted']],
    ['The flow entered on SNMP interface 3 and left on interface 1.', ['entered on SNMP interface 3: supported', 'left on interface 1: supported']],
    ['It came in via interface 3.', ['came in via interface 3: supported']],
  ])('NetFlow v9 INPUT_SNMP / OUTPUT_SNMP: %s', (text, expected) => {
    expect(claimVerdicts(text, v9, ofKind('field-value'))).toEqual(expected);
  });

  it('IPFIX ingressInterface / egressInterface', () => {
    const ipfix = readTable({ sourceIPv4Address: '10.0.0.1', destinationIPv4Address: '10.0.0.2', ingressInterface: 12, egressInterface: 4 }, 'ipfix.json');
    expect(claimVerdicts('It arrived on interface 12 and exited through interface 5.', ipfix, ofKind('field-value'))).toEqual(['arrived on interface 12: supported', 'exited through interface 5: contradicted']);
  });
});

describe('a NetFlow v9 record with its export header', () => {
  // uptime stamps (FIRST_SWITCHED, LAST_SWITCHED) placed on the wall clock by the header's sysUpTime and UNIX Secs
  const exported = readTable({
    header: { version: 9, count: 1, sys_uptime: 3600500, unix_secs: 1717405200, sequence: 88412, source_id: 256 },
    record: { IPV4_SRC_ADDR: '192.168.10.77', IPV4_DST_ADDR: '185.199.108.153', L4_SRC_PORT: 58213, L4_DST_PORT: 443, PROTOCOL: 6, IN_PKTS: 18, IN_BYTES: 1420, FIRST_SWITCHED: 3540500, LAST_SWITCHED: 3598500 },
  }, 'v9.json');
  const verdicts = (text: string): string[] => claimVerdicts(text, exported, notSupported);

  it.each([
    'The flow started at 08:59:00 UTC and ended at 08:59:58 UTC.',
    'The export packet left at 09:00:00 UTC.',
    'It began 60 seconds before the export packet was sent.',
    'FIRST_SWITCHED and LAST_SWITCHED are 58 seconds apart, so the flow lasted 58 s.',
    'At 18 packets over 58 s the rate was about 0.31 packets per second.',
  ])('reads the uptime stamps as times of the flow: %s', (text) => {
    expect(verdicts(text)).toEqual([]);
  });

  it.each([
    ['The flow ended at 09:00:58 UTC.', ['09:00:58 UTC: contradicted']],
    ['The flow started at 09:00:00 UTC.', ['09:00:00 UTC: contradicted']],
    ['The flow lasted 3,540 seconds.', ['3,540 seconds: contradicted']],
    ['The exporter had been up for 36 minutes.', ['36 minutes: contradicted']],
  ])('and flags what they do not show: %s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });
});
