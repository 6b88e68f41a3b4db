import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// a Wazuh alert whose earlier log lines come in previous_output
const wazuh = readTable({
  timestamp: '2025-01-09T03:22:51.104+0000',
  rule: { level: 10, description: 'sshd: brute force trying to get access to the system. Authentication failed.', id: '5763', firedtimes: 3, mitre: { id: ['T1110'], tactic: ['Credential Access'], technique: ['Brute Force'] }, pci_dss: ['11.4', '10.2.4', '10.2.5'] },
  agent: { id: '014', name: 'bastion-01', ip: '172.20.1.5' },
  full_log: 'Jan  9 03:22:51 bastion-01 sshd[88123]: Failed password for invalid user admin from 203.0.113.91 port 60210 ssh2',
  previous_output: 'Jan  9 03:22:47 bastion-01 sshd[88119]: Failed password for invalid user admin from 203.0.113.91 port 60198 ssh2\nJan  9 03:22:43 bastion-01 sshd[88115]: Failed password for root from 203.0.113.91 port 60184 ssh2',
  decoder: { name: 'sshd' }, data: { srcip: '203.0.113.91', srcport: '60210', dstuser: 'admin' },
}, 'wazuh.json');

describe("a port a log line of the record names is the record's", () => {
  it.each([
    ['The previous events came from port 60198 and port 60184.', ['60198: supported', '60184: supported']],
    ['An earlier attempt used source port 60189.', ['60189: contradicted']],
    ['The current attempt came from port 60210.', ['60210: supported']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, wazuh, ofKind('port'))).toEqual(expected);
  });
});

describe('a compliance requirement named with its number, against a field named for it', () => {
  it.each([
    ['It maps to PCI DSS 10.2.4.', 'supported'],
    ['It maps to PCI DSS 10.2.7.', 'unsupported'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, wazuh, ofKind('literal')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });
});

describe('an alert mapped to an ATT&CK technique is a detection: "the attacker" is backed', () => {
  it.each(['The attacker tried the admin account.', 'The attacker kept guessing passwords.'])('%s', (text) => {
    expect(claimVerdicts(text, wazuh, ofKind('entity')).filter((v) => v.startsWith('attacker'))).toEqual(['attacker: supported']);
  });
});

describe('a field given its value by "is named", "was rated", "is called"', () => {
  const record = readTable({ agent: { id: '014', name: 'bastion-01', ip: '172.20.1.5' }, rule: { level: 10, severity: 'critical' }, host: { name: 'web-01' } }, 'alert.json');
  it.each([
    ['The agent is named bastion-02.', 'The agent is named bastion-02: contradicted'],
    ['The agent is named bastion-01.', 'The agent is named bastion-01: supported'],
    ['The severity was rated high.', 'The severity was rated high: contradicted'],
    ['The host was called web-01.', 'The host was called web-01: supported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, record, ofKind('field-value'))).toEqual([expected]);
  });
});

// a Wazuh alert over a web server's access log: full_log is a line in the Combined Log Format
const web = readTable({
  timestamp: '2026-02-09T16:41:07.512+0000',
  rule: { level: 6, description: 'Web server 400 error code.', id: '31101', firedtimes: 14 },
  agent: { id: '004', name: 'web-prod-03', ip: '10.0.5.23' }, decoder: { name: 'web-accesslog' },
  full_log: '203.0.113.77 - - [09/Feb/2026:16:41:06 +0000] "GET /cgi-bin/.%2e/.%2e/etc/passwd HTTP/1.1" 400 226 "-" "curl/7.88.1"',
  data: { protocol: 'GET', srcip: '203.0.113.77', url: '/cgi-bin/.%2e/.%2e/etc/passwd' },
}, 'wazuh.json');

describe('a port written after a colon is a port only after an address', () => {
  const classified = readTable({ src_ip: '10.1.4.22', dest_ip: '203.0.113.200', dest_port: 8443, proto: 'TCP', app_id: '13:443', note: 'seen before from 198.51.100.7:5061' }, 'flow.json');
  it.each([
    ['The destination port was 443.', ['443: contradicted']],
    ['The destination port was 8443.', ['8443: supported']],
    ['It had earlier been seen on port 5061.', ['5061: supported']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, classified, ofKind('port'))).toEqual(expected);
  });
});

describe('an access log line the record holds is read into its fields', () => {
  it.each([
    ['The server answered with a 226-byte body.', ['226-byte: supported']],
    ['The response was 2,260 bytes.', ['2,260 bytes: contradicted']],
    ['The server returned 226 bytes.', ['226 bytes: supported']],
  ])('the response size: %s', (text, expected) => {
    expect(claimVerdicts(text, web, ofKind('quantity'))).toEqual(expected);
  });

  it.each([
    ['The server answered 200 OK.', ['200: contradicted']],
    ['The request used POST.', ['POST: contradicted']],
    ['The server replied with status 400 to a GET.', ['400: supported', 'GET: supported']],
  ])('the status and the method: %s', (text, expected) => {
    expect(claimVerdicts(text, web, ofKind('literal'))).toEqual(expected);
  });

  it.each([
    ['The line was logged at 16:41:06 UTC.', ['16:41:06 UTC: supported']],
    ['The request reached the server at 16:41:06.', ['16:41:06: supported']],
    ['The request reached the server at 17:41 UTC.', ['17:41 UTC: contradicted']],
  ])('the time the line gives: %s', (text, expected) => {
    expect(claimVerdicts(text, web, ofKind('timestamp'))).toEqual(expected);
  });
});

describe('syslog lines the record holds give their times, on the record\'s year', () => {
  it.each([
    ['The attempts span about 4 seconds.', ['about 4 seconds: supported']],
    ['The earliest failure shown was at 03:22:43 and the latest at 03:22:51.', ['03:22:43: supported', '03:22:51: supported']],
    ['The failures came 4 seconds apart.', ['4 seconds: supported']],
    ['The first failure shown was at 03:20:02.', ['03:20:02: contradicted']],
    ['The attempts span about 45 seconds.', ['about 45 seconds: contradicted']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, wazuh, ofKind('quantity', 'timestamp'))).toEqual(expected);
  });
});

