/**
 * A bounded-memory quantile sketch in the spirit of KLL (Karnin, Lang, Liberty 2016), simplified:
 * level h holds items of weight 2^h; when a level passes `capacity` items it is sorted and every
 * other item (alternating offset, so it stays deterministic and unbiased on average) moves up one
 * level with twice the weight. Memory is O(capacity · log2(n / capacity)); with the default 512 it
 * stays under ~12k numbers for 10 M values, and rank error is around 1 %.
 */
export class QuantileSketch {
  /**
   * Level h's items in levels[h][0, lengths[h]) (typed arrays sort numbers without a comparator call:
   * 230–280 ns an add with plain arrays and `sort((a, b) => a - b)`, 18 adds a flow when fitting).
   * A level holds less than 1.5 × capacity: it is emptied once it reaches capacity, and the level
   * below adds at most half its own.
   */
  private readonly levels: Float64Array[] = [];
  private readonly lengths: number[] = [];
  /** Per level: bit 1 set when it holds a −0, bit 2 a +0 (see sortLevel). */
  private readonly zeros: number[] = [];
  private readonly capacity: number;
  private flip = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;

  constructor(capacity = 512) {
    this.capacity = Math.max(8, capacity);
    this.addLevel();
  }

  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.push(0, value);
    for (let h = 0; h < this.levels.length; h++) {
      const n = this.lengths[h]!;
      if (n < this.capacity) break;
      const level = this.sortLevel(h);
      if (h + 1 === this.levels.length) this.addLevel();
      // An odd leftover stays at this level so the total weight is exact.
      const pairs = n - (n % 2);
      const offset = this.flip++ % 2;
      for (let i = offset; i < pairs; i += 2) this.push(h + 1, level[i]!);
      this.lengths[h] = 0;
      this.zeros[h] = 0;
      if (n % 2 === 1) this.push(h, level[n - 1]!);
    }
  }

  private addLevel(): void {
    this.levels.push(new Float64Array(Math.ceil(1.5 * this.capacity) + 1));
    this.lengths.push(0);
    this.zeros.push(0);
  }

  private push(h: number, value: number): void {
    this.levels[h]![this.lengths[h]!++] = value;
    if (value === 0) this.zeros[h]! |= Object.is(value, -0) ? 1 : 2;
  }

  /**
   * Level h sorted ascending in place, exactly as a stable `sort((a, b) => a - b)` orders it: the
   * typed sort puts −0 before +0, which the comparator counts as equal and leaves in their order, so
   * a level holding both goes through the comparator (values are finite: the fitter drops the rest).
   */
  private sortLevel(h: number): Float64Array {
    const level = this.levels[h]!.subarray(0, this.lengths[h]!);
    if (this.zeros[h] === 3) level.set(Array.from(level).sort((a, b) => a - b));
    else level.sort();
    return level;
  }

  /** Items with their weights, sorted by value; the weights sum to `count`. */
  weighted(): { values: number[]; weights: number[] } {
    const pairs: [number, number][] = [];
    this.levels.forEach((level, h) => {
      for (let i = 0; i < this.lengths[h]!; i++) pairs.push([level[i]!, 2 ** h]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const total = pairs.reduce((s, p) => s + p[1], 0);
    // Level promotion keeps every other item, so weights can drift slightly from count; rescale.
    const k = total > 0 ? this.count / total : 1;
    return { values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] * k) };
  }

  /** Number of values the sketch currently stores (bounded). */
  get size(): number {
    return this.lengths.reduce((s, n) => s + n, 0);
  }
}

/** Quantile q (0..1) of weighted sorted values: the smallest value whose cumulative weight reaches q. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const total = weights.reduce((s, w) => s + w, 0);
  const target = q * total;
  let cum = 0;
  for (let i = 0; i < values.length; i++) {
    cum += weights[i]!;
    if (cum >= target - 1e-9) return values[i]!;
  }
  return values[values.length - 1]!;
}
