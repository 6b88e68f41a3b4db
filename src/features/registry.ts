import { z } from 'zod';

/**
 * The one source of truth for every feature: its name, unit, one-line definition and aliases.
 * The extractor, the FeatureTable, the prompt and the checker all read this registry.
 * Bump REGISTRY_VERSION whenever a definition changes meaning (baselines record it).
 */
export const REGISTRY_VERSION = 1;

export const FeatureName = z.enum([
  // flow counters, as the exporter reported them
  'IN_BYTES',
  'IN_PKTS',
  'OUT_BYTES',
  'OUT_PKTS',
  // per-flow
  'duration_ms',
  'avg_in_packet_size',
  'in_bytes_per_s',
  'in_pkts_per_s',
  // sliding window (DESIGN.md "Features")
  'src_flows_in_window',
  'dst_flows_in_window',
  'src_in_pkts_sum',
  'src_in_bytes_sum',
  'src_entropy_protocol',
  'src_syn_flows',
  'src_distinct_dst_ports',
  'src_distinct_dst_addrs',
  'dst_distinct_src_addrs',
  'inter_arrival_ms',
]);
export type FeatureName = z.infer<typeof FeatureName>;

/** What kind of quantity a value is: drives log transforms in scoring and unit handling in the checker. */
export type FeatureKind = 'count' | 'bytes' | 'duration' | 'rate' | 'size' | 'entropy';
export type FeatureGroup = 'flow' | 'per-flow' | 'window';

/** A flow counter or the duration, as ingest gave them. */
export type FlowMeasure = 'in_bytes' | 'in_pkts' | 'out_bytes' | 'out_pkts' | 'duration_ms';

/** What a window aggregates over the flows of the window (DESIGN.md "Features"). */
export type WindowAggregate =
  | { fn: 'count' }
  | { fn: 'sum'; column: 'in_pkts' | 'in_bytes' }
  /** Flows with the SYN bit (2) of tcp_flags; null when the input has no flags. */
  | { fn: 'syn-count' }
  /** Shannon entropy in bits of the column's values; exactly 0 for one value. */
  | { fn: 'entropy'; column: 'protocol' }
  /** Distinct non-null values of the column. */
  | { fn: 'distinct'; column: 'dst_port' | 'dst_addr' | 'src_addr' }
  /** Start gap to the previous flow of the window (in (start, input order)); null when there is none. */
  | { fn: 'gap-ms' };

/**
 * How a feature is computed, declared once: the TypeScript engine (computations.ts) and the SQL
 * generator (sql/) are both built from it, so the two cannot drift.
 */
export type FeatureFormula =
  | { of: 'flow'; column: FlowMeasure }
  /** numerator / denominator; null when the denominator is 0 or unknown (`duration_s` = duration_ms / 1000). */
  | { of: 'ratio'; numerator: 'in_bytes' | 'in_pkts'; denominator: 'in_pkts' | 'duration_s' }
  /**
   * An aggregate over the window of the flow's source or destination address: the flows with that
   * address whose start is in [t − W, t], at or before this flow in (start, input order). Null when
   * the input has no times, the flow has no start, or the flow came late (not in start order).
   */
  | { of: 'window'; key: 'src' | 'dst'; aggregate: WindowAggregate };

export interface FeatureSpec {
  unit: string;
  kind: FeatureKind;
  group: FeatureGroup;
  /** One line, read by analysts and by the model: what the number is, and what null means. */
  description: string;
  /** Other names that mean this feature (the seed's names, nProbe's). Matched case-sensitively. */
  aliases: readonly string[];
  formula: FeatureFormula;
}

