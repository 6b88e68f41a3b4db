import type { Flow } from './flow-schema.ts';
import { addNote, formatNumber } from './quality-notes.ts';

/** Default reorder window in flow time: exports are roughly, not exactly, in start-time order. */
export const DEFAULT_REORDER_WINDOW_MS = 300_000;
/** Cap on buffered flows, so a very dense window cannot exhaust memory; beyond it the oldest are emitted early. */
export const DEFAULT_REORDER_MAX_FLOWS = 200_000;

// (start, input order); the physical line is the input order
function compare(a: Flow, b: Flow): number {
  return a.start_ms! - b.start_ms! || a.line - b.line;
}

/**
 * Bounded reorder buffer (issue 2, "Ingest"). Flows wait until the newest start time seen is more than
 * `windowMs` past theirs (or the buffer holds `maxFlows`), then leave in (start time, input order).
 * Late rule: a flow that starts more than `windowMs` before the newest start read so far (or before a flow
 * the cap already forced out) cannot be put in order; it is emitted at once, ahead of the flows still
 * buffered, with a `late-flow` note, and features give it null window values. The rule depends only on the
 * input order, never on how the file was chunked.
 *
 * Flows are collected per batch, sorted (V8's TimSort is linear on the nearly sorted runs exports produce)
 * and merged into the held, sorted remainder: cheaper than a heap by a wide margin on real exports.
 */
export class ReorderBuffer {
  private held: Flow[] = [];
  private head = 0;
  private incoming: Flow[] = [];
  private newest = -Infinity;
  private watermark = -Infinity;

  constructor(
    private readonly windowMs = DEFAULT_REORDER_WINDOW_MS,
    private readonly maxFlows = DEFAULT_REORDER_MAX_FLOWS,
  ) {}

  /** Add a flow with a start time. Returns true when it was late (noted; the caller emits it now). */
  push(flow: Flow): boolean {
    const start = flow.start_ms!;
    const floor = Math.max(this.newest - this.windowMs, this.watermark);
    if (start < floor) {
      addNote(flow, {
        code: 'late-flow',
        field: 'start_ms',
        value: start,
        message: `This flow started ${formatNumber(this.newest - start)} ms before the newest flow already read, beyond the ${formatNumber(this.windowMs)} ms reorder window, so it could not be put in time order and its window features are null.`,
      });
      return true;
    }
    if (start > this.newest) this.newest = start;
    this.incoming.push(flow);
    return false;
  }

  /** Move every flow that can no longer be overtaken into `out`. */
  drain(out: Flow[]): void {
    this.merge();
    const held = this.held;
    const limit = this.newest - this.windowMs;
    let cut = this.head;
    while (cut < held.length && (held[cut]!.start_ms! <= limit || held.length - cut > this.maxFlows)) cut++;
    this.emit(out, cut);
  }

  /** Everything left, in order (end of input). */
  flush(out: Flow[]): void {
    this.merge();
    this.emit(out, this.held.length);
  }

  get size(): number {
    return this.held.length - this.head + this.incoming.length;
  }

  private emit(out: Flow[], cut: number): void {
    const held = this.held;
    if (cut === this.head) return;
    for (let i = this.head; i < cut; i++) {
      out.push(held[i]!);
      // clear the slot: a kept reference would survive young-generation GCs and be promoted
      held[i] = undefined as unknown as Flow;
    }
    this.watermark = out[out.length - 1]!.start_ms!;
    this.head = cut;
    if (cut === held.length) {
      this.held = [];
      this.head = 0;
    } else if (cut > 4096 && cut * 2 > held.length) {
      this.held = held.slice(cut);
      this.head = 0;
    }
  }

  /** Sort the new flows and merge them into the held ones; only the overlapping tail is touched. */
  private merge(): void {
    const b = this.incoming;
    if (b.length === 0) return;
    b.sort(compare);
    this.incoming = [];
    const held = this.held;
    // held[from..] are the held flows that sort after b[0]: usually a short tail, often none
    let lo = this.head;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(held[mid]!, b[0]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const tail = held.splice(lo);
    let i = 0;
    let j = 0;
    while (i < tail.length && j < b.length) held.push(compare(tail[i]!, b[j]!) <= 0 ? tail[i++]! : b[j++]!);
    while (i < tail.length) held.push(tail[i++]!);
    while (j < b.length) held.push(b[j++]!);
  }
}
