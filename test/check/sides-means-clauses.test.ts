import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/**
 * A side's own flags, a mean derived from totals, the server end of a download, rates in kbit/s,
 * the span of a scope claim, and a general statement that ends at its clause.
 */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => kind === undefined || c.kind === kind)
    .map((c) => `${c.text}: ${c.verdict}`);

const nprobe = readTable({ IPV4_SRC_ADDR: '172.31.66.12', IPV4_DST_ADDR: '52.84.20.17', PROTOCOL: 6, L4_DST_PORT: 443, TCP_FLAGS: 31, CLIENT_TCP_FLAGS: 27, SERVER_TCP_FLAGS: 30, IN_BYTES: 1_843_221, IN_PKTS: 1302 }, 'nprobe.json');
const eve = readTable({ src_ip: '10.0.0.5', dest_ip: '93.184.216.34', proto: 'TCP', tcp: { tcp_flags: '1f', tcp_flags_ts: '1b', tcp_flags_tc: '1e' } }, 'eve.json');
const zeek = readTable({ 'id.orig_h': '192.168.1.195', 'id.orig_p': 41050, 'id.resp_h': '185.244.25.235', 'id.resp_p': 80, proto: 'tcp', duration: 1.392401, orig_bytes: 151, resp_bytes: 101_480 }, 'conn.json');

describe('a side of the flow named for its flags', () => {
  it.each([
    ["The client's flags (27) are FIN, SYN and ACK.", nprobe, ['flags (27: supported', 'FIN, SYN and ACK: contradicted']],
    ["The server's TCP flags were 27.", nprobe, ['TCP flags were 27: contradicted']],
    ["The server's flags 30 mean SYN, RST, PSH and ACK.", nprobe, ['flags 30: supported', 'SYN, RST, PSH and ACK: supported']],
    ["The client's flags (1b) are FIN, SYN, PSH and ACK.", eve, ['flags (1b: supported', 'FIN, SYN, PSH and ACK: supported']],
    ["The server's flags 1b show a reset.", eve, ['flags 1b: contradicted']],
  ])('compares a value with that side’s flags field: %s', (text, table, expected) => {
    expect(verdicts(text, table, 'tcp-flags')).toEqual(expected);
  });

  it.each([
    ['Overall TCP_FLAGS is 31, i.e. SYN and RST.', 'SYN and RST: contradicted'],
    ['TCP_FLAGS is 31, that is FIN, SYN, RST, PSH and ACK.', 'FIN, SYN, RST, PSH and ACK: supported'],
    ['The flags value 31, meaning SYN and ACK, shows a handshake.', 'SYN and ACK: contradicted'],
  ])('reads a value spelled out after a comma as a whole set: %s', (text, expected) => {
    expect(verdicts(text, nprobe, 'tcp-flags')).toContain(expected);
  });

  it.each(['The flags were 31.', 'TCP_FLAGS is 31.', 'Its TCP flags are 31.'])('reads a flags value that ends its sentence: %s', (text) => {
    expect(verdicts(text, nprobe, 'tcp-flags')).toEqual([expect.stringMatching(/31: supported$/)]);
  });
});

describe('a mean the table gives only as totals', () => {
  it.each([
    ['The average packet size is 1,416 bytes.', 'supported'],
    ['The mean packet size was about 1.4 KB.', 'supported'],
    ['Packets averaged 1,416 bytes each.', 'supported'],
    ['The average packet size is 900 bytes.', 'contradicted'],
  ])('derives it as bytes over packets: %s', (text, verdict) => {
    expect(verdicts(text, nprobe, 'quantity').map((v) => v.split(': ')[1])).toEqual([verdict]);
  });
});

describe('what is downloaded comes from the server end', () => {
  it.each([
    '192.168.1.195 downloaded about 101 KB over HTTP from 185.244.25.235 port 80.',
    'The host fetched a file from 185.244.25.235 on port 80.',
    'It retrieved the binary from 185.244.25.235.',
  ])('%s', (text) => {
    expect(verdicts(text, zeek).filter((v) => v.startsWith('185.') || v.startsWith('80:'))).toEqual(expect.arrayContaining([expect.stringMatching(/^185\.244\.25\.235: supported$/)]));
    expect(verdicts(text, zeek).filter((v) => v.endsWith('contradicted'))).toEqual([]);
  });

  it('still reads a plain "from" as the source', () => {
    expect(verdicts('The request came from 185.244.25.235.', zeek, 'address')).toEqual(['185.244.25.235: contradicted']);
  });
});

