/**
 * Keeps the N items with the highest score seen so far, in O(N) memory. Ties keep the earlier item
 * (lower `order`), so selection is deterministic in input order.
 */
export class TopHeap<T> {
  private readonly items: { score: number; order: number; item: T }[] = [];
  constructor(private readonly capacity: number) {}

  push(score: number, order: number, item: T): void {
    if (this.capacity <= 0) return;
    const entry = { score, order, item };
    if (this.items.length < this.capacity) {
      this.items.push(entry);
      this.up(this.items.length - 1);
    } else if (this.better(entry, this.items[0]!)) {
      this.items[0] = entry;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): { score: number; order: number; item: T }[] {
    return [...this.items].sort((a, b) => (this.better(a, b) ? -1 : 1));
  }

  private better(a: { score: number; order: number }, b: { score: number; order: number }): boolean {
    return a.score > b.score || (a.score === b.score && a.order < b.order);
  }

  // Min-heap on "better": the root is the worst kept item.
  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.better(h[m]!, h[l]!)) m = l;
      if (r < h.length && this.better(h[m]!, h[r]!)) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}
