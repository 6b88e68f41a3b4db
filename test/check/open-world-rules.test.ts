import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/**
 * The general rules of issue 11 (open-world grounding), each with several phrasings and tables of
 * several schemas: what a claim's verdict is, by its text.
 */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => kind === undefined || c.kind === kind)
    .map((c) => `${c.text}: ${c.verdict}`);

const nprobe = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', L4_SRC_PORT: 51000, L4_DST_PORT: 53, PROTOCOL: 17, TCP_FLAGS: 0, IN_BYTES: 52, OUT_BYTES: 40, FLOW_DURATION_MILLISECONDS: 4294512, DURATION_IN: 455 }, 'nprobe.json');
const tcp = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, TCP_FLAGS: 22, CLIENT_TCP_FLAGS: 2, SERVER_TCP_FLAGS: 20 }, 'tcp.json');
const zeek = readTable({ ts: 1545480012.62, 'id.orig_h': '192.168.1.195', 'id.orig_p': 43763, 'id.resp_h': '81.2.69.142', 'id.resp_p': 23, proto: 'tcp', duration: 0.052, history: 'Sr', orig_bytes: 0 }, 'conn.json');
const eve = readTable({ timestamp: '2025-11-11T11:21:11.915+0000', src_ip: '192.168.250.106', src_port: 33245, dest_ip: '192.168.250.59', dest_port: 80, proto: 'TCP', alert: { signature: 'ET INFO Cleartext WordPress Login', signature_id: 2012843 }, http: { url: '/wp-login.php', http_user_agent: 'Mozilla/5.0', http_method: 'POST' }, payload_printable: 'log=admin&pwd=admin123', tcp: { tcp_flags: '1b' }, flow: { start: '2025-11-11T11:21:11.875+0000', end: '2025-11-11T11:21:12.275+0000' } }, 'eve.json');
const eveDigits = readTable({ src_ip: '193.112.129.180', dest_ip: '193.200.130.243', proto: 'TCP', tcp: { tcp_flags: '13', tcp_flags_ts: '13' } }, 'eve.json');
const ecs = readTable({ '@timestamp': '2025-11-11T11:09:44.139Z', source: { ip: '192.168.250.59', port: 80 }, destination: { ip: '10.229.19.97', port: 51989 }, network: { transport: 'tcp' }, suricata: { flow: { src_ip: '10.229.19.97', src_port: 51989, dest_ip: '192.168.250.59', dest_port: 80 } } }, 'alert.json');

