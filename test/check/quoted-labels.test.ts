import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Labels quoted from the record (extract/quoted-labels.ts) and claims of a kind of evidence signalling a kind of attack. */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => kind === undefined || c.kind === kind)
    .map((c) => `${c.text}: ${c.verdict}`);

const alert = readTable({ '@timestamp': '2025-11-11T11:21:11.915Z', rule: { id: 2012843, name: 'ET INFO Cleartext WordPress Login' }, source: { ip: '192.168.250.106', port: 33245 }, destination: { ip: '192.168.250.59', port: 80 }, network: { transport: 'tcp' }, http: { request: { method: 'POST' } }, url: { path: '/wp-login.php' } }, 'alert.json');

describe('a signature name in quotes after its noun', () => {
  it.each([
    ['The signature "ET INFO Cleartext WordPress Login" fired.', 'ET INFO Cleartext WordPress Login: supported'],
    ['The rule name is "Possible XSS attack, script tag".', 'Possible XSS attack, script tag: contradicted'],
    ['It matched the "ET SCAN Possible Nmap User-Agent Observed" signature.', 'ET SCAN Possible Nmap User-Agent Observed: contradicted'],
    ['The alert "ET INFO Cleartext WordPress Login" was raised.', 'ET INFO Cleartext WordPress Login: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, alert, 'literal')).toContain(expected);
  });

  it.each(['This looks like "low and slow" traffic.', 'The so-called "beaconing" pattern is absent.'])('leaves a quote that names no record field alone: %s', (text) => {
    expect(verdicts(text, alert, 'literal')).toEqual([]);
  });
});

describe('a reason given as a bare label in a structured answer', () => {
  const answer = (reasons: string[], steps: string[] = []): string => JSON.stringify({ decision: 'suspicious', reasons, next_steps: steps }, null, 1);
  it('is offered as what the record shows: a hedge word inside it does not make it speculative', () => {
    const got = verdicts(answer(['ET INFO Cleartext WordPress Login', 'Possible XSS attack, script tag']), alert, 'entity');
    expect(got).toEqual(['XSS: unsupported']);
  });

  it.each([
    ['a reason written as a sentence keeps its hedge', answer(['The POST may be an XSS attempt.']), 'XSS: speculative'],
  ])('%s', (_name, text, expected) => {
    expect(verdicts(text, alert, 'entity')).toEqual([expected]);
  });

  it.each([
    ['a next step', answer([], ['Possible XSS attack, check the logs'])],
    ['a recommendation in prose', 'Recommend enforcing HTTPS on the web server to encrypt all traffic.'],
    ['an imperative', 'Consider deploying Suricata rules for Cobalt Strike beacons.'],
    ['a modal', 'The team should move the login page to HTTPS.'],
  ])('reads no claim of a service, protocol or named thing in advice: %s', (_name, text) => {
    expect(checkNarrative(text, alert).claims.filter((c) => ['service', 'protocol', 'entity'].includes(c.kind))).toEqual([]);
  });
});

describe('a kind of evidence said to signal a kind of attack', () => {
  it.each([
    'Failed SSH logins followed by a success are a classic sign of password guessing.',
    'Many short flows to port 22 are a common indicator of brute-force attacks.',
    'Repeated POSTs to a login page are a hallmark of credential stuffing.',
  ])('is a general statement, left unjudged: %s', (text) => {
    expect(verdicts(text, alert).filter((v) => !v.endsWith(': supported'))).toEqual([]);
  });

  it('is judged when it is said of this record', () => {
    expect(verdicts('This flow is a classic sign of a brute-force attack.', alert)).toContain('brute-force attack: unsupported');
  });
});

describe('what a host usually does', () => {
  it.each([
    ['The request came from an IP address that is not typically associated with the web server.', 'is not typically associated with: unsupported'],
    ['The source host has never been seen before.', 'never been seen: unsupported'],
    ['The client rarely talks to this server.', 'rarely talks: unsupported'],
  ])('is a claim of other flows, which one record does not show: %s', (text, expected) => {
    expect(verdicts(text, alert, 'entity')).toEqual([expected]);
  });

  it.each(['Port 443 is typically associated with HTTPS.', 'Port 6667 is commonly used by IRC.'])('leaves knowledge of ports alone: %s', (text) => {
    expect(verdicts(text, alert).filter((v) => !v.endsWith(': supported'))).toEqual([]);
  });
});

describe('what a hedge after a comma governs', () => {
  const flow = readTable({ IPV4_SRC_ADDR: '18.219.211.138', IPV4_DST_ADDR: '172.31.69.25', L4_DST_PORT: 22, PROTOCOL: 6 }, 'nprobe.json');
  it.each([
    ['The analysis indicates a repetitive pattern against port 22, indicative of a brute-force attack.', ['repetitive: unsupported', 'brute-force attack: speculative']],
    ['A botnet, possibly Mirai, scanned port 22.', ['botnet: unsupported', 'Mirai: speculative']],
    ['Port 22 was likely targeted by a botnet.', ['botnet: speculative']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, flow, 'entity')).toEqual(expected);
  });
});

describe('a general clause leaves the clauses before it judged', () => {
  const flow = readTable({ IPV4_SRC_ADDR: '192.168.56.101', IPV4_DST_ADDR: '192.168.56.20', PROTOCOL: 6, TCP_FLAGS: 22, IN_PKTS: 1424, OUT_PKTS: 1198 }, 'nprobe.json');
  it.each([
    ['TCP_FLAGS is 22, i.e. SYN and RST with no ACK, which is the classic signature of a closed port.', 'ACK: contradicted'],
    ['The flags show no ACK, as is typical of a closed port.', 'ACK: contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, flow, 'tcp-flags')).toContain(expected);
  });

  it('reads a direction word after a figure as that figure’s, not the next one’s', () => {
    expect(verdicts('It carried 1,424 packets upstream and 1,198 packets downstream.', flow, 'quantity')).toEqual(['1,424 packets: supported', '1,198 packets: supported']);
  });
});
