/**
 * Running aggregates of one address's window. Every field is updated on insert and on evict, so a
 * feature is read in O(1) (entropy in O(distinct protocols), a handful in practice).
 */
export class SourceState {
  key = '';
  count = 0;
  pktsSum = 0;
  bytesSum = 0;
  synFlows = 0;
  /** Start of the newest flow inserted; valid while count > 0 (the newest flow is evicted last). */
  lastStart = 0;
  /** Protocol → flows, as two parallel arrays: a source rarely uses more than three protocols. */
  readonly protocols: number[] = [];
  readonly protocolCounts: number[] = [];
  /** Multisets: value → flows in the window; size = distinct values. */
  readonly dstPorts = new Map<number, number>();
  readonly dstAddrs = new Map<string, number>();

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
    const left = --this.protocolCounts[i]!;
    if (left === 0) {
      // swap-remove: order does not matter for entropy
      const last = this.protocols.length - 1;
      this.protocols[i] = this.protocols[last]!;
      this.protocolCounts[i] = this.protocolCounts[last]!;
      this.protocols.pop();
      this.protocolCounts.pop();
    }
  }

  /** Shannon entropy in bits of the protocols in the window; exactly 0 for one protocol. */
  protocolEntropy(): number {
    const n = this.count;
    let h = 0;
    for (let i = 0; i < this.protocolCounts.length; i++) {
      const p = this.protocolCounts[i]! / n;
      if (p < 1) h -= p * Math.log2(p);
    }
    return h;
  }

  reset(key: string): void {
    this.key = key;
    this.count = 0;
    this.pktsSum = 0;
    this.bytesSum = 0;
    this.synFlows = 0;
    this.lastStart = 0;
    this.protocols.length = 0;
    this.protocolCounts.length = 0;
    this.dstPorts.clear();
    this.dstAddrs.clear();
  }
}

/** Running aggregates of one destination address's window. */
export class DestinationState {
  key = '';
  count = 0;
  readonly srcAddrs = new Map<string, number>();

  reset(key: string): void {
    this.key = key;
    this.count = 0;
    this.srcAddrs.clear();
  }
}

/** Add one occurrence of `value` to a multiset. */
export function addTo<K>(multiset: Map<K, number>, value: K): void {
  multiset.set(value, (multiset.get(value) ?? 0) + 1);
}

/** Remove one occurrence of `value` from a multiset; the entry goes when its count reaches 0. */
export function removeFrom<K>(multiset: Map<K, number>, value: K): void {
  const left = (multiset.get(value) ?? 1) - 1;
  if (left === 0) multiset.delete(value);
  else multiset.set(value, left);
}
