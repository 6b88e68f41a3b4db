import { describe, expect, it } from 'vitest';
import { writeDouble } from '../../src/util/write-double.ts';

/** Seeded values of one shape (an LCG: the same values every run). */
function values(count: number, shape: (next: () => number) => number): number[] {
  let state = 20261207;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4_294_967_296;
  };
  return Array.from({ length: count }, () => shape(next));
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

const SHAPES: [string, (next: () => number) => number][] = [
  // rates and averages as the features make them: counts over durations and counts
  ['count / count', (next) => Math.floor(next() * 1e7) / (Math.floor(next() * 1e5) + 1)],
  ['count / seconds', (next) => Math.floor(next() * 1e7) / (Math.floor(next() * 1e6 + 1) / 1000)],
  ['small negative ratios', (next) => -Math.floor(next() * 1e4) / (Math.floor(next() * 1e4) + 1) / 1e5],
  ['entropies', (next) => -[next(), next(), next()].map((p) => p * Math.log2(p)).reduce((a, b) => a + b, 0)],
  // any mantissa, binary exponents from 2^-25 to 2^50
  ['random bits', (next) => {
    words[0] = (next() * 2 ** 32) >>> 0;
    words[1] = ((next() * 2 ** 20) >>> 0) | ((1023 - 25 + Math.floor(next() * 75)) << 20);
    return bits[0]!;
  }],
  ['near powers of ten', (next) => 10 ** (Math.floor(next() * 22) - 7) * (1 + (next() - 0.5) * 1e-14)],
  ['short decimals', (next) => Math.round(next() * 1e6) / 10 ** Math.floor(next() * 9)],
  ['powers of two and halves', (next) => 2 ** (Math.floor(next() * 60) - 30) * (next() < 0.5 ? 1 : 1.5)],
];

describe('writeDouble', () => {
  it.each(SHAPES)('writes %s byte for byte as String(x), or leaves them to String(x)', (_name, shape) => {
    const out = new Uint8Array(64);
    const wrong: string[] = [];
    let written = 0;
    const xs = values(40_000, shape);
    for (const x of xs) {
      const end = writeDouble(out, 3, x);
      if (end < 0) continue;
      written++;
      const text = new TextDecoder().decode(out.subarray(3, end));
      if (text !== String(x)) wrong.push(`${String(x)} written as ${text}`);
    }
    expect(wrong).toEqual([]);
    // the fast path must be the usual one for values a features file holds (not all left to String)
    if (_name !== 'powers of two and halves') expect(written).toBeGreaterThan(xs.length / 2);
  });

  it('leaves integers, non-finite numbers, powers of two and values outside 1e-6…1e15 to String(x)', () => {
    const out = new Uint8Array(64);
    expect([3, 0, -0, NaN, Infinity, -Infinity, 0.5, 0.25, 1e-7, 1.5e15, 1e300].map((x) => writeDouble(out, 0, x))).toEqual(Array(11).fill(-1));
  });

  it('writes signs, leading zeros after the point and 17 significant digits', () => {
    const out = new Uint8Array(64);
    const spell = (x: number): string => new TextDecoder().decode(out.subarray(0, writeDouble(out, 0, x)));
    expect([0.1, -2.5, 1 / 3, 0.000123, -23866.666666666668, 123456.789, 0.30000000000000004].map(spell)).toEqual([
      '0.1',
      '-2.5',
      '0.3333333333333333',
      '0.000123',
      '-23866.666666666668',
      '123456.789',
      '0.30000000000000004',
    ]);
  });
});
