import { describe, expect, it } from 'vitest';
import { ndpiName } from '../../../src/table/vocabulary/index.ts';

describe('ndpiName', () => {
  it.each([
    ['7.178', 'HTTP.Amazon'],
    ['91.126', 'TLS.Google'],
    ['5', 'DNS'],
    ['92.0', 'SSH'],
    [7, 'HTTP'],
    ['0', 'Unknown'],
    ['7.7', 'HTTP'],
  ])('%j → %s', (id, name) => {
    expect(ndpiName(id)).toBe(name);
  });

  it.each([['99999'], ['7.99999'], ['HTTP'], [''], ['7.178.1']])('%j is not an nDPI id', (id) => {
    expect(ndpiName(id)).toBeUndefined();
  });
});
