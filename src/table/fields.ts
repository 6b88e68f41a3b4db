import { FlowlensError } from '../errors.ts';
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
 * The input fields a table describes with a unit and definition, read from the field vocabulary.
 * Only these: the checker indexes every key of FIELD_SPECS as a phrase, so the key set stays as it
 * was while the vocabulary grows; other names go through `describeField` directly.
 */
const NPROBE_FIELDS = [
  'L7_PROTO', 'TCP_FLAGS', 'CLIENT_TCP_FLAGS', 'SERVER_TCP_FLAGS', 'FLOW_DURATION_MILLISECONDS', 'DURATION_IN',
  'DURATION_OUT', 'MIN_TTL', 'MAX_TTL', 'LONGEST_FLOW_PKT', 'SHORTEST_FLOW_PKT', 'MIN_IP_PKT_LEN', 'MAX_IP_PKT_LEN',
  'SRC_TO_DST_SECOND_BYTES', 'DST_TO_SRC_SECOND_BYTES', 'RETRANSMITTED_IN_BYTES', 'RETRANSMITTED_IN_PKTS',
  'RETRANSMITTED_OUT_BYTES', 'RETRANSMITTED_OUT_PKTS', 'SRC_TO_DST_AVG_THROUGHPUT', 'DST_TO_SRC_AVG_THROUGHPUT',
  'NUM_PKTS_UP_TO_128_BYTES', 'NUM_PKTS_128_TO_256_BYTES', 'NUM_PKTS_256_TO_512_BYTES', 'NUM_PKTS_512_TO_1024_BYTES',
  'NUM_PKTS_1024_TO_1514_BYTES', 'TCP_WIN_MAX_IN', 'TCP_WIN_MAX_OUT', 'ICMP_TYPE', 'ICMP_IPV4_TYPE', 'DNS_QUERY_ID',
  'DNS_QUERY_TYPE', 'DNS_TTL_ANSWER', 'FTP_COMMAND_RET_CODE', 'SRC_TO_DST_IAT_MIN', 'SRC_TO_DST_IAT_MAX',
  'SRC_TO_DST_IAT_AVG', 'SRC_TO_DST_IAT_STDDEV', 'DST_TO_SRC_IAT_MIN', 'DST_TO_SRC_IAT_MAX', 'DST_TO_SRC_IAT_AVG',
  'DST_TO_SRC_IAT_STDDEV', 'FLOW_START_MILLISECONDS', 'FLOW_END_MILLISECONDS',
] as const;

/** Zeek and Suricata keys as ingest may leave them → their name in the vocabulary. */
const OTHER_FIELDS: Readonly<Record<string, string>> = {
  service: 'service', conn_state: 'conn_state', history: 'history', missed_bytes: 'missed_bytes', local_orig: 'local_orig', local_resp: 'local_resp',
  app_proto: 'app_proto', state: 'flow.state', reason: 'flow.reason', alerted: 'flow.alerted',
};

function fromVocabulary(name: string): FieldSpec {
  const sem = describeField(name);
  if (sem.inferred) throw new FlowlensError(`fields.ts names ${name}, which the field vocabulary does not hold`);
  return f(sem.unit, sem.description);
}

export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  ...Object.fromEntries(NPROBE_FIELDS.map((name) => [name, fromVocabulary(name)])),
  ...Object.fromEntries(Object.entries(OTHER_FIELDS).map(([key, name]) => [key, fromVocabulary(name)])),
};

/** Unit and definition for an input field; a neutral entry for names not in the list. */
export function fieldSpec(name: string): FieldSpec {
  return FIELD_SPECS[name] ?? { unit: '', description: 'Exporter field (no definition known)' };
}
