import { describe, expect, it } from 'vitest';
import { isDigitCode, isSpaceCode, isWordCode } from '../../../src/check/text/chars.ts';

describe('character classes on one code unit', () => {
  it('say exactly what \\d, \\w and \\s match, over every code unit and past the text', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      if (isDigitCode(c) !== /\d/.test(ch)) wrong.push(`\\d ${c}`);
      if (isWordCode(c) !== /\w/.test(ch)) wrong.push(`\\w ${c}`);
      if (isSpaceCode(c) !== /\s/.test(ch)) wrong.push(`\\s ${c}`);
    }
    expect(wrong).toEqual([]);
    const past = 'a'.charCodeAt(5);
    expect([isDigitCode(past), isWordCode(past), isSpaceCode(past)]).toEqual([false, false, false]);
  });
});
