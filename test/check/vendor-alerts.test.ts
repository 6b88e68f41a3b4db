import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// a FortiGate IPS signature log (FortiOS log reference 16384), as key=value pairs read into a dict
const forti = readTable({
  date: '2025-06-11', time: '03:42:19', logid: '0419016384', type: 'utm', subtype: 'ips', eventtime: 1749613339, severity: 'critical',
  srcip: '185.220.101.47', srccountry: 'Germany', dstip: '10.20.0.15', srcintf: 'wan1', dstintf: 'internal', sessionid: 48211093, action: 'dropped',
  proto: 6, service: 'HTTPS', policyid: 12, attack: 'Apache.Log4j.Error.Log.Remote.Code.Execution', srcport: 51844, dstport: 443,
  hostname: 'portal.example.org', url: '/api/login', agent: 'Mozilla/5.0 (compatible; Nmap Scripting Engine)', attackid: 51006, crscore: 50, crlevel: 'critical',
}, 'fortigate.json');
const eve = (signature: string) => readTable({ src_ip: '10.10.4.21', dest_ip: '185.220.101.34', dest_port: 443, proto: 'TCP', alert: { action: 'allowed', signature, severity: 1 } }, 'eve.json');
const flow = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', L4_DST_PORT: 445, PROTOCOL: 6, IN_BYTES: 120 }, 'nprobe.json');

describe('a clock time is judged against the times that give a time of day', () => {
  it.each([
    ['It was logged at 03:42 UTC.', '03:42 UTC: supported'],
    ['The event time was 03:42:19 UTC.', '03:42:19 UTC: supported'],
    ['It fired at 05:10 UTC.', '05:10 UTC: contradicted'],
  ])('an epoch event time glued in its key ("eventtime"): %s', (text, expected) => {
    expect(claimVerdicts(text, forti, ofKind('timestamp'))).toEqual([expected]);
  });

  const dateOnly = readTable({ date: '2025-06-11', srcip: '185.220.101.47', dstip: '10.20.0.15' }, 'log.json');
  it.each(['It was logged at 03:42 UTC.', 'The alert fired at 17:05:11 UTC.', 'Seen at 23:59 GMT.'])('is not contradicted by a date alone: %s', (text) => {
    expect(claimVerdicts(text, dateOnly, ofKind('timestamp')).map((v) => v.split(': ')[1])).toEqual(['unsupported']);
  });

  const split = readTable({ date: '2025-06-11', time: '03:42:19', srcip: '185.220.101.47' }, 'log.json');
  it.each([['Logged at 03:42 UTC.', 'supported'], ['Logged at 03:42:19 UTC.', 'supported'], ['Logged at 04:42 UTC.', 'contradicted']])('reads a time-of-day field beside the date: %s', (text, verdict) => {
    expect(claimVerdicts(text, split, ofKind('timestamp')).map((v) => v.split(': ')[1])).toEqual([verdict]);
  });
});

describe('"located in" followed by the place it names is judged by that place', () => {
  it.each([
    ['The source, located in Germany, sent the request.', ['Germany: supported']],
    ['It is based in Germany.', ['Germany: supported']],
    ['The source is located in the Netherlands.', ['Netherlands: unsupported']],
    ['The host is located in Ashburn.', ['Ashburn: unsupported']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, forti, ofKind('entity'))).toEqual(expected);
  });
});

describe('a kind of content is backed by a value of that form, whatever its field is called', () => {
  const other = readTable({ src_ip: '10.0.0.5', dest_ip: '93.184.216.34', client_software: 'curl/7.68.0', resource: '/index.php?id=1', peer: 'files.example.net' }, 'proxy.json');
  it.each([
    ['The user agent was curl.', 'user agent: supported'],
    ['Its user-agent string identifies the client.', 'user-agent: supported'],
    ['The URL requested was short.', 'URL: supported'],
    ['The hostname points to a file server.', 'hostname: supported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, other, ofKind('entity'))).toContain(expected);
  });

  it('not where no value has the form', () => {
    expect(claimVerdicts('The user agent was curl.', flow, ofKind('entity'))).toContain('user agent: unsupported');
  });
});

describe('a score named by its kind is compared with the field so named', () => {
  it.each([
    ['The client reputation score of 50 is high.', '50: supported'],
    ['It carries a reputation score of 40.', '40: contradicted'],
  ])('FortiGate crscore, described by the vocabulary: %s', (text, expected) => {
    expect(claimVerdicts(text, forti, ofKind('quantity'))).toEqual([expected]);
  });

  it.each([['The risk score of 73 is high.', '73: supported'], ['Its risk score is 55.', '55: contradicted']])('ECS event.risk_score: %s', (text, expected) => {
    expect(claimVerdicts(text, readTable({ source: { ip: '10.0.0.1' }, event: { risk_score: 73 } }, 'ecs.json'), ofKind('quantity'))).toEqual([expected]);
  });

  it('"reputation" is backed by a field the vocabulary describes so', () => {
    expect(claimVerdicts('The source has a poor reputation.', forti, ofKind('entity'))).toEqual(['reputation: supported']);
  });
});

describe('"the attacker" is backed by a record that detects an attack', () => {
  it.each([
    ['The attacker sent a crafted request.', forti],
    ['The attacker is at 10.10.4.21.', eve('ET EXPLOIT Apache log4j RCE Attempt (http ldap) (CVE-2021-44228)')],
    ['The attacker flooded the host.', readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', Label: 1, Attack: 'DDoS' }, 'nfv3.json')],
  ])('%s', (text, table) => {
    expect(claimVerdicts(text, table, ofKind('entity'))[0]).toMatch(/^attackers?: supported$/i);
  });

  it.each([
    ['a flow with no detection', flow],
    ['a benign label', readTable({ IPV4_SRC_ADDR: '10.0.0.1', Label: 0, Attack: 'Benign' }, 'nfv3.json')],
    ['an informational signature', eve('ET INFO Cleartext WordPress Login')],
  ])('not by %s', (_, table) => {
    expect(claimVerdicts('The attacker logged in.', table, ofKind('entity'))).toEqual(['attacker: unsupported']);
  });

  it('an exploit only where the detection names one', () => {
    expect(claimVerdicts('It tried to exploit the server.', forti, ofKind('entity'))).toEqual(['exploit: supported']);
    expect(claimVerdicts('It tried to exploit the server.', eve('ET SCAN Nmap Scripting Engine User-Agent Detected'), ofKind('entity'))).toEqual(['exploit: unsupported']);
  });
});

describe('an address that an action is taken on names no side', () => {
  it.each([
    'Patch Log4j on the server, block 185.220.101.47 at the perimeter.',
    'On the server side, consider blacklisting 185.220.101.47.',
    'For the destination, isolate the host 185.220.101.47 until reviewed.',
  ])('%s', (text) => {
    expect(claimVerdicts(text, forti, ofKind('address'))).toEqual(['185.220.101.47: supported']);
  });

  it('a role word right before the address still names its side', () => {
    expect(claimVerdicts('Isolate the server 185.220.101.47 now.', forti, ofKind('address'))).toEqual(['185.220.101.47: contradicted']);
  });
});

describe('"<field noun> ID is N" against a key that glues the words', () => {
  it.each([
    ['The attack ID is 51060.', 'The attack ID is 51060: contradicted'],
    ['The session ID was 48211093.', 'The session ID was 48211093: supported'],
    ['The policy ID is 12.', 'The policy ID is 12: supported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, forti, ofKind('field-value'))).toEqual([expected]);
  });
});
