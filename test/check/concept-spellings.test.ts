import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const verdicts = (text: string, table: ReturnType<typeof readTable>, kind = 'entity'): string[] => claimVerdicts(text, table, ofKind(kind));

const iot23 = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', 'id.resp_p': 6667, proto: 'tcp', service: 'irc', label: 'Malicious', 'detailed-label': 'C&C' }, 'conn.json');
const eve = readTable({ src_ip: '10.0.0.5', dest_ip: '203.0.113.9', proto: 'TCP', alert: { signature: 'ET MALWARE Win32/Emotet CnC Activity', metadata: { mitre_tactic_name: ['Command_And_Control'] } } }, 'eve.json');
const cic = readTable({ 'Dst Port': 80, Protocol: 6, Label: 'DoS attacks-Slowloris' }, 'cic.json');

describe('another name of the same concept in the record backs a term (lexicon/concept-spellings.ts)', () => {
  it.each([
    ['This is command and control traffic.', 'command and control: supported'],
    ['The flow is part of a C2 channel.', 'C2 channel: supported'],
    ['It looks like command-and-control traffic.', 'command-and-control: supported'],
  ])('the IoT-23 label "C&C": %s', (text, expected) => {
    expect(verdicts(text, iot23)).toEqual([expected]);
  });

  it.each([
    ['The alert reports C2 traffic.', 'C2 traffic: supported'],
    ['This is command and control activity.', 'command and control: supported'],
  ])('rule metadata and a signature: %s', (text, expected) => {
    expect(verdicts(text, eve)).toEqual([expected]);
  });

  it.each([
    ['It is a denial-of-service attack.', 'denial-of-service: supported'],
    ['It is a DDoS attack.', 'DDoS: unsupported'],
  ])('a DoS label is no DDoS: %s', (text, expected) => {
    expect(verdicts(text, cic)).toEqual([expected]);
  });

  it('does not let one concept back another', () => {
    expect(verdicts('It is a DDoS attack.', iot23)).toEqual(['DDoS: unsupported']);
  });
});

describe('a bold lead-in label does not hide a general statement', () => {
  it.each([
    '**Context.** Port 6667 is the default port for IRC, a protocol commonly used by botnets for command and control.',
    '**Background:** IRC is commonly used by botnets for command and control.',
    '**Note.** SYN packets open connections.',
  ])('%s', (text) => {
    expect(checkNarrative(text, iot23).claims.filter((c) => c.verdict !== 'supported')).toEqual([]);
  });
});

describe('who hosts an address is a claim the record must hold', () => {
  it.each([
    ['The IP 185.244.25.235 is hosted by a known bulletproof provider.', ['hosted by: unsupported', 'bulletproof provider: unsupported']],
    ['185.244.25.235 is hosted at a cloud provider.', ['hosted at: unsupported', 'cloud provider: unsupported']],
    ['The server belongs to a bulletproof hosting provider.', ['belongs to: unsupported', 'bulletproof hosting: unsupported']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, iot23)).toEqual(expected);
  });
});

describe('a kind word after a malware name the record holds is backed by the name', () => {
  // a real Suricata alert from the Zeus lab capture
  const zeus = readTable({ src_ip: '192.168.37.130', src_port: 55026, dest_ip: '239.255.255.250', dest_port: 1900, proto: 'UDP', alert: { signature_id: 200004, signature: 'Zeus SSDP Discovery Traffic Detected', severity: 3 } }, 'eve.json');
  it.each([
    ['This is the Zeus botnet at work.', ['Zeus: supported', 'botnet: supported']],
    ['The host runs the Zeus trojan.', ['Zeus: supported', 'trojan: supported']],
    ['The host is infected with the Emotet trojan.', ['infected: unsupported', 'Emotet: unsupported', 'trojan: unsupported']],
    ['It is part of a botnet.', ['botnet: unsupported']],
  ])('%s', (text, expected) => {
    expect(verdicts(text, zeus)).toEqual(expected);
  });

  it('leaves what a malware is known for in general unjudged', () => {
    expect(verdicts('The Zeus trojan is known for stealing banking credentials.', zeus)).toEqual([]);
  });
});

describe('a word of the record counts as a form field only where it is one', () => {
  const notice = readTable({ note: 'SSH::Password_Guessing', actions: ['Notice::ACTION_LOG'], src: '198.51.100.23', p: 22 }, 'notice.json');
  const form = readTable({ src_ip: '1.2.3.4', payload_printable: 'log=admin&pwd=admin123&wp-submit=Log+In' }, 'alert.json');
  it('does not take "ACTION_LOG" for a login form', () => {
    expect(verdicts('There were login attempts.', notice)).toEqual(['login attempts: unsupported']);
  });
  it('takes "log=" in a payload for a login form', () => {
    expect(verdicts('The payload holds a login attempt.', form)).toEqual(['payload: supported', 'login attempt: supported']);
  });
  it('reads a Zeek note name as its concept', () => {
    expect(verdicts('This is an SSH brute-force attack.', notice)).toEqual(['brute-force attack: supported']);
  });
});

describe('when a domain was registered is a lookup no record holds', () => {
  const http = readTable({ src_ip: '10.1.4.23', dest_ip: '93.184.215.14', dest_port: 80, proto: 'TCP', http: { hostname: 'cdn.example-updates.net', url: '/api/v2/checkin?id=7f3a', http_method: 'POST' } }, 'eve.json');
  it.each([
    ['The domain was registered 3 days ago.', ['registered 3 days ago: unsupported']],
    ['It is a newly registered domain.', ['newly registered: unsupported']],
    ['WHOIS shows the domain is recently registered.', ['WHOIS: unsupported', 'recently registered: unsupported']],
    ['The user registered an account.', []],
  ])('%s', (text, expected) => {
    expect(verdicts(text, http)).toEqual(expected);
  });
});
