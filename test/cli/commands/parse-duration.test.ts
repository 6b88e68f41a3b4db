import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/cli/commands/parse-duration.ts';

describe('--window durations', () => {
  it.each([
    ['60s', 60_000],
    ['60', 60_000],
    ['5m', 300_000],
    ['500ms', 500],
    ['1.5s', 1_500],
    ['1h', 3_600_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['0s', 'soon', '-5s', '10 days'])('refuses %s', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidArgumentError);
  });
});
