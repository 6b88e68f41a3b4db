import type { Flow } from '../ingest/index.ts';
import { addTo, DestinationState, removeFrom, SourceState } from './key-state.ts';

/** What the windows say about the flow just inserted (a reused object: read it before the next insert). */
export interface WindowView {
  src: SourceState;
  dst: DestinationState;
  /** Start gap to the previous flow from the same source still in the window; null when there is none. */
  interArrivalMs: number | null;
}

const SYN = 2;
const NO_PORT = -1;
/** Idle key states kept for reuse, so a busy stream allocates few new ones. */
const POOL_LIMIT = 4096;

/**
 * Every flow in the window (of any key), oldest first, in a growable ring of columns. Because
 * flows arrive in (start time, input order), the oldest flow of the whole window is also the oldest
 * of its source's and its destination's windows: evicting from the front of this one queue keeps
 * every key's aggregates exact, and drops a key's state the moment its window is empty. Memory is
 * therefore bounded by what the window holds, not by the number of distinct addresses in the file.
 */
export class SlidingWindows {
  private capacity = 1024;
  private head = 0;
  private size = 0;
  private starts = new Float64Array(this.capacity);
  private pkts = new Float64Array(this.capacity);
  private bytes = new Float64Array(this.capacity);
  private protocols = new Uint8Array(this.capacity);
  private syns = new Uint8Array(this.capacity);
  private ports = new Int32Array(this.capacity);
  private srcRefs: (SourceState | undefined)[] = new Array<SourceState | undefined>(this.capacity);
  private dstRefs: (DestinationState | undefined)[] = new Array<DestinationState | undefined>(this.capacity);
  private readonly sources = new Map<string, SourceState>();
  private readonly destinations = new Map<string, DestinationState>();
  private readonly sourcePool: SourceState[] = [];
  private readonly destinationPool: DestinationState[] = [];
  private readonly view: WindowView = { src: new SourceState(), dst: new DestinationState(), interArrivalMs: null };
  /** Start of the newest flow inserted: a flow earlier than this cannot join the windows. */
  latestStart = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number) {}

  /** Flows currently held (all keys). */
  get held(): number {
    return this.size;
  }

  /** Addresses with a non-empty window. */
  get keys(): number {
    return this.sources.size + this.destinations.size;
  }

  /** Insert a flow whose start is ≥ every start inserted before, and return its windows. */
  insert(flow: Flow, start: number): WindowView {
    this.evictBefore(start - this.windowMs);
    this.latestStart = start;
    const src = this.sourceOf(flow.src_addr);
    const dst = this.destinationOf(flow.dst_addr);
    const view = this.view;
    view.interArrivalMs = src.count > 0 ? start - src.lastStart : null;
    const syn = flow.tcp_flags !== null && (flow.tcp_flags & SYN) !== 0 ? 1 : 0;
    const port = flow.dst_port ?? NO_PORT;
    src.count++;
    src.pktsSum += flow.in_pkts;
    src.bytesSum += flow.in_bytes;
    src.synFlows += syn;
    src.lastStart = start;
    src.addProtocol(flow.protocol);
    if (port !== NO_PORT) addTo(src.dstPorts, port);
    addTo(src.dstAddrs, flow.dst_addr);
    dst.count++;
    addTo(dst.srcAddrs, flow.src_addr);
    this.push(start, flow, syn, port, src, dst);
    view.src = src;
    view.dst = dst;
    return view;
  }

  private push(start: number, flow: Flow, syn: number, port: number, src: SourceState, dst: DestinationState): void {
    if (this.size === this.capacity) this.grow();
    const i = (this.head + this.size) % this.capacity;
    this.starts[i] = start;
    this.pkts[i] = flow.in_pkts;
    this.bytes[i] = flow.in_bytes;
    this.protocols[i] = flow.protocol;
    this.syns[i] = syn;
    this.ports[i] = port;
    this.srcRefs[i] = src;
    this.dstRefs[i] = dst;
    this.size++;
  }

  /** Evict every flow that started before `cutoff` (the window is [t − W, t], both edges included). */
  private evictBefore(cutoff: number): void {
    while (this.size > 0 && this.starts[this.head]! < cutoff) {
      const i = this.head;
      const src = this.srcRefs[i]!;
      const dst = this.dstRefs[i]!;
      src.count--;
      src.pktsSum -= this.pkts[i]!;
      src.bytesSum -= this.bytes[i]!;
      src.synFlows -= this.syns[i]!;
      src.removeProtocol(this.protocols[i]!);
      if (this.ports[i] !== NO_PORT) removeFrom(src.dstPorts, this.ports[i]!);
      removeFrom(src.dstAddrs, dst.key);
      dst.count--;
      removeFrom(dst.srcAddrs, src.key);
      if (src.count === 0) this.releaseSource(src);
      if (dst.count === 0) this.releaseDestination(dst);
      this.srcRefs[i] = undefined;
      this.dstRefs[i] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
  }

  private sourceOf(key: string): SourceState {
    let state = this.sources.get(key);
    if (state === undefined) {
      state = this.sourcePool.pop() ?? new SourceState();
      state.reset(key);
      this.sources.set(key, state);
    }
    return state;
  }

  private destinationOf(key: string): DestinationState {
    let state = this.destinations.get(key);
    if (state === undefined) {
      state = this.destinationPool.pop() ?? new DestinationState();
      state.reset(key);
      this.destinations.set(key, state);
    }
    return state;
  }

  private releaseSource(state: SourceState): void {
    this.sources.delete(state.key);
    if (this.sourcePool.length < POOL_LIMIT) {
      state.reset('');
      this.sourcePool.push(state);
    }
  }

  private releaseDestination(state: DestinationState): void {
    this.destinations.delete(state.key);
    if (this.destinationPool.length < POOL_LIMIT) {
      state.reset('');
      this.destinationPool.push(state);
    }
  }

  private grow(): void {
    const old = this.capacity;
    const order = (i: number): number => (this.head + i) % old;
    const cap = old * 2;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(src: T, make: (n: number) => T): T => {
      const dst = make(cap);
      for (let i = 0; i < this.size; i++) dst[i] = src[order(i)]!;
      return dst;
    };
    this.starts = copy(this.starts, (n) => new Float64Array(n));
    this.pkts = copy(this.pkts, (n) => new Float64Array(n));
    this.bytes = copy(this.bytes, (n) => new Float64Array(n));
    this.protocols = copy(this.protocols, (n) => new Uint8Array(n));
    this.syns = copy(this.syns, (n) => new Uint8Array(n));
    this.ports = copy(this.ports, (n) => new Int32Array(n));
    const srcRefs = new Array<SourceState | undefined>(cap);
    const dstRefs = new Array<DestinationState | undefined>(cap);
    for (let i = 0; i < this.size; i++) {
      srcRefs[i] = this.srcRefs[order(i)];
      dstRefs[i] = this.dstRefs[order(i)];
    }
    this.srcRefs = srcRefs;
    this.dstRefs = dstRefs;
    this.head = 0;
    this.capacity = cap;
  }
}
