import type { Flow } from '../ingest/index.ts';
import type { FeatureName } from './registry.ts';
import type { WindowView } from './sliding-windows.ts';

/** Everything a feature is computed from; one reused object per extractor. */
export interface FeatureContext {
  flow: Flow;
  /** The flow's windows; undefined when window features do not apply (no time, late flow). */
  window: WindowView | undefined;
  /** The input carries TCP flags (else src_syn_flows is null). */
  hasFlags: boolean;
}

export type FeatureCompute = (c: FeatureContext) => number | null;

/** `numerator / (duration in s)`; null when the duration is unknown or 0. */
function perSecond(numerator: number, durationMs: number | null): number | null {
  return durationMs === null || durationMs === 0 ? null : numerator / (durationMs / 1000);
}

/**
 * How each registry feature is computed. Keyed by FeatureName, so a feature added to the registry
 * without a computation here fails tsc. Null means "does not apply", never a stand-in 0.
 */
export const COMPUTATIONS: Record<FeatureName, FeatureCompute> = {
  IN_BYTES: (c) => c.flow.in_bytes,
  IN_PKTS: (c) => c.flow.in_pkts,
  OUT_BYTES: (c) => c.flow.out_bytes,
  OUT_PKTS: (c) => c.flow.out_pkts,
  // as ingest gave it: a wrapped duration is already null or end − start there
  duration_ms: (c) => c.flow.duration_ms,
  avg_in_packet_size: (c) => (c.flow.in_pkts === 0 ? null : c.flow.in_bytes / c.flow.in_pkts),
  in_bytes_per_s: (c) => perSecond(c.flow.in_bytes, c.flow.duration_ms),
  in_pkts_per_s: (c) => perSecond(c.flow.in_pkts, c.flow.duration_ms),
  src_flows_in_window: (c) => (c.window ? c.window.src.srcCount : null),
  dst_flows_in_window: (c) => (c.window ? c.window.dst.dstCount : null),
  src_in_pkts_sum: (c) => (c.window ? c.window.src.pktsSum : null),
  src_in_bytes_sum: (c) => (c.window ? c.window.src.bytesSum : null),
  src_entropy_protocol: (c) => (c.window ? c.window.src.protocolEntropy() : null),
  src_syn_flows: (c) => (c.window && c.hasFlags ? c.window.src.synFlows : null),
  src_distinct_dst_ports: (c) => (c.window ? c.window.src.distinctDstPorts : null),
  src_distinct_dst_addrs: (c) => (c.window ? c.window.src.distinctDsts : null),
  dst_distinct_src_addrs: (c) => (c.window ? c.window.dst.distinctSrcs : null),
  // null, not 0: no earlier flow from this source in the window (the seed's misreading)
  inter_arrival_ms: (c) => (c.window ? c.window.interArrivalMs : null),
};