describe('rates in kilobits per second', () => {
  it.each([
    ['a download rate of about 584 kbit/s', 'supported'],
    ['a download rate of about 73 kbit/s', 'contradicted'],
    ['about 580 kb/s on average', 'supported'],
    ['about 73 KB/s, or about 73 kbit/s', 'supported,contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, zeek, 'quantity').map((v) => v.split(': ')[1]).join(',')).toBe(expected);
  });
});

describe('the span of a claim about address space', () => {
  it.each([
    ['An external IP address (192.168.250.106) was seen.', 'external IP address'],
    ['the public host 10.1.2.3 sent it', 'public host'],
    ['from a private address: 8.8.8.8', 'private address'],
  ])('is the scope phrase, not the address after it: %s', (text, span) => {
    const table = readTable({ src_ip: '192.168.250.106', dest_ip: '10.1.2.3', misc_ip: '8.8.8.8' }, 'scope.json');
    const claim = checkNarrative(text, table).claims.find((c) => c.kind === 'address-scope');
    expect(claim?.text).toBe(span);
    expect(claim?.verdict).toBe('contradicted');
  });
});

describe('a general statement ends at its clause', () => {
  it.each([
    'SSH is commonly targeted by brute-force tools, and a single short session like this one could be one attempt among many.',
    'Brute-force tools often target SSH, but nothing more is shown.',
    'Scanning tools typically send SYN packets, so a lone SYN is common.',
  ])('the general clause is left unjudged: %s', (text) => {
    expect(verdicts(text, nprobe).filter((v) => !v.endsWith(': supported'))).toEqual([]);
  });

  it.each([
    ['Brute-force tools commonly target SSH, but this flow shows a brute-force attack.', 'brute-force attack: unsupported'],
    ['Scanners often send SYN packets, and this one was run by Nmap.', 'Nmap: unsupported'],
  ])('the clause about this record is judged: %s', (text, expected) => {
    expect(verdicts(text, nprobe)).toContain(expected);
  });
});

describe('a figure said of one side takes only that side’s fields, in any schema', () => {
  const eveFlow = readTable({ src_ip: '192.168.37.130', dest_ip: '192.168.37.1', dest_port: 53, proto: 'UDP', flow: { pkts_toserver: 1, pkts_toclient: 0, bytes_toserver: 77, bytes_toclient: 0 } }, 'eve.json');
  it.each([
    ['The resolver replied with 77 bytes.', 'contradicted'],
    ['The server responded with 77 bytes of data.', 'contradicted'],
    ['The client sent 77 bytes.', 'supported'],
    ['Nothing: it received 0 bytes back.', 'supported'],
  ])('%s', (text, verdict) => {
    expect(verdicts(text, eveFlow, 'quantity').map((v) => v.split(': ')[1])).toEqual([verdict]);
  });
});

describe('the responder and the initiator are sides of the connection', () => {
  it.each([
    ['The responder 192.168.1.195 is the command server.', '192.168.1.195: contradicted'],
    ['The responder, 185.244.25.235, never answered.', '185.244.25.235: supported'],
    ['The initiator 185.244.25.235 opened it.', '185.244.25.235: contradicted'],
    ['The initiator 192.168.1.195 sent three SYNs.', '192.168.1.195: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, zeek, 'address')).toEqual([expected]);
  });
});

describe('bytes of payload against the rows that count payload', () => {
  const conn = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', proto: 'tcp', orig_bytes: 0, resp_bytes: 0, orig_pkts: 3, orig_ip_bytes: 180, resp_pkts: 0, resp_ip_bytes: 0 }, 'conn.json');
  const nprobeOnly = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_BYTES: 180 }, 'nprobe.json');
  it.each([
    [conn, 'The originator sent 180 bytes of payload.', 'contradicted'],
    [conn, 'It carried a 180-byte payload.', 'contradicted'],
    [conn, 'The payload was 0 bytes.', 'supported'],
    [conn, 'The originator sent 180 bytes.', 'supported'],
    [conn, 'The request payload was 180 bytes with headers.', 'supported'],
    // where the record counts no payload apart, any byte total may be meant
    [nprobeOnly, 'It sent 180 bytes of payload.', 'supported'],
  ])('%#: %s', (table, text, verdict) => {
    expect(verdicts(text, table, 'quantity').map((v) => v.split(': ')[1])).toEqual([verdict]);
  });
});

