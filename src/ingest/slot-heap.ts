import type { FlowColumns } from './flow-columns.ts';

/** A binary min-heap of FlowColumns slots by (start time, line): typed array, no allocation per push. */
export class SlotHeap {
  private heap = new Int32Array(1024);
  size = 0;

  constructor(private readonly columns: FlowColumns) {}

  /** True when slot a's flow sorts before slot b's: earlier start, or the same start and earlier in the input. */
  before(a: number, b: number): boolean {
    const start = this.columns.start;
    const sa = start[a]!;
    const sb = start[b]!;
    return sa < sb || (sa === sb && this.columns.lineOf(a) < this.columns.lineOf(b));
  }

  peek(): number {
    return this.heap[0]!;
  }

  push(slot: number): void {
    if (this.size === this.heap.length) {
      const bigger = new Int32Array(this.heap.length * 2);
      bigger.set(this.heap);
      this.heap = bigger;
    }
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(slot, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = slot;
  }

  /** Remove the head. */
  pop(): void {
    const h = this.heap;
    const last = h[--this.size]!;
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(h[child + 1]!, h[child]!)) child++;
      if (!this.before(h[child]!, last)) break;
      h[i] = h[child]!;
      i = child;
    }
    if (n > 0) h[i] = last;
  }
}
