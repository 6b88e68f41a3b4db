import type { FeatureName } from '../../features/index.ts';

/**
 * What a high (or low) value of each registry feature may mean, in hedged words that name no
 * attack class and bring in nothing from outside the table. Used only for rows whose baseline
 * comparison says the value is high or low; `theme` groups rows in "How they fit together".
 */
export interface Reading {
  theme: 'volume' | 'duration' | 'rate' | 'size' | 'fan-out' | 'fan-in' | 'repetition' | 'diversity' | 'handshake';
  high: string;
  low: string;
}

export const READINGS: Record<FeatureName, Reading> = {
  IN_BYTES: { theme: 'volume', high: 'more data was sent from source to destination than in most baseline flows', low: 'less data was sent from source to destination than in most baseline flows' },
  IN_PKTS: { theme: 'volume', high: 'more packets were sent from source to destination than in most baseline flows', low: 'fewer packets were sent from source to destination than in most baseline flows' },
  OUT_BYTES: { theme: 'volume', high: 'more data was sent back from destination to source than in most baseline flows', low: 'less data was sent back from destination to source than in most baseline flows' },
  OUT_PKTS: { theme: 'volume', high: 'more packets were sent back from destination to source than in most baseline flows', low: 'fewer packets were sent back from destination to source than in most baseline flows' },
  duration_ms: { theme: 'duration', high: 'the flow lasted longer than most baseline flows', low: 'the flow was shorter than most baseline flows' },
  avg_in_packet_size: { theme: 'size', high: 'its source-to-destination packets were larger on average than in most baseline flows', low: 'its source-to-destination packets were smaller on average than in most baseline flows' },
  in_bytes_per_s: { theme: 'rate', high: 'data was sent from source to destination at a higher rate than in most baseline flows', low: 'data was sent from source to destination at a lower rate than in most baseline flows' },
  in_pkts_per_s: { theme: 'rate', high: 'packets were sent from source to destination at a higher rate than in most baseline flows', low: 'packets were sent from source to destination at a lower rate than in most baseline flows' },
  src_flows_in_window: { theme: 'repetition', high: 'the source started more flows within the window than most baseline sources', low: 'the source started fewer flows within the window than most baseline sources' },
  dst_flows_in_window: { theme: 'fan-in', high: 'the destination received more flows within the window than most baseline destinations', low: 'the destination received fewer flows within the window than most baseline destinations' },
  src_in_pkts_sum: { theme: 'volume', high: 'the source sent more packets within the window than most baseline sources', low: 'the source sent fewer packets within the window than most baseline sources' },
  src_in_bytes_sum: { theme: 'volume', high: 'the source sent more data within the window than most baseline sources', low: 'the source sent less data within the window than most baseline sources' },
  src_entropy_protocol: { theme: 'diversity', high: 'the source used a more varied mix of protocols within the window than most baseline sources', low: 'the source used a less varied mix of protocols within the window than most baseline sources' },
  src_syn_flows: { theme: 'handshake', high: 'the source opened more connections within the window than most baseline sources', low: 'the source opened fewer connections within the window than most baseline sources' },
  src_distinct_dst_ports: { theme: 'fan-out', high: 'the source reached more distinct destination ports within the window than most baseline sources', low: 'the source reached fewer distinct destination ports within the window than most baseline sources' },
  src_distinct_dst_addrs: { theme: 'fan-out', high: 'the source reached more distinct destination addresses within the window than most baseline sources', low: 'the source reached fewer distinct destination addresses within the window than most baseline sources' },
  dst_distinct_src_addrs: { theme: 'fan-in', high: 'more distinct sources reached the destination within the window than in most of the baseline', low: 'fewer distinct sources reached the destination within the window than in most of the baseline' },
  inter_arrival_ms: { theme: 'repetition', high: 'the previous flow from this source started longer before this one than is typical in the baseline', low: 'the previous flow from this source started shortly before this one, compared with the baseline' },
};

/** Noun phrases per theme and direction, for the hedged "How they fit together" paragraph. */
export const THEME_PHRASES: Record<Reading['theme'], { high: string; low: string }> = {
  volume: { high: 'a larger transfer than most in the baseline', low: 'a smaller transfer than most in the baseline' },
  duration: { high: 'a longer-lived flow than most', low: 'a shorter-lived flow than most' },
  rate: { high: 'a higher sending rate than most', low: 'a lower sending rate than most' },
  size: { high: 'larger packets than most', low: 'smaller packets than most' },
  'fan-out': { high: 'one source reaching more destinations or ports than most', low: 'one source reaching fewer destinations or ports than most' },
  'fan-in': { high: 'one destination drawing more flows or sources than most', low: 'one destination drawing fewer flows or sources than most' },
  repetition: { high: 'a busier pace of flows from the same source than most', low: 'a quieter pace of flows from the same source than most' },
  diversity: { high: 'a more varied mix of protocols from one source than most', low: 'a less varied mix of protocols from one source than most' },
  handshake: { high: 'more connection openings from one source than most', low: 'fewer connection openings from one source than most' },
};

/**
 * Plain definitions for rows whose registry wording names flag bits: said of a flow with another
 * protocol, or of a zero count, "the SYN bit set in their TCP flags" reads as a claim about this
 * flow's own flags.
 */
export const PLAIN_DEFINITIONS: Partial<Record<FeatureName, string>> = {
  src_syn_flows: 'Flows from the same source in the window that carry the connection-opening flag',
};
