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

export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  L7_PROTO: f('nDPI id', 'Application protocol detected by nDPI, as "major.minor" numeric id (0 = unknown)'),
  TCP_FLAGS: f('bitmask', 'TCP flags seen in either direction'),
  CLIENT_TCP_FLAGS: f('bitmask', 'Cumulative TCP flags sent by the client (source)'),
  SERVER_TCP_FLAGS: f('bitmask', 'Cumulative TCP flags sent by the server (destination)'),
  FLOW_DURATION_MILLISECONDS: f('ms', 'Flow duration as reported by the exporter (may be a wrapped counter; see notes)'),
  DURATION_IN: f('ms', 'Duration of the source-to-destination direction as reported by the exporter'),
  DURATION_OUT: f('ms', 'Duration of the destination-to-source direction as reported by the exporter'),
  MIN_TTL: f('hops', 'Smallest IP time-to-live seen in the flow'),
  MAX_TTL: f('hops', 'Largest IP time-to-live seen in the flow'),
  LONGEST_FLOW_PKT: f('bytes', 'Size of the longest packet of the flow'),
  SHORTEST_FLOW_PKT: f('bytes', 'Size of the shortest packet of the flow'),
  MIN_IP_PKT_LEN: f('bytes', 'Smallest IP packet length seen in the flow'),
  MAX_IP_PKT_LEN: f('bytes', 'Largest IP packet length seen in the flow'),
  SRC_TO_DST_SECOND_BYTES: f('bytes/s', 'Source-to-destination bytes per second, as computed by the exporter'),
  DST_TO_SRC_SECOND_BYTES: f('bytes/s', 'Destination-to-source bytes per second, as computed by the exporter'),
  RETRANSMITTED_IN_BYTES: f('bytes', 'Retransmitted bytes from source to destination'),
  RETRANSMITTED_IN_PKTS: f('packets', 'Retransmitted packets from source to destination'),
  RETRANSMITTED_OUT_BYTES: f('bytes', 'Retransmitted bytes from destination to source'),
  RETRANSMITTED_OUT_PKTS: f('packets', 'Retransmitted packets from destination to source'),
  SRC_TO_DST_AVG_THROUGHPUT: f('bits/s', 'Average source-to-destination throughput, as computed by the exporter'),
  DST_TO_SRC_AVG_THROUGHPUT: f('bits/s', 'Average destination-to-source throughput, as computed by the exporter'),
  NUM_PKTS_UP_TO_128_BYTES: f('packets', 'Packets of the flow up to 128 bytes long'),
  NUM_PKTS_128_TO_256_BYTES: f('packets', 'Packets of the flow from 128 to 256 bytes long'),
  NUM_PKTS_256_TO_512_BYTES: f('packets', 'Packets of the flow from 256 to 512 bytes long'),
  NUM_PKTS_512_TO_1024_BYTES: f('packets', 'Packets of the flow from 512 to 1,024 bytes long'),
  NUM_PKTS_1024_TO_1514_BYTES: f('packets', 'Packets of the flow from 1,024 to 1,514 bytes long'),
  TCP_WIN_MAX_IN: f('bytes', 'Largest TCP window advertised from source to destination'),
  TCP_WIN_MAX_OUT: f('bytes', 'Largest TCP window advertised from destination to source'),
  ICMP_TYPE: f('type·256+code', 'ICMP type times 256 plus ICMP code, as nProbe encodes it'),
  ICMP_IPV4_TYPE: f('type', 'ICMP type of an IPv4 flow'),
  DNS_QUERY_ID: f('id', 'Transaction id of the DNS query (0 when the flow is not DNS)'),
  DNS_QUERY_TYPE: f('type', 'DNS query type code (1 A, 28 AAAA, …; 0 when not DNS)'),
  DNS_TTL_ANSWER: f('s', 'TTL of the first DNS answer record (0 when not DNS)'),
  FTP_COMMAND_RET_CODE: f('code', 'FTP reply code (0 when not FTP)'),
  SRC_TO_DST_IAT_MIN: f('ms', 'Smallest gap between consecutive source-to-destination packets of this flow'),
  SRC_TO_DST_IAT_MAX: f('ms', 'Largest gap between consecutive source-to-destination packets of this flow'),
  SRC_TO_DST_IAT_AVG: f('ms', 'Mean gap between consecutive source-to-destination packets of this flow'),
  SRC_TO_DST_IAT_STDDEV: f('ms', 'Standard deviation of the source-to-destination packet gaps of this flow'),
  DST_TO_SRC_IAT_MIN: f('ms', 'Smallest gap between consecutive destination-to-source packets of this flow'),
  DST_TO_SRC_IAT_MAX: f('ms', 'Largest gap between consecutive destination-to-source packets of this flow'),
  DST_TO_SRC_IAT_AVG: f('ms', 'Mean gap between consecutive destination-to-source packets of this flow'),
  DST_TO_SRC_IAT_STDDEV: f('ms', 'Standard deviation of the destination-to-source packet gaps of this flow'),
  FLOW_START_MILLISECONDS: f('epoch ms', 'Flow start time, milliseconds since 1970-01-01 UTC'),
  FLOW_END_MILLISECONDS: f('epoch ms', 'Flow end time, milliseconds since 1970-01-01 UTC'),
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
