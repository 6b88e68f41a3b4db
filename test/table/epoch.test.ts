import { describe, expect, it } from 'vitest';
import { epochMs, toIso } from '../../src/table/epoch.ts';

/** What a Date made from the text prints, as toIso read every string before its shortcut for canonical ISO text. */
function viaDate(text: string): string | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

describe('toIso', () => {
  it('gives canonical ISO text back as a Date would print it, and lets Date settle every edge', () => {
    const texts = [
      '2024-03-11T14:02:17.000Z', '2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '2024-04-31T10:00:00.000Z', '2024-13-01T00:00:00.000Z',
      '2024-00-10T00:00:00.000Z', '2024-03-00T00:00:00.000Z', '2024-03-11T24:00:00.000Z', '2024-03-11T23:60:00.000Z', '2024-03-11T23:59:60.000Z',
      '0000-01-01T00:00:00.000Z', '9999-12-28T23:59:59.999Z', '2024-03-11T14:02:17.00Z', '2024-03-11T14:02:17Z',
    ];
    for (const text of texts) expect(toIso(text), text).toBe(viaDate(text));
  });

  it('reads epoch numbers by magnitude and zone-less or slashed dates as UTC', () => {
    expect(toIso(1519311021.554)).toBe('2018-02-22T14:50:21.554Z');
    expect(toIso(1519311021554)).toBe('2018-02-22T14:50:21.554Z');
    expect(epochMs(1519311021554000)).toBe(1519311021554);
    expect(toIso('2025/02/14 09:17:52')).toBe('2025-02-14T09:17:52.000Z');
    expect(toIso('2024-03-11 14:02:17')).toBe('2024-03-11T14:02:17.000Z');
    expect(toIso('not a date')).toBeUndefined();
  });
});
