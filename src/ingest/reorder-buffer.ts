import { FlowColumns } from './flow-columns.ts';
import type { Flow, QualityNote } from './flow-schema.ts';
import { AT_START, PACKED_STRIDE, unpackFlow, type BlockCursor, type LabelTable, type PackedBlock } from './packed-flows.ts';
import { addNote, formatNumber } from './quality-notes.ts';
import { SlotHeap } from './slot-heap.ts';

/** Default reorder window in flow time: exports are roughly, not exactly, in start-time order. */
export const DEFAULT_REORDER_WINDOW_MS = 300_000;
/** Cap on buffered flows, so a very dense window cannot exhaust memory; beyond it the oldest are emitted early. */
export const DEFAULT_REORDER_MAX_FLOWS = 200_000;
/** Flows held and sorted whole before the window rule applies: a small input is sorted exactly, whatever its order. */
export const DEFAULT_REORDER_HOLD_FLOWS = 50_000;

/**
 * Bounded reorder buffer (issue 2, "Ingest"). Flows wait until the newest start time seen is more than
 * `windowMs` past theirs (or the buffer holds `maxFlows`), then leave in (start time, input order).
 * Late rule: a flow that starts more than `windowMs` before the newest start read so far (or before a flow
 * the cap already forced out) cannot be put in order; it is emitted at once, ahead of the flows still
 * buffered, with a `late-flow` note, and features give it null window values. The first `holdFlows` flows
 * are exempt: they are all held, so an input that small is sorted whole. The rule depends only on the
 * input order, never on how the file was chunked.
 *
 * Held flows live in columns (FlowColumns: no object per held flow) and are ordered by two queues of
 * slots: a FIFO for flows that arrive in order (the common case, O(1)) and a binary heap for those that
 * do not (O(log n)); the next flow out is the smaller of the two heads. Any input order costs at most
 * O(log n) a flow.
 */
export class ReorderBuffer {
  private readonly columns = new FlowColumns();
  private readonly inOrder = new SlotQueue();
  private readonly heap: SlotHeap;
  private newest = -Infinity;
  /** Flows that started before a flow read earlier (late ones included). */
  outOfOrder = 0;
  private watermark = -Infinity;
  /** Start of the last flow queued in order: a flow at or after it extends the FIFO. */
  private tail = -Infinity;

  /** Flows still to take in before the window rule applies (see holdFlows). */
  private holding: number;

  /**
   * @param holdFlows the first this many flows are all held and sorted exactly, whatever their order, before
   *   the window rule applies: an input of up to that many flows is sorted whole. 0 turns it off.
   */
  constructor(
    private readonly windowMs = DEFAULT_REORDER_WINDOW_MS,
    private readonly maxFlows = DEFAULT_REORDER_MAX_FLOWS,
    holdFlows = 0,
  ) {
    this.heap = new SlotHeap(this.columns);
    this.holding = Math.min(holdFlows, maxFlows);
  }

  /** Add a flow with a start time. Returns true when it was late (noted; the caller emits it now). */
  push(flow: Flow): boolean {
    const start = flow.start_ms!;
    if (this.admitLate(start)) {
      addNote(flow, this.lateNote(start));
      return true;
    }
    this.enqueue(this.columns.put(flow), start);
    return false;
  }

  /**
   * Add flow `i` of a block from the parse thread (it has a start time), the way push() adds the flow it
   * was packed from: parked straight from the block, or, when late, returned as a flow with its note.
   */
  pushPacked(block: PackedBlock, i: number, cursor: BlockCursor, labels: LabelTable): Flow | null {
    const start = block.numbers[i * PACKED_STRIDE + AT_START]!;
    if (this.admitLate(start)) {
      const flow = unpackFlow(block, i, cursor, labels);
      addNote(flow, this.lateNote(start));
      return flow;
    }
    this.enqueue(this.columns.putPacked(block, i, cursor, labels), start);
    return null;
  }

  /** Whether a flow starting at `start` is late (counted); when it is not, the newest start moves up to it. */
  private admitLate(start: number): boolean {
    const floor = this.holding > 0 ? -Infinity : Math.max(this.newest - this.windowMs, this.watermark);
    if (this.holding > 0) this.holding--;
    if (start < floor) {
      this.outOfOrder++;
      return true;
    }
    if (start > this.newest) this.newest = start;
    else if (start < this.newest) this.outOfOrder++;
    return false;
  }

  private enqueue(slot: number, start: number): void {
    // lines only grow, so an equal start read later sorts after the FIFO's tail
    if (start >= this.tail || this.inOrder.size === 0) {
      this.inOrder.push(slot);
      this.tail = start;
    } else this.heap.push(slot);
  }

  /**
   * Move flows that can no longer be overtaken into `out`, at most `max` of them (the rest wait for the next
   * call; flows over the cap always leave).
   */
  drain(out: Flow[], max = Infinity): void {
    const limit = this.holding > 0 ? -Infinity : this.newest - this.windowMs;
    const start = this.columns.start;
    let left = max;
    for (let slot = this.next(); slot >= 0; slot = this.next()) {
      if (this.size > this.maxFlows) this.emit(out, slot);
      else if (start[slot]! <= limit && left-- > 0) this.emit(out, slot);
      else break;
    }
  }

  /** What is left, in order, at most `max` flows per call (end of input: call until size is 0). */
  flush(out: Flow[], max = Infinity): void {
    let left = max;
    for (let slot = this.next(); slot >= 0 && left-- > 0; slot = this.next()) this.emit(out, slot);
  }

  get size(): number {
    return this.inOrder.size + this.heap.size;
  }

  private lateNote(start: number): QualityNote {
    return { code: 'late-flow', field: 'start_ms', value: start, message: this.lateMessage(start) };
  }

  private lateMessage(start: number): string {
    const behind = `This flow started ${formatNumber(this.newest - start)} ms before the newest flow already read`;
    const why =
      start < this.newest - this.windowMs
        ? `beyond the ${formatNumber(this.windowMs)} ms reorder window`
        : `and before flows that the full reorder buffer (${formatNumber(this.maxFlows)} flows) had already let out`;
    return `${behind}, ${why}, so it could not be put in time order and its window features are null.`;
  }

  /** The slot of the next flow out (the smaller head of the two queues), or -1 when empty. */
  private next(): number {
    const a = this.inOrder.size > 0 ? this.inOrder.peek() : -1;
    const b = this.heap.size > 0 ? this.heap.peek() : -1;
    if (a < 0) return b;
    if (b < 0) return a;
    return this.heap.before(b, a) ? b : a;
  }

  private emit(out: Flow[], slot: number): void {
    if (this.inOrder.size > 0 && this.inOrder.peek() === slot) this.inOrder.shift();
    else this.heap.pop();
    this.watermark = this.columns.start[slot]!;
    out.push(this.columns.take(slot));
  }
}

/** A growable ring of slot numbers. */
class SlotQueue {
  private ring = new Int32Array(1024);
  private head = 0;
  size = 0;

  push(slot: number): void {
    if (this.size === this.ring.length) {
      const bigger = new Int32Array(this.ring.length * 2);
      for (let i = 0; i < this.size; i++) bigger[i] = this.ring[(this.head + i) % this.ring.length]!;
      this.ring = bigger;
      this.head = 0;
    }
    this.ring[(this.head + this.size++) % this.ring.length] = slot;
  }

  peek(): number {
    return this.ring[this.head]!;
  }

  shift(): void {
    this.head = this.head + 1 === this.ring.length ? 0 : this.head + 1;
    this.size--;
  }
}
