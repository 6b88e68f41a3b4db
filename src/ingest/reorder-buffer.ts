import type { Flow } from './flow-schema.ts';

/** Default reorder window in flow time: exports are roughly, not exactly, in start-time order. */
export const DEFAULT_REORDER_WINDOW_MS = 300_000;
/** Cap on buffered flows, so a very dense window cannot exhaust memory; beyond it the oldest are emitted early. */
export const DEFAULT_REORDER_MAX_FLOWS = 100_000;

// (start, input order); the physical line is the input order
function before(a: Flow, b: Flow): boolean {
  return a.start_ms! < b.start_ms! || (a.start_ms === b.start_ms && a.line < b.line);
}

/**
 * Bounded reorder buffer (issue 2, "Ingest"). Flows wait until the newest start time seen is more than
 * `windowMs` past theirs (or the buffer holds `maxFlows`), then leave in (start time, input order).
 * Late rule: a flow that starts before the last flow already emitted cannot be put in order any more; it is
 * emitted at once with a `late-flow` note, and features give it null window values.
 */
export class ReorderBuffer {
  private readonly heap: Flow[] = [];
  private newest = -Infinity;
  private watermark = -Infinity;

  constructor(
    private readonly windowMs = DEFAULT_REORDER_WINDOW_MS,
    private readonly maxFlows = DEFAULT_REORDER_MAX_FLOWS,
  ) {}

  /** Add a flow with a start time. Returns true when it was late (noted; the caller emits it now). */
  push(flow: Flow): boolean {
    const start = flow.start_ms!;
    if (start < this.watermark) {
      flow.notes.push({
        code: 'late-flow',
        field: 'start_ms',
        value: start,
        message: `This flow arrived after flows starting up to ${Math.round(this.watermark - start).toLocaleString('en-US')} ms later had already been processed, beyond the reorder window, so its window features are null.`,
      });
      return true;
    }
    if (start > this.newest) this.newest = start;
    this.siftUp(flow);
    return false;
  }

  /** Move every flow that can no longer be overtaken into `out`. */
  drain(out: Flow[]): void {
    const limit = this.newest - this.windowMs;
    const heap = this.heap;
    while (heap.length > 0 && (heap[0]!.start_ms! <= limit || heap.length > this.maxFlows)) out.push(this.pop());
  }

  /** Everything left, in order (end of input). */
  flush(out: Flow[]): void {
    while (this.heap.length > 0) out.push(this.pop());
  }

  get size(): number {
    return this.heap.length;
  }

  private pop(): Flow {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    this.watermark = top.start_ms!;
    return top;
  }

  private siftUp(flow: Flow): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(flow);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(flow, heap[p]!)) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = flow;
  }
}
