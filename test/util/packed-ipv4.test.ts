import { describe, expect, it } from 'vitest';
import { ipv4Text, packIPv4 } from '../../src/util/packed-ipv4.ts';

describe('packIPv4 / ipv4Text', () => {
  it('round-trips every canonical dotted quad of a sweep over the 32-bit space, octet edges included', () => {
    const values = [0, 1, 255, 256, 65_535, 65_536, 0x7fffffff, 0x80000000, 0xffffffff];
    for (let a = 0; a < 2 ** 32; a += 104_729) values.push(a);
    for (const a of values) {
      const text = `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
      expect(packIPv4(text)).toBe(a);
      expect(ipv4Text(packIPv4(text))).toBe(text);
    }
  });

  it.each(['01.2.3.4', '1.2.3.04', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.4 ', ' 1.2.3.4', '1..2.3', '1.2.3.', '.1.2.3', '1.2.3.4a', '1234.1.1.1', '::1', '::ffff:1.2.3.4', ''])(
    'leaves %j as text (-1): its text would not come back the same',
    (text) => expect(packIPv4(text)).toBe(-1),
  );
});
