/**
 * Running aggregates of one address's windows, as a source and as a destination. Every field is
 * updated on insert and on evict, so a feature is read in O(1) (entropy in O(distinct protocols)).
 * The multisets (destination ports, peers) live in SlidingWindows' PairCounts keyed by `id`; here only
 * their sizes.
 */
export class HostState {
  /** The address when it is no IPv4 address, else '' and the address is `packed` (see HostIndex). */
  key = '';
  /** The IPv4 address as a number (packIPv4), -1 when `key` holds the address. */
  packed = -1;
  /** The key's hash in SlidingWindows' HostIndex (kept so releasing the state does not hash the key again). */
  hash = 0;
  /** Small integer naming this state in the pair tables while it is in use. */
  constructor(readonly id: number) {}
  // as a source
  srcCount = 0;
  pktsSum = 0;
  bytesSum = 0;
  synFlows = 0;
  /** Start of the newest flow from this source; valid while srcCount > 0 (the newest flow leaves last). */
  lastStart = 0;
  /**
   * Protocol → flows: three inline slots (a source rarely uses more than TCP, UDP and ICMP; fields,
   * not arrays, so insert and evict touch no extra object), then a map for any further protocols.
   */
  p0 = -1;
  n0 = 0;
  p1 = -1;
  n1 = 0;
  p2 = -1;
  n2 = 0;
  moreProtocols: Map<number, number> | null = null;
  /** Distinct destination ports in this source's window: src_distinct_dst_ports. */
  distinctDstPorts = 0;
  /** Distinct destinations in this source's window: src_distinct_dst_addrs. */
  distinctDsts = 0;
  // as a destination
  dstCount = 0;
  /** Distinct sources in this destination's window: dst_distinct_src_addrs. */
  distinctSrcs = 0;

  addProtocol(protocol: number): void {
    if (this.p0 === protocol) this.n0++;
    else if (this.p1 === protocol) this.n1++;
    else if (this.p2 === protocol) this.n2++;
    // a protocol already in the map stays there, so it is never split between a slot and the map
    else if (this.moreProtocols?.has(protocol)) this.moreProtocols.set(protocol, this.moreProtocols.get(protocol)! + 1);
    else if (this.n0 === 0) (this.p0 = protocol), (this.n0 = 1);
    else if (this.n1 === 0) (this.p1 = protocol), (this.n1 = 1);
    else if (this.n2 === 0) (this.p2 = protocol), (this.n2 = 1);
    else {
      const more = (this.moreProtocols ??= new Map());
      more.set(protocol, (more.get(protocol) ?? 0) + 1);
    }
  }

  removeProtocol(protocol: number): void {
    // a slot whose count reaches 0 is free again (its stale protocol number is never matched: see addProtocol order)
    if (this.p0 === protocol && this.n0 > 0) this.n0--;
    else if (this.p1 === protocol && this.n1 > 0) this.n1--;
    else if (this.p2 === protocol && this.n2 > 0) this.n2--;
    else {
      const more = this.moreProtocols!;
      const left = more.get(protocol)! - 1;
      if (left === 0) more.delete(protocol);
      else more.set(protocol, left);
    }
  }

  /** Shannon entropy in bits of the protocols of this source's window; exactly 0 for one protocol. */
  protocolEntropy(): number {
    const n = this.srcCount;
    let h = term(this.n0, n) + term(this.n1, n) + term(this.n2, n);
    if (this.moreProtocols !== null) for (const k of this.moreProtocols.values()) h += term(k, n);
    return h;
  }

  /** Reuse for another address (its pair counts are already gone: every flow that made them has left). */
  reset(key: string, packed: number): void {
    this.key = key;
    this.packed = packed;
    this.srcCount = 0;
    this.pktsSum = 0;
    this.bytesSum = 0;
    this.synFlows = 0;
    this.lastStart = 0;
    this.p0 = this.p1 = this.p2 = -1;
    this.n0 = this.n1 = this.n2 = 0;
    this.moreProtocols = null;
    this.distinctDstPorts = 0;
    this.distinctDsts = 0;
    this.dstCount = 0;
    this.distinctSrcs = 0;
  }
}

/** −p·log2(p) for a protocol with k of n flows; 0 when absent or alone (so one protocol gives exactly 0). */
function term(k: number, n: number): number {
  if (k === 0 || k === n) return 0;
  const p = k / n;
  return -p * Math.log2(p);
}
