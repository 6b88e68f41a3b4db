/**
 * A bounded-memory quantile sketch in the spirit of KLL (Karnin, Lang, Liberty 2016), simplified:
 * level h holds items of weight 2^h; when a level passes `capacity` items it is sorted and every
 * other item (alternating offset, so it stays deterministic and unbiased on average) moves up one
 * level with twice the weight. Memory is O(capacity · log2(n / capacity)); with the default 512 it
 * stays under ~12k numbers for 10 M values, and rank error is around 1 %.
 */
export class QuantileSketch {
  private readonly levels: number[][] = [[]];
  private readonly capacity: number;
  private flip = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;

  constructor(capacity = 512) {
    this.capacity = Math.max(8, capacity);
  }

  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.levels[0]!.push(value);
    for (let h = 0; h < this.levels.length; h++) {
      const level = this.levels[h]!;
      if (level.length < this.capacity) break;
      level.sort((a, b) => a - b);
      if (this.levels[h + 1] === undefined) this.levels.push([]);
      const up = this.levels[h + 1]!;
      // An odd leftover stays at this level so the total weight is exact.
      const keep = level.length % 2 === 1 ? level.pop() : undefined;
      const offset = this.flip++ % 2;
      for (let i = offset; i < level.length; i += 2) up.push(level[i]!);
      level.length = 0;
      if (keep !== undefined) level.push(keep);
    }
  }

  /** Items with their weights, sorted by value; the weights sum to `count`. */
  weighted(): { values: number[]; weights: number[] } {
    const pairs: [number, number][] = [];
    this.levels.forEach((level, h) => {
      for (const v of level) pairs.push([v, 2 ** h]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const total = pairs.reduce((s, p) => s + p[1], 0);
    // Level promotion keeps every other item, so weights can drift slightly from count; rescale.
    const k = total > 0 ? this.count / total : 1;
    return { values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] * k) };
  }

  /** Number of values the sketch currently stores (bounded). */
  get size(): number {
    return this.levels.reduce((s, l) => s + l.length, 0);
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
