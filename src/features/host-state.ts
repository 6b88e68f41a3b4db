/** One multiset entry: how many flows in the window carry `key`. Ring slots point at it, so eviction needs no lookup. */
export class Cell<K> {
  n = 0;
  constructor(public key: K) {}
}

/**
 * Flows from one source to one destination in the window. One cell serves both multisets: the
 * source's distinct destinations and the destination's distinct sources are counts of live pairs.
 */
export class PairCell {
  n = 0;
  constructor(
    public src: HostState,
    public dst: HostState,
  ) {}
}

/**
 * Running aggregates of one address's windows, as a source and as a destination. Every field is
 * updated on insert and on evict, so a feature is read in O(1) (entropy in O(distinct protocols)).
 * Multisets are keyed by port number or by the other address's HostState (identity hashing: cheaper
 * than hashing the address text again).
 */
export class HostState {
  key = '';
  // as a source
  srcCount = 0;
  pktsSum = 0;
  bytesSum = 0;
  synFlows = 0;
  /** Start of the newest flow from this source; valid while srcCount > 0 (the newest flow leaves last). */
  lastStart = 0;
  /** Protocol → flows, as parallel arrays: a source rarely uses more than three protocols. */
  readonly protocols: number[] = [];
  readonly protocolCounts: number[] = [];
  readonly dstPorts = new Map<number, Cell<number>>();
  /** Live pairs from this source, by destination; its size is src_distinct_dst_addrs. */
  readonly pairs = new Map<HostState, PairCell>();
  // as a destination
  dstCount = 0;
  /** Live pairs into this destination: dst_distinct_src_addrs. */
  distinctSrcs = 0;

  addProtocol(protocol: number): void {
    const i = this.protocols.indexOf(protocol);
    if (i >= 0) this.protocolCounts[i]!++;
    else {
      this.protocols.push(protocol);
      this.protocolCounts.push(1);
    }
  }

  removeProtocol(protocol: number): void {
    const i = this.protocols.indexOf(protocol);
    if (--this.protocolCounts[i]! === 0) {
      // swap-remove: order does not matter for entropy
      const last = this.protocols.length - 1;
      this.protocols[i] = this.protocols[last]!;
      this.protocolCounts[i] = this.protocolCounts[last]!;
      this.protocols.pop();
      this.protocolCounts.pop();
    }
  }

  /** Shannon entropy in bits of the protocols of this source's window; exactly 0 for one protocol. */
  protocolEntropy(): number {
    const n = this.srcCount;
    let h = 0;
    for (let i = 0; i < this.protocolCounts.length; i++) {
      const p = this.protocolCounts[i]! / n;
      if (p < 1) h -= p * Math.log2(p);
    }
    return h;
  }

  /** Reuse for another address (the maps are already empty: every flow that filled them has left). */
  reset(key: string): void {
    this.key = key;
    this.srcCount = 0;
    this.pktsSum = 0;
    this.bytesSum = 0;
    this.synFlows = 0;
    this.lastStart = 0;
    this.dstCount = 0;
    this.distinctSrcs = 0;
  }
}
