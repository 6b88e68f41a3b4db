import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/read.ts';

/** Counts spelled out before what they count are quantity claims like digits ("twelve different hosts"). */
const table = readTable(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../eval/cases/tables/dns-udp.json'), 'utf8')));

const claim = (text: string, span: string) => {
  const found = checkNarrative(text, table).claims.find((c) => c.text === span);
  return found && { verdict: found.verdict, rows: found.evidence?.rows, reason: found.reason };
};

describe('number words', () => {
  it.each([
    ['The query drew three response packets.', 'three response packets', { verdict: 'supported', rows: ['OUT_PKTS'], reason: 'OUT_PKTS is 3 packets.' }],
    ['The query drew four response packets.', 'four response packets', { verdict: 'contradicted', rows: ['OUT_PKTS'], reason: 'OUT_PKTS is 3 packets, not 4 packets.' }],
    ['The source reached two distinct hosts.', 'two distinct hosts', { verdict: 'supported', rows: ['src_distinct_dst_addrs'], reason: 'src_distinct_dst_addrs is 2.' }],
    ['The source reached twelve different hosts.', 'twelve different hosts', { verdict: 'contradicted', rows: ['src_distinct_dst_addrs'], reason: 'No table value or derivation of this dimension is 12 hosts; e.g. src_distinct_dst_addrs gives 2.' }],
  ])('%s', (text, span, expected) => {
    expect(claim(text, span)).toEqual(expected);
  });

  it('reads no count in "one connection" or a negated count', () => {
    const spans = checkNarrative('It was one connection, not three sessions.', table).claims.map((c) => c.text);
    expect(spans).toEqual([]);
  });
});

describe('spans of time spelled out', () => {
  const notice = readTable({ ts: 1731600000.4, note: 'SSH::Password_Guessing', src: '10.1.1.40', dst: '198.51.100.23', p: 22, suppress_for: 86400 }, 'notice.json');
  const flow = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, FLOW_DURATION_MILLISECONDS: 57765 }, 'flow.json');
  it.each([
    ['Repeats are suppressed for an hour.', notice, 'an hour', 'contradicted'],
    ['Repeats are suppressed for a day.', notice, 'a day', 'supported'],
    ['Further notices wait about a day.', notice, 'a day', 'supported'],
    ['Repeats are suppressed for two hours.', notice, 'two hours', 'contradicted'],
    ['The flow lasted about a minute.', flow, 'a minute', 'supported'],
    ['The flow lasted an hour.', flow, 'an hour', 'contradicted'],
  ])('an article or a number word before a unit of time is a figure: %s', (text, against, span, verdict) => {
    expect(checkNarrative(text, against).claims.find((c) => c.text === span)?.verdict).toBe(verdict);
  });

  it.each(['The second flow came a minute\'s walk away.', 'It was a day of many alerts.'])('no figure in other uses of the words: %s', (text) => {
    expect(checkNarrative(text, flow).claims.filter((c) => c.kind === 'quantity')).toEqual([]);
  });
});

describe('how often something happened, spelled out', () => {
  const wazuh = readTable({ rule: { id: '60204', level: 12, firedtimes: 2, frequency: 8 }, agent: { name: 'dc-02' } }, 'wazuh.json');
  it.each([
    ['The rule has fired five times.', 'five times', 'contradicted'],
    ['The rule has fired two times.', 'two times', 'supported'],
    ['It was triggered three times in a row.', 'three times', 'contradicted'],
  ])('%s', (text, span, verdict) => {
    expect(checkNarrative(text, wazuh).claims.find((c) => c.text === span)?.verdict).toBe(verdict);
  });

  it('a factor is no count of occurrences', () => {
    expect(checkNarrative('The volume is five times larger.', wazuh).claims.filter((c) => c.text === 'five times')).toEqual([]);
  });
});
