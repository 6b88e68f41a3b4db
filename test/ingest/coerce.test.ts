import { describe, expect, it } from 'vitest';
import { BadRowError } from '../../src/errors.ts';
import { toCount, toPort, toProtocol, toTcpFlags, toFieldValue } from '../../src/ingest/coerce.ts';
import { normalizeAddress } from '../../src/ingest/ip-address.ts';
import { parseDateText, toTimeMs } from '../../src/ingest/parse-time.ts';

const at = { file: 'f.csv', line: 7 };

describe('addresses', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['2A0B:0E43:0001:0000:0000:0000:0000:0021', '2a0b:e43:1::21'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304'],
    ['fe80:0000:0000:0000:0c29:0001:0000:0001%eth0', 'fe80::c29:1:0:1'],
    ['::', '::'],
    ['010.0.0.1', null],
    ['256.1.1.1', null],
    ['host.example', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });
});

describe('timestamps', () => {
  it.each([
    [1704067200, 's', 1704067200000],
    ['1704067200000', 'ms', 1704067200000],
    ['1704067200000000000', 'ns', 1704067200000],
    [1545403816.962094, 'auto', 1545403816962.094],
    ['1704067200123', 'auto', 1704067200123],
    ['2019-10-02 07:53:06', 'auto', Date.UTC(2019, 9, 2, 7, 53, 6)],
    ['2019-10-02T07:53:06.5Z', 'auto', Date.UTC(2019, 9, 2, 7, 53, 6, 500)],
    ['2019-10-02T09:53:06+02:00', 'auto', Date.UTC(2019, 9, 2, 7, 53, 6)],
    ['2024-12-17T19:17:54-0500', 'auto', Date.UTC(2024, 11, 18, 0, 17, 54)],
    ['14/02/2018 08:31:01', 'auto', Date.UTC(2018, 1, 14, 8, 31, 1)],
    ['7/7/2017 3:30:00 PM', 'auto', Date.UTC(2017, 6, 7, 15, 30)],
  ] as const)('%s (%s)', (raw, unit, expected) => {
    expect(toTimeMs(raw, 'ts', at, unit)).toBeCloseTo(expected, 3);
  });

  it('reads offset-less texts in a given offset when told', () => {
    expect(parseDateText('2011-08-10 09:46:53', 120)).toBe(Date.UTC(2011, 7, 10, 7, 46, 53));
  });

  it('rejects what is no time', () => {
    expect(() => toTimeMs('soon', 'ts', at, 'auto')).toThrow(BadRowError);
    expect(() => toTimeMs('2019-13-45 99:99', 'ts', at, 'auto')).not.toThrow(); // Date.UTC rolls over: shape checked, not the calendar
  });
});

describe('typed coercers', () => {
  it('counts, ports, protocols and flags', () => {
    expect(toCount('12', 'IN_BYTES', at)).toBe(12);
    expect(() => toCount('', 'IN_BYTES', at)).toThrow('missing value at f.csv:7');
    expect(toPort('-', 'p', at)).toBeNull();
    expect(() => toPort('1.5', 'p', at)).toThrow('port out of range');
    expect(toProtocol('IPv6-ICMP', 'proto', at)).toBe(58);
    expect(() => toProtocol('300', 'proto', at)).toThrow('not a protocol number');
    expect(toTcpFlags('.AP.SF', 'flg', at)).toBe(0x1b);
    expect(toTcpFlags('CEUAPRSF', 'flg', at)).toBe(255);
    expect(toTcpFlags('1a', 'tcp_flags', at, true)).toBe(26);
    expect(() => toTcpFlags('300', 'TCP_FLAGS', at)).toThrow('TCP flags not a number');
  });

  it('fields keep numbers as numbers and text as text', () => {
    expect([toFieldValue('7.0'), toFieldValue(''), toFieldValue('0x1f'), toFieldValue(' 5'), toFieldValue('Infinity'), toFieldValue('SF')]).toEqual([
      7,
      null,
      '0x1f',
      ' 5',
      'Infinity',
      'SF',
    ]);
  });
});
