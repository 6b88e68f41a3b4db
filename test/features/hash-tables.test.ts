import { describe, expect, it } from 'vitest';
import { HostIndex } from '../../src/features/host-index.ts';
import { PairCounts } from '../../src/features/pair-counts.ts';

/** Seeded LCG in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('HostIndex', () => {
  it.each([
    ['IPv4 keys (held as numbers)', (rand: () => number) => `10.${Math.floor(rand() * 8)}.${Math.floor(rand() * 40)}.${Math.floor(rand() * 12)}`],
    [
      'IPv4, IPv6 and other text keys mixed (numbers and texts in one table)',
      (rand: () => number) => {
        const k = `${Math.floor(rand() * 8)}.${Math.floor(rand() * 40)}.${Math.floor(rand() * 12)}`;
        const form = rand();
        return form < 0.4 ? `10.${k}` : form < 0.7 ? `fe80::${k.replace(/\./g, ':')}` : form < 0.85 ? `010.${k}` : `host-${k}`;
      },
    ],
  ])('agrees with a Map through 50,000 random adds and deletes, %s (growth and backward-shift deletion; adds after a missed get and deletes with the hash it returned)', (_, makeKey) => {
    const rand = random(3);
    const index = new HostIndex();
    const reference = new Map<string, number>();
    const hashes = new Map<string, number>();
    for (let step = 0; step < 50_000; step++) {
      const key = makeKey(rand);
      if (reference.has(key)) {
        expect(index.get(key)).toBe(reference.get(key));
        if (rand() < 0.6) {
          // with the hash addMissed returned, or without it
          index.delete(key, hashes.get(key));
          reference.delete(key);
        }
      } else {
        expect(index.get(key)).toBe(-1);
        // right after the get() that missed (its slot reused), or as a plain add
        if (rand() < 0.5) hashes.set(key, index.addMissed(key, step));
        else (index.add(key, step), hashes.delete(key));
        reference.set(key, step);
      }
      expect(index.size).toBe(reference.size);
    }
    for (const [key, id] of reference) expect(index.get(key)).toBe(id);
  });
});

describe('PairCounts', () => {
  it('agrees with a Map of counts through 50,000 random increments and decrements', () => {
    const rand = random(11);
    const counts = new PairCounts(16);
    const reference = new Map<string, number>();
    for (let step = 0; step < 50_000; step++) {
      const a = Math.floor(rand() * 300);
      const b = Math.floor(rand() * 70);
      const key = `${a}:${b}`;
      const have = reference.get(key) ?? 0;
      if (have > 0 && rand() < 0.5) {
        expect(counts.decrement(a, b)).toBe(have - 1);
        if (have === 1) reference.delete(key);
        else reference.set(key, have - 1);
      } else {
        expect(counts.increment(a, b)).toBe(have + 1);
        reference.set(key, have + 1);
      }
      expect(counts.size).toBe(reference.size);
    }
    for (const [key, n] of reference) {
      const [a, b] = key.split(':').map(Number);
      expect(counts.get(a!, b!)).toBe(n);
    }
  });
});