describe('open-world grounding rules', () => {
  it.each([
    ['nProbe names', nprobe, 'The query went to port 53 on 10.0.0.2 from 10.0.0.1.', ['53: supported', '10.0.0.2: supported', '10.0.0.1: supported']],
    ['Zeek names', zeek, 'The originator 192.168.1.195 reached 81.2.69.142 on port 23.', ['192.168.1.195: supported', '81.2.69.142: supported', '23: supported']],
    ['EVE names', eve, 'The source 192.168.250.106 sent to destination port 80.', ['192.168.250.106: supported', '80: supported']],
    ['ECS with two views of one flow', ecs, 'The source IP 192.168.250.59 answered; the flow source 10.229.19.97 used port 51989.', ['192.168.250.59: supported', '10.229.19.97: supported', '51989: supported']],
  ])('finds addresses and ports under any schema (%s)', (_name, table, text, expected) => {
    expect(verdicts(text, table).filter((v) => /^\d/.test(v))).toEqual(expected);
  });

  it.each([
    ['The flags were SYN and ACK.', 'SYN and ACK: contradicted'],
    ['TCP_FLAGS 22 (SYN, ACK) shows a handshake.', 'SYN, ACK: contradicted'],
    ['An unusual PSH+RST combination.', 'PSH+RST: contradicted'],
    ['TCP_FLAGS = 22: SYN, RST and ACK.', 'SYN, RST and ACK: supported'],
    ['SERVER_TCP_FLAGS is 20 (ACK and RST).', 'ACK and RST: supported'],
  ])('judges a flag set stated as the whole set: %s', (text, expected) => {
    expect(verdicts(text, tcp, 'tcp-flags')).toContain(expected);
  });

  it.each([
    [zeek, 'a SYN from the originator and a RST back', ['SYN: supported', 'RST: supported']],
    [zeek, 'No FIN was seen.', ['FIN: supported']],
    [eve, 'tcp_flags 1b = FIN, SYN, PSH, ACK', ['tcp_flags 1b: supported', 'FIN, SYN, PSH, ACK: supported']],
    // Suricata's hex string "13" has no hex letter, so it was read as the number 13: its digits are still hex
    [eveDigits, 'The flags 0x13 are SYN and ACK.', ['flags 0x13: supported', 'SYN and ACK: contradicted']],
    [eveDigits, 'Its TCP flags value of 13 decodes to FIN, SYN and ACK.', ['TCP flags value of 13: supported', 'FIN, SYN and ACK: supported']],
    [eveDigits, 'The flags field 13 means SYN and FIN.', ['flags field 13: supported', 'SYN and FIN: contradicted']],
  ])('reads flags in any form a schema gives them', (table, text, expected) => {
    expect(verdicts(text, table, 'tcp-flags')).toEqual(expected);
  });

  it.each(['UDP carries no TCP flags.', 'An RST flag aborts a connection.', 'A and AAAA records map names to IPv4 and IPv6 addresses respectively.', 'SSH servers listen on port 22.'])(
    'leaves a general-knowledge statement unjudged: %s',
    (text) => {
      expect(verdicts(text, nprobe).filter((v) => !v.endsWith('supported') || v.endsWith('unsupported'))).toEqual([]);
    },
  );

  it.each(['The TCP_FLAGS field is 0 on this flow.', 'Its TCP flags are all 0.', 'No TCP header flags were set.'])('does not read a field name as the protocol: %s', (text) => {
    expect(verdicts(text, nprobe, 'protocol')).toEqual([]);
  });

  it.each([
    ['The alert is "ET INFO Cleartext WordPress Login".', 'Cleartext WordPress Login'],
    ['It was a POST request to /wp-login.php.', 'POST request'],
    ['The payload holds a cleartext password.', 'password'],
    ['The user agent was a browser.', 'user agent'],
  ])('backs a term by the record\'s own text or fields: %s', (text, term) => {
    const claims = checkNarrative(text, eve).claims.filter((c) => c.kind === 'entity');
    expect(claims.every((c) => c.verdict === 'supported')).toBe(true);
    void term;
  });

  it.each(['It exploits CVE-2022-1234.', 'This maps to MITRE T1110.001.', 'Likely CVE-2019-0708 (BlueKeep).'])('flags an identifier the record does not hold, hedged or not: %s', (text) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'entity' && /CVE|T1/.test(c.text)).map((c) => c.verdict)).toEqual(['unsupported']);
  });

  it.each([
    ['{"reasons": ["Traffic went to port 80."], "cve": ["CVE-2022-1234"]}', ['80: supported', 'CVE-2022-1234: unsupported']],
    ['{"decision": "suspicious", "reasons": ["Source 192.168.250.106 posted to /wp-login.php"]}', ['192.168.250.106: supported']],
    ['[{"summary": "The client port was 33245"}]', ['33245: supported']],
  ])('checks a JSON answer value by value, at its offsets: %s', (text, expected) => {
    const result = checkNarrative(text, eve);
    expect(result.claims.map((c) => `${c.text}: ${c.verdict}`)).toEqual(expect.arrayContaining(expected));
    for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it.each([
    ['The flow lasted 400 ms.', 'supported'],
    ['The connection lasted about 0.4 seconds.', 'supported'],
    ['It lasted 2 seconds.', 'contradicted'],
  ])('derives a duration from the start and end fields: %s', (text, verdict) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'quantity').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['The alert fired at 11:21:12 UTC.', 'supported'],
    ['It started at 11:21:11 UTC.', 'supported'],
    ['It was seen at 14:05:00 UTC.', 'contradicted'],
  ])('reads clock times against the record\'s span: %s', (text, verdict) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'timestamp').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['The alert fired at 11:21:12.', ['supported']],
    ['The flow ran from 11:21:11 to 11:21:12 UTC.', ['supported', 'supported']],
    ['It started at 12:21:11.', ['contradicted']],
    ['Between 11:21:11 and 11:25:00 it sent data.', ['supported', 'contradicted']],
    ['The ratio was 3 to 1 and it lasted 00:00:02.', []],
  ])('reads a clock time with no zone, placed by a preposition of time: %s', (text, expected) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'timestamp').map((c) => c.verdict)).toEqual(expected);
  });

  it.each([
    ['The alert fired at 13:21:12 (UTC+02:00).', ['supported']],
    ['It began at 06:21:11 local time (UTC-05:00).', ['supported']],
    ['It was seen at 11:21:12 (UTC+02:00).', ['contradicted']],
  ])('reads a clock time with the offset written after it as that instant: %s', (text, expected) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'timestamp').map((c) => c.verdict)).toEqual(expected);
  });

  it.each([
    ['The alert fired at 09:12:44.', ['supported']],
    ['The flow started at 09:12:44 local time.', ['supported']],
    ['The flow started at 07:12:44.', ['supported']],
    ['The flow started at 10:12:44.', ['contradicted']],
  ])('reads a clock time with no zone on the clock the record writes as well as in UTC: %s', (text, expected) => {
    const offset = readTable({ timestamp: '2024-05-14T09:12:44.381+0200', src_ip: '10.10.4.21', dest_ip: '185.220.101.34', flow: { start: '2024-05-14T09:12:44.201+0200' } }, 'eve.json');
    expect(checkNarrative(text, offset).claims.filter((c) => c.kind === 'timestamp').map((c) => c.verdict)).toEqual(expected);
  });

  it.each([
    ['The flow lasted 455 ms.', 'supported'],
    ['The flow stayed open for about 71.6 minutes.', 'contradicted'],
    ['It ran for 4,294,512 ms.', 'contradicted'],
  ])('backs nothing with a wrapped counter: %s', (text, verdict) => {
    expect(checkNarrative(text, nprobe).claims.filter((c) => c.kind === 'quantity').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['It carried between 45 and 60 bytes.', 'supported'],
    ['It carried between 100 and 200 bytes.', 'contradicted'],
    ['It carried 6,000–9,000 bytes.', 'contradicted'],
  ])('reads a range as one claim: %s', (text, verdict) => {
    expect(checkNarrative(text, nprobe).claims.filter((c) => c.kind === 'quantity').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each(['The source made repeated connections.', 'Similar packet sizes across multiple flows.', 'Consecutive flows show the same pattern.'])('does not let one flow\'s record back claims about other flows: %s', (text) => {
    expect(checkNarrative(text, nprobe).claims.filter((c) => c.kind === 'entity').map((c) => c.verdict)).toContain('unsupported');
  });

  it.each(['The session used TLS 1.2.', 'It spoke HTTP/1.1 to the server.', 'The banner was SSH-2.0.'])('reads a version after a protocol name as a label: %s', (text) => {
    expect(checkNarrative(text, eve).claims.filter((c) => c.kind === 'quantity')).toEqual([]);
  });

  it.each([
    ['The server 10.0.0.2 answered the client 10.0.0.1.', ['10.0.0.2: supported', '10.0.0.1: supported']],
    ['The client 10.0.0.2 queried the resolver.', ['10.0.0.2: contradicted']],
    ['The client 10.0.0.1 contacted 10.0.0.2 on port 53.', ['10.0.0.1: supported', '10.0.0.2: supported', '53: supported']],
  ])('maps client and server to the sides of the record by its ports: %s', (text, expected) => {
    expect(verdicts(text, nprobe).filter((v) => /^\d/.test(v))).toEqual(expected);
  });

  const alerted = readTable({ src_ip: '10.0.0.9', dest_ip: '10.0.0.1', alert: { action: 'allowed', signature: 'ET SCAN Nmap' } }, 'alert.json');
  it.each([
    [alerted, 'The sensor blocked the request.', ['contradicted']],
    [alerted, 'The packets were dropped by the IDS.', ['contradicted']],
    [alerted, 'The traffic was allowed through.', ['supported']],
    [nprobe, 'The connection was denied.', []],
  ])('judges what the sensor did against its action field, and only where there is one: %s', (table, text, expected) => {
    expect(checkNarrative(text, table).claims.filter((c) => c.kind === 'entity').map((c) => c.verdict)).toEqual(expected);
  });
});
