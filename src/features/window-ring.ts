/**
 * The flows of every window, oldest first: a growable ring of typed-array columns, so holding a flow
 * costs a few numbers rather than an object, and the ring holds no references for the GC to trace.
 * Only what eviction must undo is kept; addresses are SlidingWindows' host ids.
 */
export class WindowRing {
  capacity = 1024;
  head = 0;
  size = 0;
  starts = new Float64Array(this.capacity);
  pkts = new Float64Array(this.capacity);
  bytes = new Float64Array(this.capacity);
  protocols = new Uint8Array(this.capacity);
  syns = new Uint8Array(this.capacity);
  srcs = new Int32Array(this.capacity);
  dsts = new Int32Array(this.capacity);
  /** Destination port, or -1 when the flow has none. */
  dstPorts = new Int32Array(this.capacity);

  /** Claim the slot after the newest flow (growing the ring when full) and return its index. */
  pushSlot(): number {
    if (this.size === this.capacity) this.grow();
    let i = this.head + this.size;
    if (i >= this.capacity) i -= this.capacity;
    this.size++;
    return i;
  }

  /** Drop the oldest flow. */
  shift(): void {
    const i = this.head;
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    this.size--;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    const at = (i: number): number => (this.head + i) % old;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T => {
      for (let i = 0; i < this.size; i++) to[i] = from[at(i)]!;
      return to;
    };
    this.starts = copy(this.starts, new Float64Array(cap));
    this.pkts = copy(this.pkts, new Float64Array(cap));
    this.bytes = copy(this.bytes, new Float64Array(cap));
    this.protocols = copy(this.protocols, new Uint8Array(cap));
    this.syns = copy(this.syns, new Uint8Array(cap));
    this.srcs = copy(this.srcs, new Int32Array(cap));
    this.dsts = copy(this.dsts, new Int32Array(cap));
    this.dstPorts = copy(this.dstPorts, new Int32Array(cap));
    this.head = 0;
    this.capacity = cap;
  }
}
