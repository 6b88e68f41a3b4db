import { describe, expect, it } from 'vitest';
import { describeField, tokenizeKey } from '../../../src/table/vocabulary/index.ts';

describe('tokenizeKey', () => {
  it.each([
    ['sourceIPv4Address', ['source', 'ipv4', 'address']],
    ['IPV4_SRC_ADDR', ['ipv4', 'src', 'addr']],
    ['flow.bytes_toserver', ['flow', 'bytes', 'toserver']],
    ['Flow Byts/s', ['flow', 'byts', 's']],
    ['detailed-label', ['detailed', 'label']],
    ['host.ip[2]', ['host', 'ip']],
    ['@timestamp', ['timestamp']],
  ])('%s → %j', (key, tokens) => {
    expect(tokenizeKey(key)).toEqual(tokens);
  });
});

describe('an unknown key is inferred', () => {
  it.each([
    ['attacker_ip', '10.1.2.3', 'address', 'source'],
    ['victim', '2001:db8::1', 'address', 'destination'],
    ['peer', 'fe80::1%eth0', 'address', 'either'],
    ['originatorHost', '192.168.0.9', 'address', 'source'],
    ['target_host', '8.8.8.8', 'address', 'destination'],
  ])('a value that parses as an IP makes %s an address (%s)', (key, value, dimension, role) => {
    expect(describeField(key, value)).toMatchObject({ dimension, role, family: 'inferred', inferred: true });
  });

  it.each([
    ['srcL4Port', 'source'], ['source_port', 'source'], ['tcp_sport', 'source'], ['client_side_port', 'client'],
    ['dstL4Port', 'destination'], ['dest-port', 'destination'], ['resp port', 'destination'], ['server_port', 'server'],
    ['responder_port', 'destination'], ['target.port', 'destination'], ['port', 'either'],
  ])('role from the words of %s: %s', (key, role) => {
    expect(describeField(key, 443)).toMatchObject({ dimension: 'port', role, inferred: true });
  });

  it.each([
    ['total_bytes_sent', 1200, 'bytes', 'bytes'],
    ['totalOctets', 1200, 'bytes', 'bytes'],
    ['payload-length', 1200, 'bytes', 'bytes'],
    ['num_pkts', 3, 'packets', 'packets'],
    ['packetCount', 3, 'packets', 'packets'],
    ['pkt cnt', 3, 'packets', 'packets'],
    ['duration_ms', 20, 'duration', 'ms'],
    ['elapsedMsec', 20, 'duration', 'ms'],
    ['conn_duration_sec', 2, 'duration', 's'],
    ['rtt_us', 900, 'duration', 'µs'],
    ['lifetime_ns', 900, 'duration', 'ns'],
    ['start_ms', 1_518_613_413_298, 'time', 'epoch ms'],
    ['firstSeen', 1_518_613_413, 'time', 'epoch s'],
    ['event_ts', 1_518_613_413_298_000, 'time', 'epoch µs'],
    ['endTime', '2025-11-11T11:09:44.139Z', 'time', 'iso8601'],
    ['observed', '2025-11-11 11:09:44', 'time', 'iso8601'],
    ['tcp_flags_seen', 27, 'tcp-flags', 'bitmask'],
    ['flags', 'SAFR', 'tcp-flags', 'flag letters'],
    ['min_ttl_seen', 64, 'ttl', 'hops'],
    ['hop_limit_ttl', 64, 'ttl', 'hops'],
    ['transport_proto', 6, 'protocol', ''],
    ['ipProtocol', 17, 'protocol', ''],
    ['detected_app_protocol', 'tls', 'l7-protocol', ''],
    ['conn_count', 40, 'count', ''],
    ['total_connections', 40, 'count', ''],
    ['num_distinct_ports', 40, 'count', ''],
    ['unique_dst_ips', 40, 'count', ''],
    ['failed_login_attempts', 7, 'count', ''],
    ['active_connections', 12, 'count', ''],
    ['port_number', 443, 'port', ''],
    ['src_port_num', 443, 'port', ''],
    ['ip_protocol_number', 6, 'protocol', ''],
    ['PROTOCOL_NUM', 6, 'protocol', ''],
    ['bytes_per_sec', 10.5, 'bytes/s', 'bytes/s'],
    ['Pkts/s', 10.5, 'packets/s', 'packets/s'],
    ['throughput_bits', 10.5, 'bits/s', 'bits/s'],
    ['bw_kbps', 10.5, 'bits/s', 'bits/s'],
    ['pps', 10.5, 'packets/s', 'packets/s'],
    ['peerIcmpType', 8, 'icmp-type', 'type'],
    ['icmpCodeSeen', 0, 'icmp-code', 'code'],
    ['sender_mac_addr', '00:11:22:33:44:55', 'mac', ''],
    ['peer_asn', 64512, 'asn', ''],
    ['ingress_interface', 3, 'interface', ''],
    ['dns_query', 'example.org', 'dns', ''],
    ['http_url', '/index.html', 'http', ''],
    ['tls_sni', 'example.org', 'tls', ''],
    ['ground_truth_label', 'benign', 'label', ''],
    ['session_uuid', 'a1b2', 'id', 'id'],
    ['comment', 'hello', 'text', ''],
    ['score', 0.93, 'number', ''],
  ])('%s = %j is %s in %j', (key, value, dimension, unit) => {
    expect(describeField(key, value)).toMatchObject({ dimension, unit, inferred: true });
  });

  it('says what it inferred and from what', () => {
    expect(describeField('bytes_toward_victim', 10)).toEqual({
      name: 'bytes_toward_victim', family: 'inferred', dimension: 'bytes', role: 'destination', unit: 'bytes',
      description: 'Not a known field; read as bytes in bytes from a word for bytes', source: 'inferred: a word for bytes', inferred: true,
    });
  });
});
