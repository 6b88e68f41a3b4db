import { describeField } from './vocabulary/index.ts';

/**
 * Units and one-line definitions of standard nProbe / NetFlow field names, for the `fields` rows of a
 * FeatureTable (values the exporter gave that are not registry features). Unknown names get unit ""
 * and a neutral description, never a guess.
 */
export interface FieldSpec {
  unit: string;
  description: string;
}

const f = (unit: string, description: string): FieldSpec => ({ unit, description });

/**
 * The input fields a table describes with a unit and definition. Only these: the checker indexes
 * every key of FIELD_SPECS as a phrase, so the list is kept as it was while the vocabulary grows.
 */
const NPROBE_FIELDS = [
  'L7_PROTO',
  'TCP_FLAGS',
  'CLIENT_TCP_FLAGS',
  'SERVER_TCP_FLAGS',
  'FLOW_DURATION_MILLISECONDS',
  'DURATION_IN',
  'DURATION_OUT',
  'MIN_TTL',
  'MAX_TTL',
  'LONGEST_FLOW_PKT',
  'SHORTEST_FLOW_PKT',
  'MIN_IP_PKT_LEN',
  'MAX_IP_PKT_LEN',
  'SRC_TO_DST_SECOND_BYTES',
  'DST_TO_SRC_SECOND_BYTES',
  'RETRANSMITTED_IN_BYTES',
  'RETRANSMITTED_IN_PKTS',
  'RETRANSMITTED_OUT_BYTES',
  'RETRANSMITTED_OUT_PKTS',
  'SRC_TO_DST_AVG_THROUGHPUT',
  'DST_TO_SRC_AVG_THROUGHPUT',
  'NUM_PKTS_UP_TO_128_BYTES',
  'NUM_PKTS_128_TO_256_BYTES',
  'NUM_PKTS_256_TO_512_BYTES',
  'NUM_PKTS_512_TO_1024_BYTES',
  'NUM_PKTS_1024_TO_1514_BYTES',
  'TCP_WIN_MAX_IN',
  'TCP_WIN_MAX_OUT',
  'ICMP_TYPE',
  'ICMP_IPV4_TYPE',
  'DNS_QUERY_ID',
  'DNS_QUERY_TYPE',
  'DNS_TTL_ANSWER',
  'FTP_COMMAND_RET_CODE',
  'SRC_TO_DST_IAT_MIN',
  'SRC_TO_DST_IAT_MAX',
  'SRC_TO_DST_IAT_AVG',
  'SRC_TO_DST_IAT_STDDEV',
  'DST_TO_SRC_IAT_MIN',
  'DST_TO_SRC_IAT_MAX',
  'DST_TO_SRC_IAT_AVG',
  'DST_TO_SRC_IAT_STDDEV',
  'FLOW_START_MILLISECONDS',
  'FLOW_END_MILLISECONDS',
] as const;

function fromVocabulary(name: string): FieldSpec {
  const sem = describeField(name);
  if (sem.inferred) throw new Error(`fields.ts: ${name} is not in the field vocabulary`);
  return f(sem.unit, sem.description);
}

export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  ...Object.fromEntries(NPROBE_FIELDS.map((name) => [name, fromVocabulary(name)])),
  service: f('', 'Application protocol Zeek identified ("-" = none)'),
  conn_state: f('', 'Zeek connection state code (S0 = no reply, SF = normal close, REJ = rejected, …)'),
  history: f('', 'Zeek connection history letters (S syn, h syn-ack, A ack, D data, F fin, R reset; upper case = originator)'),
  missed_bytes: f('bytes', 'Bytes Zeek missed (gaps in the capture)'),
  local_orig: f('', 'Zeek: the originator is in a local network'),
  local_resp: f('', 'Zeek: the responder is in a local network'),
  app_proto: f('', 'Application protocol Suricata identified'),
  state: f('', 'Suricata flow state at export'),
  reason: f('', 'Why Suricata ended the flow (timeout, shutdown, …)'),
  alerted: f('', 'Suricata raised an alert on this flow'),
};

/** Unit and definition for an input field; a neutral entry for names not in the list. */
export function fieldSpec(name: string): FieldSpec {
  return FIELD_SPECS[name] ?? { unit: '', description: 'Exporter field (no definition known)' };
}
