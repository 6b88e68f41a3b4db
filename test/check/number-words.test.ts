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