describe('a login said to have worked, against what the record\'s authentication lines show', () => {
  const accepted = readTable({ timestamp: '2025-01-09T03:30:02.000+0000', full_log: 'Jan  9 03:30:02 bastion-01 sshd[88200]: Accepted password for admin from 203.0.113.91 port 60300 ssh2', data: { srcip: '203.0.113.91' } }, 'wazuh.json');
  const noAuth = readTable({ src_ip: '203.0.113.91', dest_ip: '10.0.0.5', dest_port: 22, proto: 'TCP' }, 'eve.json');
  const outcome = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, (c) => c.kind === 'entity' && c.text !== 'attacker');
  it.each([
    ['The attacker logged in as admin.', ['logged in as: contradicted']],
    ['It successfully authenticated after the third try.', ['successfully authenticated: contradicted']],
    ['The intruder gained access to the host.', ['gained access: contradicted']],
    ['The attacker may have gained access.', ['gained access: speculative']],
    ['The attacker did not log in.', []],
    ['A login as admin succeeded.', ['login as admin succeeded: contradicted']],
    ['There was a successful login for admin.', ['a successful login: contradicted']],
    ['No successful login appears in the alert.', []],
  ])('failed attempts only: %s', (text, expected) => {
    expect(outcome(text, wazuh)).toEqual(expected);
  });

  it.each([
    ['The attacker logged in as admin.', wazuh, ['logged in as: contradicted']],
    ['The attacker logged in as admin.', accepted, ['logged in as: supported']],
    ['The attacker logged in as admin.', noAuth, ['logged in as: unsupported']],
  ])('a line that shows a login worked backs it, and a record without any says nothing: %s', (text, table, expected) => {
    expect(outcome(text, table)).toEqual(expected);
  });
});
