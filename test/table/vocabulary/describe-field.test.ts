import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeField, isKnownField } from '../../../src/table/vocabulary/index.ts';
import { REAL, realPresent } from './support.ts';

if (!realPresent) console.warn(`vocabulary real-header tests skipped: ${REAL} is absent (set FLOWLENS_REAL_DATA)`);

function headerOf(file: string): string[] {
  const fd = openSync(join(REAL, file), 'r');
  const buffer = Buffer.alloc(8192);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, read).toString('utf8').split('\n', 1)[0]!.trim().split(',');
}

describe.skipIf(!realPresent)('every column of the real nProbe files is a known field', () => {
  it.each([['nf-v3-cse-cic-ids2018-batches/flows_labeled.csv'], ['nf-v2-bot-iot/nf-bot-iot-v2_subset.csv']])('%s', (file) => {
    const header = headerOf(file);
    expect(header.length).toBeGreaterThan(15);
    expect(header.filter((name) => describeField(name).inferred)).toEqual([]);
    expect(new Set(header.map((name) => describeField(name).family))).toEqual(new Set(['nprobe']));
  });

  it('marks the ground-truth columns as labels', () => {
    expect(headerOf('nf-v3-cse-cic-ids2018-batches/flows_labeled.csv').filter((n) => describeField(n).dimension === 'label')).toEqual(['batch', 'Label', 'Attack']);
  });
});

describe('nProbe semantics', () => {
  it.each([
    ['IN_BYTES', 'bytes', 'source', 'bytes'],
    ['OUT_PKTS', 'packets', 'destination', 'packets'],
    ['IPV4_SRC_ADDR', 'address', 'source', ''],
    ['L4_DST_PORT', 'port', 'destination', ''],
    ['SRC_TO_DST_AVG_THROUGHPUT', 'bits/s', 'source', 'bits/s'],
    ['DST_TO_SRC_SECOND_BYTES', 'bytes/s', 'destination', 'bytes/s'],
    ['ICMP_TYPE', 'icmp-type', 'either', 'type·256+code'],
    ['L7_PROTO', 'l7-protocol', 'either', 'nDPI id'],
    ['CLIENT_TCP_FLAGS', 'tcp-flags', 'client', 'bitmask'],
    ['FLOW_START_MILLISECONDS', 'time', 'either', 'epoch ms'],
    ['Attack', 'label', 'either', ''],
  ])('%s is %s of the %s in %s', (name, dimension, role, unit) => {
    expect(describeField(name)).toMatchObject({ name, family: 'nprobe', dimension, role, unit, inferred: false });
    expect(describeField(name).source).toMatch(/ntop|arXiv|RFC|LLM_NIDS/);
  });
});

describe('lookup order', () => {
  it.each([
    ['in_bytes', 'IN_BYTES'],
    ['Ipv4_Dst_Addr', 'IPV4_DST_ADDR'],
    ['label', 'Label'],
  ])('%s is found in another case as %s', (key, name) => {
    expect(describeField(key)).toMatchObject({ name, inferred: false });
  });

  it.each([
    ['flow.IN_BYTES', 'IN_BYTES'],
    ['record.features.L4_SRC_PORT', 'L4_SRC_PORT'],
    ['flows[3].IPV4_DST_ADDR', 'IPV4_DST_ADDR'],
    ['rows[0].l7_proto', 'L7_PROTO'],
  ])('the dotted path %s ends in the field %s', (path, name) => {
    expect(describeField(path)).toMatchObject({ name, inferred: false });
    expect(isKnownField(path)).toBe(true);
  });

  it('infers a key no family spells, and memoises both kinds', () => {
    expect(isKnownField('attacker_ip')).toBe(false);
    expect(describeField('attacker_ip', '10.0.0.1')).toBe(describeField('attacker_ip', '10.0.0.2'));
    expect(describeField('IN_BYTES')).toBe(describeField('IN_BYTES', 5));
  });
});
