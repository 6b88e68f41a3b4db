import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// a FeatureTable with the score and baselines: NF-v3 rows whose identity fields are rows, no units
const table = readTable({
  flow_id: 'nf3-ssh-4417', score: { value: 6.8, method: 'robust-z', rank: 3, threshold: 4, of: 1000 },
  features: [
    { name: 'IPV4_SRC_ADDR', value: '18.219.211.138' }, { name: 'IPV4_DST_ADDR', value: '172.31.69.25' }, { name: 'L4_DST_PORT', value: 22 }, { name: 'PROTOCOL', value: 6 },
    { name: 'FLOW_DURATION_MILLISECONDS', value: 3562, baseline: { median: 1200, p99: 60000, percentile: 71 }, contribution: 0.4 },
    { name: 'IN_BYTES', value: 2361, baseline: { median: 880, p99: 41000, percentile: 77 }, contribution: 1.1 },
    { name: 'IN_PKTS', value: 22, baseline: { median: 6, p99: 310, percentile: 88 }, contribution: 2.3 },
  ],
}, 'table.json');
const quantities = (text: string): string[] => claimVerdicts(text, table, ofKind('quantity')).map((v) => v.split(': ').at(-1)!);

describe('figures about the score and the baselines', () => {
  it.each([
    ['The flow ranks 3rd of 1,000 scored flows.', ['supported', 'supported']],
    ['It is one of 500 ranked flows.', ['contradicted']],
  ])('the number of flows a rank is out of: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it.each([
    ['The baseline median of IN_PKTS is 6.', ['supported']],
    ['The median of IN_BYTES is 880 bytes.', ['supported']],
    ['The median of IN_PKTS is 9.', ['contradicted']],
  ])('a statistic that names its field before the figure: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it.each([
    ['The score exceeds the threshold by 2.8.', ['supported']],
    ['IN_BYTES is about 2.7 times its baseline median.', ['supported']],
    ['FLOW_DURATION_MILLISECONDS is about three times the median.', []],
  ])('a figure relative to a statistic: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it('a wrong figure relative to a statistic is flagged', () => {
    expect(quantities('IN_BYTES is about 5 times its baseline median.')).not.toContain('supported');
    expect(quantities('IN_BYTES is about 5 times its baseline median.')).toHaveLength(1);
  });

  it.each([
    ['The flow was ranked third.', ['supported']],
    ['It ranks 3rd among the flagged flows.', ['supported']],
    ['It had the third-highest score.', ['supported']],
    ['It was the top-ranked flow.', ['contradicted']],
    ['Its score of 6.8 was the highest of the run.', ['supported', 'contradicted']],
    ['It was the highest-scoring flow.', ['contradicted']],
    ['It was placed second.', ['contradicted']],
    ['It was not the top-ranked flow.', []],
  ])('a rank said with an ordinal: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it.each([
    ['It lasted far longer than the 1,200 ms median.', ['supported']],
    ['IN_BYTES is well over the 880-byte median.', ['supported']],
    ['The score of 6.8 is above the 4 threshold.', ['supported', 'supported']],
    ['IN_PKTS is far above the 60 median.', ['contradicted']],
  ])('a statistic named right after its figure: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it('a figure quoted as a rank is not backed by another statistic of the same value', () => {
    expect(quantities('The flow has rank 1.')).toEqual(['contradicted']);
    expect(quantities('The flow has rank 3.')).toEqual(['supported']);
  });

  it.each([
    ['IN_PKTS contributes most (2.3), followed by IN_BYTES (1.1) and the duration (0.4).', ['supported', 'supported', 'supported']],
    ['The largest contributions come from IN_PKTS (2.3) and IN_BYTES (1.9).', ['supported', 'contradicted']],
    ['It sent 22 packets (2361 bytes) and contributed to the score.', ['supported', 'supported']],
  ])('bare figures in parentheses listed as contributions: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it('reads a table handed in with a window length and a score but no availability or threshold', () => {
    const handed = readTable({ flow_id: 'x', score: { value: 7.9, method: 'robust-z', rank: 1 }, window: { seconds: 60 }, features: [{ name: 'src_flows_in_window', value: 94 }] }, 'table.json');
    expect(handed.window).toEqual({ seconds: 60, available: true });
    expect(handed.score?.threshold).toBeNull();
  });
});

describe('which statistic a figure is quoted as', () => {
  it.each([
    ['It ranks third (rank 3) with a score of 6.8.', ['supported', 'supported', 'supported']],
    ['It ranks third (rank 3) with a score of 7.4.', ['supported', 'supported', 'contradicted']],
    ['The packet count sits at the 88th percentile and contributed 2.3.', ['supported', 'supported']],
    ['IN_PKTS sits at the 88th percentile and contributed 1.9.', ['supported', 'contradicted']],
  ])('the nearest statistic word before a figure names it: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it.each([
    ['IN_PKTS is above the 99th percentile of 310.', ['supported']],
    ['IN_PKTS is below the 99th percentile of 410.', ['contradicted']],
    ['The duration is above the 50th percentile of 1,200 ms.', ['supported']],
  ])('"the Nth percentile of N" quotes the value at it: %s', (text, expected) => {
    expect(quantities(text).slice(-1)).toEqual(expected);
  });

  it.each([
    ['IN_PKTS is above the median (22 vs 6).', ['supported', 'supported']],
    ['IN_PKTS is above the median (22 versus 9).', ['supported', 'contradicted']],
    ['The packets are above the median (22 against 6).', ['supported']],
  ])('the first of a pair set against a statistic is the record\'s value: %s', (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });
});
