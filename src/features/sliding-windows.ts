import type { Flow } from '../ingest/index.ts';
import { Cell, HostState, PairCell } from './host-state.ts';
import { WindowRing } from './window-ring.ts';

/** What the windows say about the flow just inserted (a reused object: read it before the next insert). */
export interface WindowView {
  src: HostState;
  dst: HostState;
  /** Start gap to the previous flow from the same source still in the window; null when there is none. */
  interArrivalMs: number | null;
}

const SYN = 2;
/** Idle states and cells kept for reuse, so a long stream allocates few new ones. */
const POOL_LIMIT = 8192;

/**
 * The windows of every address. All flows in any window sit in one ring, oldest first. Because flows
 * arrive in (start time, input order), the oldest flow of the whole ring is also the oldest of its
 * source's and its destination's windows: evicting from the front keeps every address's aggregates
 * exact, and drops an address's state the moment both its windows are empty. Memory is therefore
 * bounded by what the window holds, not by the number of distinct addresses in the file.
 */
export class SlidingWindows {
  private readonly ring = new WindowRing();
  private readonly hosts = new Map<string, HostState>();
  private readonly hostPool: HostState[] = [];
  private readonly portPool: Cell<number>[] = [];
  private readonly pairPool: PairCell[] = [];
  private readonly view: WindowView = { src: new HostState(), dst: new HostState(), interArrivalMs: null };
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
    ring.srcs[i] = src;
    ring.dsts[i] = dst;
    ring.portCells[i] = flow.dst_port === null ? undefined : this.portCell(src.dstPorts, flow.dst_port);
    ring.pairCells[i] = this.pairCell(src, dst);
    view.src = src;
    view.dst = dst;
    return view;
  }

  /** Evict every flow that started before `cutoff` (the window is [t − W, t], both edges included). */
  private evictBefore(cutoff: number): void {
    const ring = this.ring;
    while (ring.size > 0 && ring.starts[ring.head]! < cutoff) {
      const i = ring.head;
      const src = ring.srcs[i]!;
      const dst = ring.dsts[i]!;
      src.srcCount--;
      src.pktsSum -= ring.pkts[i]!;
      src.bytesSum -= ring.bytes[i]!;
      src.synFlows -= ring.syns[i]!;
      src.removeProtocol(ring.protocols[i]!);
      dst.dstCount--;
      const port = ring.portCells[i];
      if (port !== undefined && --port.n === 0) {
        src.dstPorts.delete(port.key);
        if (this.portPool.length < POOL_LIMIT) this.portPool.push(port);
      }
      const pair = ring.pairCells[i]!;
      if (--pair.n === 0) {
        src.pairs.delete(dst);
        dst.distinctSrcs--;
        if (this.pairPool.length < POOL_LIMIT) this.pairPool.push(pair);
      }
      if (src.srcCount === 0 && src.dstCount === 0) this.release(src);
      if (dst !== src && dst.srcCount === 0 && dst.dstCount === 0) this.release(dst);
      ring.shift();
    }
  }

  private hostOf(key: string): HostState {
    let state = this.hosts.get(key);
    if (state === undefined) {
      state = this.hostPool.pop() ?? new HostState();
      state.reset(key);
      this.hosts.set(key, state);
    }
    return state;
  }

  private release(state: HostState): void {
    this.hosts.delete(state.key);
    if (this.hostPool.length < POOL_LIMIT) this.hostPool.push(state);
  }

  private portCell(map: Map<number, Cell<number>>, port: number): Cell<number> {
    let cell = map.get(port);
    if (cell === undefined) {
      cell = this.portPool.pop() ?? new Cell(0);
      cell.key = port;
      map.set(port, cell);
    }
    cell.n++;
    return cell;
  }

  private pairCell(src: HostState, dst: HostState): PairCell {
    let cell = src.pairs.get(dst);
    if (cell === undefined) {
      cell = this.pairPool.pop() ?? new PairCell(src, dst);
      cell.src = src;
      cell.dst = dst;
      src.pairs.set(dst, cell);
      dst.distinctSrcs++;
    }
    cell.n++;
    return cell;
  }
}