describe('a date said of a certificate’s validity', () => {
  const tls = readTable({ src_ip: '193.112.129.180', dest_ip: '193.200.130.243', proto: 'TCP', timestamp: '2023-02-28T11:56:00.000+0000', tls: { sni: 'cv.mathming.ltd', notbefore: '2023-02-16T00:00:00', notafter: '2024-02-16T23:59:59' } }, 'eve.json');
  it.each([
    ['The certificate expired on 16 February 2023.', 'contradicted'],
    ['The certificate is valid until 2024-02-16.', 'supported'],
    ['It was issued on 16 Feb 2023.', 'supported'],
    ['The certificate expires on 1 March 2024.', 'contradicted'],
    ['The handshake happened on 28 February 2023.', 'supported'],
  ])('is compared with that validity field: %s', (text, verdict) => {
    expect(verdicts(text, tls, 'timestamp').map((v) => v.split(': ')[1])).toEqual([verdict]);
    expect(verdicts(text, tls, 'entity').filter((v) => !v.endsWith('supported'))).toEqual([]);
  });
});

describe('the server’s and the client’s port, by value', () => {
  // ECS gives the alerting packet (server → client) beside suricata.flow (client → server): the sides swap, the roles do not
  const twoViews = readTable({ source: { ip: '192.168.250.59', port: 80 }, destination: { ip: '192.168.250.106', port: 39907 }, network: { transport: 'tcp' }, suricata: { flow: { src_ip: '192.168.250.106', src_port: 39907, dest_ip: '192.168.250.59', dest_port: 80 } } }, 'alert.json');
  it.each([
    ['The request was made to a web server on a non-standard port (39907).', '39907: contradicted'],
    ['The web server listened on port 80.', '80: supported'],
    ['The server port was 39907.', '39907: contradicted'],
    ['The client used port 39907.', '39907: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, twoViews, 'port')).toEqual([expected]);
  });
});

describe('a figure whose side a passive names after it', () => {
  const upload = readTable({ IPV4_SRC_ADDR: '172.31.66.12', IPV4_DST_ADDR: '52.84.20.17', PROTOCOL: 6, TCP_WIN_MAX_IN: 65535, TCP_WIN_MAX_OUT: 26883, IN_BYTES: 25_413_690, OUT_BYTES: 402_116 }, 'nprobe.json');
  it.each([
    ['The largest window, 65,535 bytes, was advertised by the server.', '65,535 bytes, was advertised by the server: contradicted'],
    ['The largest window, 65,535 bytes, was advertised by the client.', '65,535 bytes, was advertised by the client: supported'],
    ['402,116 bytes were sent by the server.', '402,116 bytes were sent by the server: supported'],
    ['402,116 bytes were sent by the client.', '402,116 bytes were sent by the client: contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, upload, 'quantity')).toEqual([expected]);
  });
});

describe('a network in CIDR form and the flow’s hosts', () => {
  const alert = readTable({ source: { ip: '192.168.250.106', port: 33245 }, destination: { ip: '192.168.250.59', port: 80 }, network: { transport: 'tcp' } }, 'alert.json');
  it.each([
    ['The traffic is internal, between two hosts on 192.168.250.0/24.', ['two hosts: supported', '192.168.250.0/24: supported']],
    ['Both hosts are in 10.0.0.0/8.', ['10.0.0.0/8: contradicted']],
    ['Three hosts were involved.', ['Three hosts: unsupported']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, alert).filter((v) => !v.startsWith('internal'))).toEqual(expected);
  });
});

describe('the forward and backward directions', () => {
  const cic = readTable({ 'Src IP': '18.219.211.138', 'Src Port': 50090, 'Dst IP': '172.31.69.25', 'Dst Port': 22, Protocol: 6, 'Tot Fwd Pkts': 22, 'Tot Bwd Pkts': 33, 'TotLen Fwd Pkts': 2184, 'TotLen Bwd Pkts': 4367, 'Fwd Pkt Len Max': 640, 'Bwd Pkt Len Max': 976 }, 'cic.json');
  it.each([
    ['The backward direction carried 22 packets.', ['22 packets: contradicted']],
    ['The largest forward packet was 976 bytes.', ['976 bytes: contradicted']],
    ['The largest backward packet was 976 bytes.', ['976 bytes: supported']],
    ['The return traffic had 33 packets.', ['33 packets: supported']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, cic, 'quantity')).toEqual(expected);
  });

  it('compares the two directions by the bytes the record counts at any layer', () => {
    expect(verdicts('Traffic was balanced between the two directions.', cic, 'share')).toEqual(['Traffic was balanced: contradicted']);
  });
});
