import { describe, expect, it } from 'vitest';
import { checkRange, describeField } from '../../../src/table/vocabulary/index.ts';

describe('checkRange', () => {
  it.each([
    ['L4_DST_PORT', 70_000, 'L4_DST_PORT = 70000: a port must be an integer from 0 to 65535'],
    ['L4_SRC_PORT', -1, 'L4_SRC_PORT = -1: a port must be an integer from 0 to 65535'],
    ['L4_SRC_PORT', 80.5, 'L4_SRC_PORT = 80.5: a port must be an integer from 0 to 65535'],
    ['dst_port', 'https', 'dst_port = "https": not a port number'],
    ['PROTOCOL', 256, 'PROTOCOL = 256: an IP protocol number must be an integer from 0 to 255'],
    ['MIN_TTL', 300, 'MIN_TTL = 300: a TTL must be an integer from 0 to 255'],
    ['ICMP_IPV4_TYPE', 256, 'ICMP_IPV4_TYPE = 256: an ICMP type must be an integer from 0 to 255'],
    ['ICMP_TYPE', 70_000, 'ICMP_TYPE = 70000: an ICMP type·256+code must be an integer from 0 to 65535'],
    ['icmp_code', 300, 'icmp_code = 300: an ICMP code must be an integer from 0 to 255'],
    ['IN_BYTES', -5, 'IN_BYTES = -5: a byte count cannot be negative'],
    ['OUT_PKTS', 2.5, 'OUT_PKTS = 2.5: a packet count must be a whole number'],
    ['conn_count', -1, 'conn_count = -1: a count cannot be negative'],
    ['FLOW_DURATION_MILLISECONDS', -3, 'FLOW_DURATION_MILLISECONDS = -3: a duration cannot be negative'],
    ['SRC_TO_DST_AVG_THROUGHPUT', -8, 'SRC_TO_DST_AVG_THROUGHPUT = -8: a rate cannot be negative'],
    ['IPV4_SRC_ADDR', '10.0.0.256', 'IPV4_SRC_ADDR = "10.0.0.256": not an IPv4 or IPv6 address'],
    ['IPV6_DST_ADDR', 'fe80::1::2', 'IPV6_DST_ADDR = "fe80::1::2": not an IPv4 or IPv6 address'],
    ['IN_SRC_MAC', '00:11:22:33:44', 'IN_SRC_MAC = "00:11:22:33:44": not a MAC address'],
    ['TCP_FLAGS', 70_000, 'TCP_FLAGS = 70000: a TCP flags bitmask must be an integer from 0 to 65535'],
    ['tcp.tcp_flags', 'zz', 'tcp.tcp_flags = "zz": not a hexadecimal flags bitmask'],
    ['Init Fwd Win Byts', -2, 'Init Fwd Win Byts = -2: a byte count cannot be negative'],
    ['Flow Duration', -5, 'Flow Duration = -5: a duration cannot be negative'],
    ['id.orig_p', 65_536, 'id.orig_p = 65536: a port must be an integer from 0 to 65535'],
    ['source.ip', 'not-an-ip', 'source.ip = "not-an-ip": not an IPv4 or IPv6 address'],
    ['flow.start', 'yesterday', 'flow.start = "yesterday": not an ISO 8601 time'],
    ['FLOW_START_MILLISECONDS', -1, 'FLOW_START_MILLISECONDS = -1: a time since 1970 cannot be negative'],
  ])('%s = %j is impossible', (name, value, reason) => {
    expect(checkRange(describeField(name, value), value)).toBe(reason);
  });

  it.each([
    ['L4_DST_PORT', 0], ['L4_DST_PORT', 65_535], ['L4_DST_PORT', '443'], ['PROTOCOL', 'TCP'], ['MIN_TTL', 255],
    ['ICMP_TYPE', 2048], ['IN_BYTES', 0], ['IPV4_SRC_ADDR', '0.0.0.0'], ['IPV6_SRC_ADDR', '2a0b:e43:1::21'],
    ['SRC_TO_DST_IAT_AVG', 12.75], ['IN_BYTES', null], ['L4_SRC_PORT', '-'], ['L4_SRC_PORT', ''],
    ['Attack', 'DDOS_attack-HOIC'], ['mean_pkt_len', 71.5], ['IN_SRC_MAC', '00:11:22:33:44:55'],
    ['Init Fwd Win Byts', -1], ['flow.start', '2025-11-11T11:09:42.692Z'], ['@timestamp', '2025-11-11T11:09:44.139116Z'], ['ts', '1551456000.123'], [' Init_Win_bytes_backward', '-1'], ['history', 'ShADadFf'], ['tcp.tcp_flags', '1b'],
  ])('%s = %j is possible', (name, value) => {
    expect(checkRange(describeField(name, value), value)).toBeNull();
  });
});
