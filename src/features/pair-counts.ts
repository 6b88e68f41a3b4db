/**
 * Counts per pair of small non-negative integers (host id × port, host id × host id) in one open-addressing
 * table of typed arrays: linear probing, backward-shift deletion, no tombstones. Why not a Map per host:
 * V8 rebuilds a Map's table as entries come and go, and for a long-lived Map it builds the new one in the
 * old generation, so window churn left ~60 MB of garbage per million flows between full collections.
 * This table allocates only when it doubles.
 */
export class PairCounts {
  private mask: number;
  private keyA: Int32Array;
  private keyB: Int32Array;
  private counts: Int32Array;
  /** Pairs with a count above 0. */
  size = 0;

  constructor(initialCapacity = 1024) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.mask = cap - 1;
    this.keyA = new Int32Array(cap).fill(-1);
    this.keyB = new Int32Array(cap);
    this.counts = new Int32Array(cap);
  }

  /** Add one to the pair's count and return the new count (1: the pair is new). */
  increment(a: number, b: number): number {
    let i = this.find(a, b);
    if (this.keyA[i] === -1) {
      if (2 * (this.size + 1) > this.mask + 1) {
        this.grow();
        i = this.find(a, b);
      }
      this.keyA[i] = a;
      this.keyB[i] = b;
      this.counts[i] = 0;
      this.size++;
    }
    return ++this.counts[i]!;
  }

  /** Take one from the pair's count (it must be present) and return the new count; at 0 the pair is removed. */
  decrement(a: number, b: number): number {
    const i = this.find(a, b);
    const left = --this.counts[i]!;
    if (left === 0) this.remove(i);
    return left;
  }

  /** Current count of a pair (0 when absent). */
  get(a: number, b: number): number {
    const i = this.find(a, b);
    return this.keyA[i] === -1 ? 0 : this.counts[i]!;
  }

  /** The pair's slot, or the empty slot where it would go. */
  private find(a: number, b: number): number {
    const keyA = this.keyA;
    const keyB = this.keyB;
    let i = hash(a, b) & this.mask;
    for (;;) {
      const k = keyA[i]!;
      if (k === -1 || (k === a && keyB[i] === b)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Empty slot i and pull later entries of its probe run back, so lookups never need tombstones. */
  private remove(i: number): void {
    const { keyA, keyB, counts, mask } = this;
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const a = keyA[j]!;
      if (a === -1) break;
      const home = hash(a, keyB[j]!) & mask;
      // move j into the hole when its home is not cyclically within (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keyA[hole] = a;
        keyB[hole] = keyB[j]!;
        counts[hole] = counts[j]!;
        hole = j;
      }
    }
    keyA[hole] = -1;
    this.size--;
  }

  private grow(): void {
    const { keyA, keyB, counts } = this;
    const cap = 2 * keyA.length;
    this.mask = cap - 1;
    this.keyA = new Int32Array(cap).fill(-1);
    this.keyB = new Int32Array(cap);
    this.counts = new Int32Array(cap);
    for (let i = 0; i < keyA.length; i++) {
      if (keyA[i] === -1) continue;
      const j = this.find(keyA[i]!, keyB[i]!);
      this.keyA[j] = keyA[i]!;
      this.keyB[j] = keyB[i]!;
      this.counts[j] = counts[i]!;
    }
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
}
