import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** Figures in lists and figures copied from a row (extract/quantities.ts sharedUnit, checkers/quantity.ts exactCount). */
const quantities = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, ofKind('quantity'));

const zeek = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', proto: 'tcp', orig_bytes: 75, resp_bytes: 243, orig_pkts: 7, orig_ip_bytes: 447, resp_pkts: 6, resp_ip_bytes: 563 }, 'conn.json');
const cic = readTable({ 'Flow Duration': 10235, 'Total Fwd Packets': 22, 'Total Backward Packets': 33, 'Total Length of Fwd Packets': 1984, 'Total Length of Bwd Packets': 2809, 'Destination Port': 22 }, 'cic.json');

describe('a bare figure in a list takes the unit written after the last one', () => {
  it.each([
    ['At the IP layer this amounts to 447 and 563 bytes respectively.', ['447: supported', '563 bytes: supported']],
    ['The two sides sent 447 and 563 bytes.', ['447: supported', '563 bytes: supported']],
    ['They exchanged 7 and 6 packets.', ['7: supported', '6 packets: supported']],
    ['It carried 440 and 563 bytes at the IP layer.', ['440: contradicted', '563 bytes: supported']],
    ['Counts were 7, 6, or 12 packets.', ['7: supported', '6: supported', '12 packets: contradicted']],
  ])('%s', (text, expected) => {
    expect(quantities(text, zeek)).toEqual(expected);
  });

  it('leaves a figure with no unit in its list alone', () => {
    expect(quantities('The scores were 7 and 6 in the end.', zeek)).toEqual([]);
  });
});

describe('a pair of side words qualifying "directions" or "sides" gives each figure its side', () => {
  it.each([
    ['The forward and backward directions carried 22 and 33 packets respectively.', ['22: supported', '33: supported']],
    ['The forward and backward directions carried 33 and 22 packets respectively.', ['33: contradicted', '22: contradicted']],
    ['The client and server sides sent 1,984 and 2,809 bytes.', ['1,984: supported', '2,809: supported']],
  ])('%s', (text, expected) => {
    expect(quantities(text, cic)).toEqual(expected);
  });
});

describe('a count written in full is the row value exactly', () => {
  it.each([
    ['It carried 447 bytes.', '447 bytes: supported'],
    ['It carried 448 bytes.', '448 bytes: contradicted'],
    ['The responder sent 536 bytes at the IP layer.', '536 bytes: contradicted'],
    ['It carried about 449 bytes.', 'about 449 bytes: supported'],
    ['It carried 450 bytes.', '450 bytes: supported'],
  ])('%s', (text, expected) => {
    expect(quantities(text, zeek)).toEqual([expected]);
  });
});

describe('a sampled count times the sampling rate estimates the whole', () => {
  // a goflow2 sFlow sample: one packet of 1,514 bytes, sampled at 1 in 512
  const sflow = readTable({ type: 'SFLOW_5', sampling_rate: 512, sampler_address: '10.255.0.1', bytes: 1514, packets: 1, src_addr: '203.0.113.77', dst_addr: '10.20.30.40', proto: 'TCP', src_port: 443, dst_port: 53122 }, 'goflow2.json');
  it.each([
    ['The real traffic is estimated at about 775,000 bytes (1,514 × 512).', ['about 775,000 bytes: supported']],
    ['Scaled up, that is about 512 packets.', ['about 512 packets: supported']],
    ['Scaled up, the flow carried about 2 MB.', ['about 2 MB: contradicted']],
  ])('%s', (text, expected) => {
    expect(quantities(text, sflow)).toEqual(expected);
  });
});

describe('a ratio of the two sides takes no side from a verb before it', () => {
  const nfv3 = readTable({ IPV4_SRC_ADDR: '13.58.98.64', IPV4_DST_ADDR: '172.31.69.25', L4_DST_PORT: 22, PROTOCOL: 6, IN_BYTES: 3148, OUT_BYTES: 3869, IN_PKTS: 23, OUT_PKTS: 23 }, 'nfv3.json');
  it.each([
    ['With 3,148 bytes sent and 3,869 bytes received, a ratio of about 0.81.', ['3,148 bytes: supported', '3,869 bytes: supported', 'about 0.81: supported']],
    ['The destination received 3,869 bytes, a ratio of about 1.23 to what it sent.', ['3,869 bytes: supported', 'about 1.23: supported']],
    ['It received 3,869 bytes, a ratio of 1.5 to what it sent.', ['3,869 bytes: supported', '1.5: contradicted']],
  ])('%s', (text, expected) => {
    expect(quantities(text, nfv3)).toEqual(expected);
  });
});
