import type { Flow } from '../ingest/index.ts';
import { HostIndex } from './host-index.ts';
import { HostState } from './host-state.ts';
import { PairCounts } from './pair-counts.ts';
import { WindowRing } from './window-ring.ts';

/** What the windows say about the flow just inserted (a reused object: read it before the next insert). */
export interface WindowView {
  src: HostState;
  dst: HostState;
  /** Start gap to the previous flow from the same source still in the window; null when there is none. */
  interArrivalMs: number | null;
}

const SYN = 2;

/**
 * The windows of every address. All flows in any window sit in one ring, oldest first. Because flows
 * arrive in (start time, input order), the oldest flow of the whole ring is also the oldest of its
 * source's and its destination's windows: evicting from the front keeps every address's aggregates
 * exact, and drops an address's state the moment both its windows are empty. Memory is therefore
 * bounded by what the window holds, not by the number of distinct addresses in the file.
 */
export class SlidingWindows {
  private readonly ring = new WindowRing();
  /** Address → id of its state, for every address with a non-empty window. */
  private readonly hosts = new HostIndex();
  /** Every state by id (ids are dense: a released state keeps its id for its next address). */
  private readonly states: HostState[] = [];
  private readonly hostPool: HostState[] = [];
  /** (source id, destination port) → flows in the source's window. */
  private readonly ports = new PairCounts();
  /** (source id, destination id) → flows in both windows. */
  private readonly pairs = new PairCounts();
  private readonly view: WindowView = { src: new HostState(-1), dst: new HostState(-1), interArrivalMs: null };
  /** Start of the newest flow inserted: a flow earlier than this cannot join the windows. */
  latestStart = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number) {}

  /** Flows currently held (all addresses). */
  get held(): number {
    return this.ring.size;
  }

  /** Addresses with a non-empty window. */
  get keys(): number {
    return this.hosts.size;
  }

  /** Insert a flow whose start is ≥ every start inserted before, and return its windows. */
  insert(flow: Flow, start: number): WindowView {
    this.evictBefore(start - this.windowMs);
    this.latestStart = start;
    const src = this.hostOf(flow.src_addr);
    const dst = this.hostOf(flow.dst_addr);
    const view = this.view;
    view.interArrivalMs = src.srcCount > 0 ? start - src.lastStart : null;
    const syn = flow.tcp_flags !== null && (flow.tcp_flags & SYN) !== 0 ? 1 : 0;
    src.srcCount++;
    src.pktsSum += flow.in_pkts;
    src.bytesSum += flow.in_bytes;
    src.synFlows += syn;
    src.lastStart = start;
    src.addProtocol(flow.protocol);
    dst.dstCount++;
    const ring = this.ring;
    const i = ring.pushSlot();
    ring.starts[i] = start;
    ring.pkts[i] = flow.in_pkts;
    ring.bytes[i] = flow.in_bytes;
    ring.protocols[i] = flow.protocol;
    ring.syns[i] = syn;
    ring.srcs[i] = src.id;
    ring.dsts[i] = dst.id;
    const port = flow.dst_port ?? -1;
    ring.dstPorts[i] = port;
    if (port >= 0 && this.ports.increment(src.id, port) === 1) src.distinctDstPorts++;
    if (this.pairs.increment(src.id, dst.id) === 1) {
      src.distinctDsts++;
      dst.distinctSrcs++;
    }
    view.src = src;
    view.dst = dst;
    return view;
  }

  /** Evict every flow that started before `cutoff` (the window is [t − W, t], both edges included). */
  private evictBefore(cutoff: number): void {
    const ring = this.ring;
    while (ring.size > 0 && ring.starts[ring.head]! < cutoff) {
      const i = ring.head;
      const src = this.states[ring.srcs[i]!]!;
      const dst = this.states[ring.dsts[i]!]!;
      src.srcCount--;
      src.pktsSum -= ring.pkts[i]!;
      src.bytesSum -= ring.bytes[i]!;
      src.synFlows -= ring.syns[i]!;
      src.removeProtocol(ring.protocols[i]!);
      dst.dstCount--;
      const port = ring.dstPorts[i]!;
      if (port >= 0 && this.ports.decrement(src.id, port) === 0) src.distinctDstPorts--;
      if (this.pairs.decrement(src.id, dst.id) === 0) {
        src.distinctDsts--;
        dst.distinctSrcs--;
      }
      if (src.srcCount === 0 && src.dstCount === 0) this.release(src);
      if (dst !== src && dst.srcCount === 0 && dst.dstCount === 0) this.release(dst);
      ring.shift();
    }
  }

  private hostOf(key: string): HostState {
    const id = this.hosts.get(key);
    if (id >= 0) return this.states[id]!;
    const state = this.hostPool.pop() ?? this.newState();
    // an IPv4 key is held as its number only (see HostIndex)
    const packed = this.hosts.lastNumber;
    state.reset(packed >= 0 ? '' : key, packed);
    state.hash = this.hosts.addMissed(key, state.id);
    return state;
  }

  private release(state: HostState): void {
    this.hosts.delete(state.key, state.hash, state.packed);
    // every released state is pooled (its id stays valid), so states never outnumber the peak of live addresses
    this.hostPool.push(state);
  }

  private newState(): HostState {
    const state = new HostState(this.states.length);
    this.states.push(state);
    return state;
  }
}