export const FEATURES: Record<FeatureName, FeatureSpec> = {
  IN_BYTES: {
    unit: 'bytes',
    kind: 'bytes',
    group: 'flow',
    description: 'Bytes sent from source to destination in this flow',
    aliases: ['in_bytes', 'orig_ip_bytes', 'bytes_toserver', 'ibyt'],
    formula: { of: 'flow', column: 'in_bytes' },
  },
  IN_PKTS: {
    unit: 'packets',
    kind: 'count',
    group: 'flow',
    description: 'Packets sent from source to destination in this flow',
    aliases: ['in_pkts', 'orig_pkts', 'pkts_toserver', 'ipkt'],
    formula: { of: 'flow', column: 'in_pkts' },
  },
  OUT_BYTES: {
    unit: 'bytes',
    kind: 'bytes',
    group: 'flow',
    description: 'Bytes sent from destination back to source in this flow; null when the exporter reports one direction only',
    aliases: ['out_bytes', 'resp_ip_bytes', 'bytes_toclient', 'obyt'],
    formula: { of: 'flow', column: 'out_bytes' },
  },
  OUT_PKTS: {
    unit: 'packets',
    kind: 'count',
    group: 'flow',
    description: 'Packets sent from destination back to source in this flow; null when the exporter reports one direction only',
    aliases: ['out_pkts', 'resp_pkts', 'pkts_toclient', 'opkt'],
    formula: { of: 'flow', column: 'out_pkts' },
  },
  duration_ms: {
    unit: 'ms',
    kind: 'duration',
    group: 'per-flow',
    description: 'Time from the first to the last packet of this flow',
    aliases: ['FLOW_DURATION_MILLISECONDS', 'duration'],
    formula: { of: 'flow', column: 'duration_ms' },
  },
  avg_in_packet_size: {
    unit: 'bytes/packet',
    kind: 'size',
    group: 'per-flow',
    description: 'IN_BYTES divided by IN_PKTS; null when IN_PKTS is 0',
    aliases: [],
    formula: { of: 'ratio', numerator: 'in_bytes', denominator: 'in_pkts' },
  },
  in_bytes_per_s: {
    unit: 'bytes/s',
    kind: 'rate',
    group: 'per-flow',
    description: 'IN_BYTES divided by the flow duration in seconds; null when the duration is 0 or unknown',
    aliases: [],
    formula: { of: 'ratio', numerator: 'in_bytes', denominator: 'duration_s' },
  },
  in_pkts_per_s: {
    unit: 'packets/s',
    kind: 'rate',
    group: 'per-flow',
    description: 'IN_PKTS divided by the flow duration in seconds; null when the duration is 0 or unknown',
    aliases: [],
    formula: { of: 'ratio', numerator: 'in_pkts', denominator: 'duration_s' },
  },
  src_flows_in_window: {
    unit: 'flows',
    kind: 'count',
    group: 'window',
    description: 'Flows from the same source address that started in the window ending at this flow, this flow included',
    aliases: [],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'count' } },
  },
  dst_flows_in_window: {
    unit: 'flows',
    kind: 'count',
    group: 'window',
    description: 'Flows to the same destination address that started in the window ending at this flow, this flow included',
    aliases: [],
    formula: { of: 'window', key: 'dst', aggregate: { fn: 'count' } },
  },
  src_in_pkts_sum: {
    unit: 'packets',
    kind: 'count',
    group: 'window',
    description: 'Sum of IN_PKTS over the flows from the same source in the window, this flow included',
    aliases: ['src_IN_PKTS_sum'],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'sum', column: 'in_pkts' } },
  },
  src_in_bytes_sum: {
    unit: 'bytes',
    kind: 'bytes',
    group: 'window',
    description: 'Sum of IN_BYTES over the flows from the same source in the window, this flow included',
    aliases: ['src_IN_BYTES_sum'],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'sum', column: 'in_bytes' } },
  },
  src_entropy_protocol: {
    unit: 'bits',
    kind: 'entropy',
    group: 'window',
    description: 'Shannon entropy of the protocol numbers of the flows from the same source in the window (0 = one protocol)',
    aliases: ['src_entropy_PROTOCOL'],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'entropy', column: 'protocol' } },
  },
  src_syn_flows: {
    unit: 'flows',
    kind: 'count',
    group: 'window',
    description: 'Flows from the same source in the window with the SYN bit set in their TCP flags; null when the input has no flags',
    aliases: ['src_flag_SYN'],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'syn-count' } },
  },
  src_distinct_dst_ports: {
    unit: 'ports',
    kind: 'count',
    group: 'window',
    description: 'Distinct destination ports contacted by the same source in the window',
    aliases: [],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'distinct', column: 'dst_port' } },
  },
  src_distinct_dst_addrs: {
    unit: 'addresses',
    kind: 'count',
    group: 'window',
    description: 'Distinct destination addresses contacted by the same source in the window',
    aliases: [],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'distinct', column: 'dst_addr' } },
  },
  dst_distinct_src_addrs: {
    unit: 'addresses',
    kind: 'count',
    group: 'window',
    description: 'Distinct source addresses that contacted the same destination in the window',
    aliases: [],
    formula: { of: 'window', key: 'dst', aggregate: { fn: 'distinct', column: 'src_addr' } },
  },
  inter_arrival_ms: {
    unit: 'ms',
    kind: 'duration',
    group: 'window',
    description: 'Start-time gap to the previous flow from the same source in the window; null when there is no earlier flow from this source (not back-to-back packets)',
    aliases: [],
    formula: { of: 'window', key: 'src', aggregate: { fn: 'gap-ms' } },
  },
};

export const FEATURE_NAMES: readonly FeatureName[] = FeatureName.options;

/** Default sliding-window length (DESIGN.md): 60 s. */
export const DEFAULT_WINDOW_MS = 60_000;

const ALIAS_INDEX: ReadonlyMap<string, FeatureName> = new Map(
  FEATURE_NAMES.flatMap((name) => [
    [name, name] as const,
    ...FEATURES[name].aliases.map((alias) => [alias, name] as const),
  ]),
);

/** Resolve a feature name or one of its aliases to the registry name; undefined when unknown. */
export function resolveFeatureName(name: string): FeatureName | undefined {
  return ALIAS_INDEX.get(name);
}

/** One row of `flowlens features` output: every feature under its registry name; null = not applicable. */
export type FeatureValues = Record<FeatureName, number | null>;
