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

// a PAN-OS threat log as its CSV export names the columns (PAN-OS admin guide, Threat Log Fields)
const panos = readTable({
  'Receive Time': '2025/02/14 09:17:52', Type: 'THREAT', 'Threat/Content Type': 'vulnerability', 'Source address': '203.0.113.77', 'Destination address': '192.168.10.25',
  Rule: 'Inbound-Web', Application: 'web-browsing', 'Source Zone': 'untrust', 'Destination Zone': 'dmz', 'Session ID': 2290341, 'Repeat Count': 3, 'Source Port': 41522,
  'Destination Port': 80, 'IP Protocol': 'tcp', Action: 'reset-both', 'URL/Filename': 'cgi-bin/luci/;stok=/locale',
  'Threat/Content Name': 'TP-Link Archer AX21 Command Injection Vulnerability(92533)', Severity: 'critical',
}, 'panos.json');

describe('a number that a record noun labels ("session 2290341", "rule 5712") is no quantity', () => {
  it.each(['The event repeated 3 times in session 2290341.', 'It matched rule 5712 at level 10.', 'Policy 12 let it through; see incident 877326946.'])('%s', (text) => {
    expect(claimVerdicts(text, panos, ofKind('quantity')).filter((v) => !v.startsWith('3 times'))).toEqual([]);
  });
});

