import { FEATURE_NAMES, FEATURES, FIELD_SPECS } from '../deps.ts';
import { sidePhrases } from './side-words.ts';

/**
 * How narratives name table rows: the exact names (registry features and their aliases, standard
 * nProbe / NetFlow fields, flow identity members) and natural-language forms. Each phrase maps to
 * the row keys it may mean; the checker uses whichever of them the table holds.
 */
const NATURAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  'inbound bytes': ['IN_BYTES'],
  'incoming bytes': ['IN_BYTES'],
  'inbound packets': ['IN_PKTS'],
  'incoming packets': ['IN_PKTS'],
  'packet count': ['IN_PKTS', 'OUT_PKTS'],
  'packet counts': ['IN_PKTS', 'OUT_PKTS'],
  'query id': ['DNS_QUERY_ID'],
  'outbound bytes': ['OUT_BYTES'],
  'outgoing bytes': ['OUT_BYTES'],
  'response bytes': ['OUT_BYTES'],
  'bytes returned': ['OUT_BYTES'],
  'outbound packets': ['OUT_PKTS'],
  'response packets': ['OUT_PKTS'],
  duration: ['duration_ms'],
  'flow duration': ['duration_ms'],
  lasted: ['duration_ms'],
  lasting: ['duration_ms'],
  'average packet size': ['avg_in_packet_size'],
  'avg packet size': ['avg_in_packet_size'],
  'mean packet size': ['avg_in_packet_size'],
  'average size': ['avg_in_packet_size'],
  'packet size': ['avg_in_packet_size'],
  'byte rate': ['in_bytes_per_s', 'SRC_TO_DST_SECOND_BYTES'],
  'data rate': ['in_bytes_per_s', 'SRC_TO_DST_SECOND_BYTES', 'SRC_TO_DST_AVG_THROUGHPUT'],
  'transfer rate': ['in_bytes_per_s', 'SRC_TO_DST_SECOND_BYTES', 'SRC_TO_DST_AVG_THROUGHPUT'],
  'bit rate': ['SRC_TO_DST_AVG_THROUGHPUT', 'in_bytes_per_s'],
  bitrate: ['SRC_TO_DST_AVG_THROUGHPUT', 'in_bytes_per_s'],
  throughput: ['SRC_TO_DST_AVG_THROUGHPUT', 'DST_TO_SRC_AVG_THROUGHPUT', 'in_bytes_per_s'],
  'packet rate': ['in_pkts_per_s'],
  'flows in the window': ['src_flows_in_window', 'dst_flows_in_window'],
  'flows from the source': ['src_flows_in_window'],
  'flows from this source': ['src_flows_in_window'],
  'flows to the destination': ['dst_flows_in_window'],
  'flows to this destination': ['dst_flows_in_window'],
  'protocol entropy': ['src_entropy_protocol'],
  entropy: ['src_entropy_protocol'],
  'syn flows': ['src_syn_flows'],
  'distinct destination ports': ['src_distinct_dst_ports'],
  'distinct ports': ['src_distinct_dst_ports'],
  'unique ports': ['src_distinct_dst_ports'],
  'unique destination ports': ['src_distinct_dst_ports'],
  'distinct destination addresses': ['src_distinct_dst_addrs'],
  'distinct destinations': ['src_distinct_dst_addrs'],
  'unique destinations': ['src_distinct_dst_addrs'],
  'distinct source addresses': ['dst_distinct_src_addrs'],
  'distinct sources': ['dst_distinct_src_addrs'],
  'unique sources': ['dst_distinct_src_addrs'],
  'inter-arrival': ['inter_arrival_ms'],
  'inter arrival': ['inter_arrival_ms'],
  interarrival: ['inter_arrival_ms'],
  ttl: ['MIN_TTL', 'MAX_TTL'],
  'time-to-live': ['MIN_TTL', 'MAX_TTL'],
  'time to live': ['MIN_TTL', 'MAX_TTL'],
  'tcp flags': ['TCP_FLAGS', 'CLIENT_TCP_FLAGS', 'SERVER_TCP_FLAGS'],
  'tcp flag': ['TCP_FLAGS', 'CLIENT_TCP_FLAGS', 'SERVER_TCP_FLAGS'],
  'l7 protocol': ['L7_PROTO'],
  'longest packet': ['LONGEST_FLOW_PKT', 'MAX_IP_PKT_LEN'],
  'largest packet': ['LONGEST_FLOW_PKT', 'MAX_IP_PKT_LEN'],
  'shortest packet': ['SHORTEST_FLOW_PKT', 'MIN_IP_PKT_LEN'],
  'smallest packet': ['SHORTEST_FLOW_PKT', 'MIN_IP_PKT_LEN'],
  retransmitted: ['RETRANSMITTED_IN_BYTES', 'RETRANSMITTED_IN_PKTS', 'RETRANSMITTED_OUT_BYTES', 'RETRANSMITTED_OUT_PKTS'],
  retransmissions: ['RETRANSMITTED_IN_BYTES', 'RETRANSMITTED_IN_PKTS', 'RETRANSMITTED_OUT_BYTES', 'RETRANSMITTED_OUT_PKTS'],
  'window size': ['TCP_WIN_MAX_IN', 'TCP_WIN_MAX_OUT'],
  'source port': ['src_port'],
  'src port': ['src_port'],
  'destination port': ['dst_port'],
  'dst port': ['dst_port'],
  'source address': ['src_addr'],
  'source ip': ['src_addr'],
  'destination address': ['dst_addr'],
  'destination ip': ['dst_addr'],
  'up to 128 bytes': ['NUM_PKTS_UP_TO_128_BYTES'],
  '128 to 256 bytes': ['NUM_PKTS_128_TO_256_BYTES'],
  '256 to 512 bytes': ['NUM_PKTS_256_TO_512_BYTES'],
  '512 to 1024 bytes': ['NUM_PKTS_512_TO_1024_BYTES'],
  '1024 to 1514 bytes': ['NUM_PKTS_1024_TO_1514_BYTES'],
  '1,024 to 1,514 bytes': ['NUM_PKTS_1024_TO_1514_BYTES'],
  score: ['score'],
  'anomaly score': ['score'],
};

