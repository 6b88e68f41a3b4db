import type { Cell, HostState, PairCell } from './host-state.ts';

/**
 * The flows of every window, oldest first: a growable ring of columns (typed arrays for numbers), so
 * holding a flow costs a few slots rather than an object. Only what eviction must undo is kept.
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
  srcs: (HostState | undefined)[] = new Array<HostState | undefined>(this.capacity).fill(undefined);
  dsts: (HostState | undefined)[] = new Array<HostState | undefined>(this.capacity).fill(undefined);
  portCells: (Cell<number> | undefined)[] = new Array<Cell<number> | undefined>(this.capacity).fill(undefined);
  pairCells: (PairCell | undefined)[] = new Array<PairCell | undefined>(this.capacity).fill(undefined);

  /** Claim the slot after the newest flow (growing the ring when full) and return its index. */
  pushSlot(): number {
    if (this.size === this.capacity) this.grow();
    let i = this.head + this.size;
    if (i >= this.capacity) i -= this.capacity;
    this.size++;
    return i;
  }

  /** Drop the oldest flow (its references too, so evicted states can be collected or reused). */
  shift(): void {
    const i = this.head;
    this.srcs[i] = undefined;
    this.dsts[i] = undefined;
    this.portCells[i] = undefined;
    this.pairCells[i] = undefined;
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    this.size--;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    const at = (i: number): number => (this.head + i) % old;
    const numbers = <T extends Float64Array | Uint8Array>(from: T, to: T): T => {
      for (let i = 0; i < this.size; i++) to[i] = from[at(i)]!;
      return to;
    };
    const refs = <T>(from: (T | undefined)[]): (T | undefined)[] => {
      const to = new Array<T | undefined>(cap).fill(undefined);
      for (let i = 0; i < this.size; i++) to[i] = from[at(i)];
      return to;
    };
    this.starts = numbers(this.starts, new Float64Array(cap));
    this.pkts = numbers(this.pkts, new Float64Array(cap));
    this.bytes = numbers(this.bytes, new Float64Array(cap));
    this.protocols = numbers(this.protocols, new Uint8Array(cap));
    this.syns = numbers(this.syns, new Uint8Array(cap));
    this.srcs = refs(this.srcs);
    this.dsts = refs(this.dsts);
    this.portCells = refs(this.portCells);
    this.pairCells = refs(this.pairCells);
    this.head = 0;
    this.capacity = cap;
  }
}