describe('dates written with slashes, year first, are read', () => {
  it.each([
    ['The log was generated on 14 February 2025.', 'supported'],
    ['It was received at 2025-02-14 09:17:52 UTC.', 'supported'],
    ['The log was generated on 15 February 2025.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, panos, ofKind('timestamp')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it('times in a form not read are no contradiction', () => {
    const odd = readTable({ 'Receive Time': 'Feb-14 9h17', src: '203.0.113.77' }, 'odd.json');
    expect(claimVerdicts('It was logged on 15 February 2025.', odd, ofKind('timestamp')).map((v) => v.split(': ').at(-1))).not.toContain('contradicted');
  });
});

describe('a path with its parameters, against a record that writes it without the leading slash', () => {
  it.each([
    ['It requested /cgi-bin/luci/;stok=/locale, the known injection path.', '/cgi-bin/luci/;stok=/locale: supported'],
    ['The request for /cgi-bin/luci/ was reset.', '/cgi-bin/luci/: supported'],
    ['It requested /cgi-bin/admin.cgi.', '/cgi-bin/admin.cgi: unsupported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, panos, ofKind('literal'))).toEqual([expected]);
  });
});

describe('a field named with a term as its value is judged as that field, beside the term', () => {
  it.each([
    ['The source zone was dmz.', 'The source zone was dmz: contradicted'],
    ['The destination zone was dmz.', 'The destination zone was dmz: supported'],
    ['The source zone was untrust.', 'The source zone was untrust: supported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, panos, ofKind('field-value'))).toEqual([expected]);
  });
});

describe('what the sensor did, in the words firewalls and IPSs log it', () => {
  it.each([
    ['The firewall allowed the session.', 'allowed the session: contradicted'],
    ['The firewall reset both sides of the connection.', 'reset both sides: supported'],
    ['The session was blocked.', 'blocked: supported'],
    ['The connection was reset by the firewall.', 'was reset: supported'],
  ])('PAN-OS reset-both: %s', (text, expected) => {
    expect(claimVerdicts(text, panos, ofKind('entity'))).toEqual([expected]);
  });

  it.each([['The traffic was allowed.', 'was allowed: supported'], ['The request was dropped.', 'dropped: contradicted']])('FortiGate detected (not blocked): %s', (text, expected) => {
    const detected = readTable({ srcip: '185.220.101.47', dstip: '10.20.0.15', action: 'detected', attack: 'HTTP.URI.SQL.Injection' }, 'fortigate.json');
    expect(claimVerdicts(text, detected, ofKind('entity'))).toEqual([expected]);
  });
});

// a Firepower (FTD) intrusion event as its syslog fields name it
const ftd = readTable({
  FirstPacketSecond: '2025-09-03T18:22:41Z', ConnectionID: 40917, AccessControlRuleAction: 'Allow', SrcIP: '10.1.20.33', DstIP: '45.77.120.9', SrcPort: 49822, DstPort: 53,
  Protocol: 'udp', Priority: 1, GID: 1, SID: 58439, Revision: 2, Message: 'MALWARE-CNC Win.Trojan.Cobalt Strike DNS beacon outbound',
  Classification: 'A Network Trojan was Detected', ApplicationProtocol: 'DNS', InlineResult: 'Would have dropped',
}, 'ftd.json');

describe('a Firepower intrusion event', () => {
  it.each([
    ['The event fired at 18:22:41 UTC.', 'supported'],
    ['It was seen on 3 September 2025.', 'supported'],
    ['It was seen at 19:22 UTC.', 'contradicted'],
  ])('its first packet time is a time, whatever else its key says: %s', (text, verdict) => {
    expect(claimVerdicts(text, ftd, ofKind('timestamp')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it.each([
    ['The access control rule allowed the connection.', 'allowed the connection: supported'],
    ['The connection was blocked.', 'blocked: contradicted'],
  ])('its action field is read by the key\'s last word: %s', (text, expected) => {
    expect(claimVerdicts(text, ftd, ofKind('entity'))).toEqual([expected]);
  });

  it('a rule message with its sid is a detection: "the attacker" is backed', () => {
    expect(claimVerdicts('The query went to an attacker-controlled domain.', ftd, ofKind('entity'))).toEqual(['attacker: supported']);
  });
});

describe('a counterfactual says what did not happen', () => {
  it.each([
    'The packet would have been dropped had the policy been in prevent mode.',
    "In prevent mode the sensor would've dropped the session.",
    'The firewall should have blocked the connection.',
  ])('%s', (text) => {
    expect(claimVerdicts(text, ftd, ofKind('entity'))).toEqual([]);
  });
});

// a Security Onion alert (Suricata through ECS): the rule's sid as rule.uuid, ET metadata dates with underscores, a host named FIN-…
const so = readTable({
  '@timestamp': '2025-05-06T08:14:22.913Z', source: { ip: '10.55.3.18', port: 50233 }, destination: { ip: '104.21.55.3', port: 443 }, network: { transport: 'tcp' },
  rule: { name: 'ET MALWARE Lumma Stealer Related CnC Domain in TLS SNI (snuggleam.shop)', uuid: '2050911', metadata: { created_at: ['2024_02_21'] } },
  tls: { client: { server_name: 'snuggleam.shop' } }, host: { name: 'FIN-LAPTOP-22' },
}, 'so.json');

describe('a Security Onion alert', () => {
  it.each([['Rule 2050911 fired.', '2050911: supported'], ['Signature 2050991 fired.', '2050991: contradicted']])('the rule id is rule.uuid: %s', (text, expected) => {
    expect(claimVerdicts(text, so, ofKind('literal'))).toEqual([expected]);
  });

  it.each([['The rule was created on 21 February 2024.', 'supported'], ['The rule was created on 12 March 2023.', 'contradicted']])('a date with underscores is read: %s', (text, verdict) => {
    expect(claimVerdicts(text, so, ofKind('timestamp')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });

  it.each(['The laptop FIN-LAPTOP-22 made the connection.', 'Isolate host SYN-01.', 'Hosts web-RST and FIN-2 were seen.'])('a flag\'s letters inside a dash-joined name are no flag: %s', (text) => {
    expect(claimVerdicts(text, so, ofKind('tcp-flags'))).toEqual([]);
  });

  it('"SYN-ACK" is still two flags', () => {
    expect(claimVerdicts('A SYN-ACK came back.', readTable({ src_ip: '10.0.0.1', proto: 'TCP', tcp: { tcp_flags: '1b' } }, 'eve.json'), ofKind('tcp-flags'))).toEqual(['SYN: supported', 'ACK: supported']);
  });
});