/** Exact input names of identity members (they live in `flow`, not in rows). */
const IDENTITY_NAMES: Readonly<Record<string, readonly string[]>> = {
  IPV4_SRC_ADDR: ['src_addr'], IPV6_SRC_ADDR: ['src_addr'], IP_SRC_ADDR: ['src_addr'],
  IPV4_DST_ADDR: ['dst_addr'], IPV6_DST_ADDR: ['dst_addr'], IP_DST_ADDR: ['dst_addr'],
  L4_SRC_PORT: ['src_port'], L4_DST_PORT: ['dst_port'],
  PROTOCOL: ['protocol'], PROTOCOL_NUM: ['protocol'],
};

/** Phrases whose absence from the table is worth reporting (exact field names and a few natural forms models invent). */
export const STRONG_NATURAL = new Set(['ttl', 'time-to-live', 'time to live', 'outbound bytes', 'response bytes', 'bytes returned', 'retransmissions', 'retransmitted', 'window size', 'response packets']);

const SIDE_PHRASES = sidePhrases();
const SIDE_PHRASE_SET = new Set(SIDE_PHRASES.map(([phrase]) => phrase));

function buildPhraseIndex(): Map<string, readonly string[]> {
  const index = new Map<string, readonly string[]>();
  for (const name of FEATURE_NAMES) {
    index.set(name.toLowerCase(), [name]);
    for (const alias of FEATURES[name].aliases) if (alias.length > 4) index.set(alias.toLowerCase(), [name]);
  }
  for (const name of Object.keys(FIELD_SPECS)) {
    if (!/[A-Z_]/.test(name) || name.length <= 4) continue;
    const known = index.get(name.toLowerCase()) ?? [];
    index.set(name.toLowerCase(), [...known, name]);
  }
  for (const [name, keys] of Object.entries(IDENTITY_NAMES)) index.set(name.toLowerCase(), keys);
  for (const [phrase, keys] of SIDE_PHRASES) index.set(phrase, keys);
  for (const [phrase, keys] of Object.entries(NATURAL_FORMS)) index.set(phrase, keys);
  return index;
}

/** Lower-cased phrase → row keys. */
export const PHRASES: ReadonlyMap<string, readonly string[]> = buildPhraseIndex();

/** Whether a phrase is an exact field name (as opposed to a natural-language form). */
export function isExactName(phrase: string): boolean {
  return phrase.includes('_') || !(phrase in NATURAL_FORMS || SIDE_PHRASE_SET.has(phrase));
}

/** Normalise a matched phrase for lookup in PHRASES (dashes and runs of spaces as written in the index). */
export function phraseKey(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (PHRASES.has(lower)) return lower;
  const dashed = lower.replace(/ /g, '-');
  if (PHRASES.has(dashed)) return dashed;
  return lower.replace(/-/g, ' ');
}
