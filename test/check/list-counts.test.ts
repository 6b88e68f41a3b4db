import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Counts over a list the record holds (extract/list-counts.ts, checkers/list-count.ts). */
const counts = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'list-count')
    .map((c) => `${c.text}: ${c.verdict}`);

const incident = readTable({ incident: { id: 'INC-2291' }, evidence: [{ '@timestamp': '2025-02-03T22:10:02Z', source: { ip: '203.0.113.77', port: 51122 }, user: { name: 'root' } }, { '@timestamp': '2025-02-03T22:11:40Z', source: { ip: '203.0.113.77', port: 51190 }, user: { name: 'admin' } }, { '@timestamp': '2025-02-03T22:14:55Z', source: { ip: '203.0.113.77', port: 51301 }, user: { name: 'root' } }] }, 'incident.json');
const flat = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_PKTS: 3 }, 'nprobe.json');

describe('counts over a list of the record', () => {
  it.each([
    ['The attacker tried five different user names.', 'five different user names: contradicted'],
    ['Two distinct user names appear.', 'Two distinct user names: supported'],
    ['Three different source ports were used.', 'Three different source ports: supported'],
    ['The incident groups three SSH login events.', 'three SSH login events: supported'],
    ['It lists 4 entries.', '4 entries: contradicted'],
  ])('counts items or the different values of the field the noun names: %s', (text, expected) => {
    expect(counts(text, incident)).toEqual([expected]);
  });

  it.each([
    [incident, 'The first two attempts failed.'],
    [incident, 'Of the three, the last two logins used root.'],
    [flat, 'The scanner tried five different user names.'],
    [incident, 'It sent three packets.'],
  ])('makes no list claim of a part of a list, a record without lists, or a measure: %s', (table, text) => {
    expect(counts(text, table)).toEqual([]);
  });
});

describe('whether the items of a list share a value', () => {
  const incident = readTable({ incident: { id: 'INC-1' }, evidence: [{ source: { ip: '203.0.113.77', port: 51122 }, destination: { ip: '10.1.2.10', port: 22 }, user: { name: 'root' } }, { source: { ip: '203.0.113.77', port: 51190 }, destination: { ip: '10.1.2.10', port: 22 }, user: { name: 'admin' } }, { source: { ip: '203.0.113.77', port: 51301 }, destination: { ip: '10.1.2.10', port: 22 }, user: { name: 'root' } }] }, 'incident.json');
  const same = (text: string): string[] => checkNarrative(text, incident).claims.filter((c) => c.kind === 'list-same').map((c) => c.verdict);
  it.each([
    ['Both failures used the same source port.', 'contradicted'],
    ['All attempts came from the same IP.', 'supported'],
    ['Each event targeted the same destination port.', 'supported'],
    ['All attempts used different source ports.', 'supported'],
  ])('%s', (text, verdict) => {
    expect(same(text)).toEqual([verdict]);
  });

  it('is not judged where some items share the value and some do not', () => {
    // root, admin, root: which two the text means decides it
    expect(same('Both attempts used the same user name.')).toEqual([]);
  });
});
