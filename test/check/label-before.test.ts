import { describe, expect, it } from 'vitest';
import { LABEL_BEFORE_RE, labelBefore } from '../../src/check/extract/label-before.ts';
import { loadCases } from './load-cases.ts';

/** Texts built from the labels, separators and tails the regex reads, in random case and order. */
function fuzzTexts(count: number): string[] {
  const parts = ['flow', 'flow id', 'Flow ID', 'id', 'ID', 'grid', 'valid', '#', 'RFC', 'version', 'v', 'V', 'top', 'step', 'section', 'phase', 'stage', 'item', 'is', 'was', 'this', ' ', '  ', ':', '`', '*', '\t', '\n', '\u00a0', 'x', '_', '-', '5', '42'];
  let seed = 11;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 3 + rand(12) }, () => parts[rand(parts.length)]!).join(rand(2) === 0 ? ' ' : ''));
}

describe('labelBefore reads LABEL_BEFORE_RE backwards', () => {
  it('agrees with the regex at every position', () => {
    const texts = [...loadCases().map((c) => c.narrative), ...fuzzTexts(4000)];
    let checked = 0;
    for (const text of texts) {
      for (let at = 0; at <= text.length; at++) {
        const expected = LABEL_BEFORE_RE.test(text.slice(Math.max(0, at - 16), at));
        if (labelBefore(text, at) !== expected) expect({ text, at, got: !expected }).toEqual({ text, at, got: expected });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('finds the labels the checker skips', () => {
    expect(labelBefore('Flow ID: 3943031', 9)).toBe(true);
    expect(labelBefore('RFC 793', 4)).toBe(true);
    expect(labelBefore('the grid 5', 9)).toBe(false);
    expect(labelBefore('sent 5', 5)).toBe(false);
  });
});
