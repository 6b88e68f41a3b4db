import { describe, expect, it } from 'vitest';
import { describeField, tokenizeKey } from '../../../src/table/vocabulary/index.ts';

describe('a key that glues the words field names are made of is read as those words', () => {
  it.each([
    ['eventtime', ['event', 'time']],
    ['attackid', ['attack', 'id']],
    ['srccountry', ['src', 'country']],
    ['sessionid', ['session', 'id']],
    ['useragent', ['user', 'agent']],
    ['alert.threatid', ['alert', 'threat', 'id']],
    ['dstcountry', ['dst', 'country']],
  ])('%s', (key, words) => {
    expect(tokenizeKey(key)).toEqual(words);
  });

  it.each(['transport', 'report', 'support', 'uptime', 'valid', 'android', 'timeout', 'payload', 'crscore'])('keeps a word whose parts are no field words, or mislead, whole: %s', (key) => {
    expect(tokenizeKey(key)).toEqual([key]);
  });

  it('lets inference read the glued words: an epoch number under "…time" is a time, "…id" an identifier', () => {
    expect(describeField('alerttime', 1749613339)).toMatchObject({ dimension: 'time', inferred: true });
    expect(describeField('flowid', 48211093)).toMatchObject({ dimension: 'id' });
    expect(describeField('policyid', 12)).toMatchObject({ dimension: 'id' });
  });
});

describe('a date value is a time whatever the key\'s other words say', () => {
  it.each([
    ['FirstPacketSecond', '2025-09-03T18:22:41Z', 'iso8601'],
    ['LastPacketSecond', 1725387761, 'epoch s'],
    ['Receive Time', '2025/02/14 09:17:52', 'iso8601'],
  ])('%s = %s', (key, value, unit) => {
    expect(describeField(key, value)).toMatchObject({ dimension: 'time', unit });
  });

  it('a per-second key with a plain number stays a rate', () => {
    expect(describeField('packets_per_second', 120)).toMatchObject({ dimension: 'packets/s' });
  });
});
