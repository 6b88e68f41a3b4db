/**
 * mulberry32: a tiny seeded PRNG. Scoring must give the same result on every run (issue 4), so
 * nothing in src/score/ calls Math.random.
 */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Integer in [0, n) from a PRNG. */
export function randomInt(next: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(next() * n));
}
