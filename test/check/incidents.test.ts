import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// an incident as a SIEM groups alerts: counts kept per incident and per alert, hosts with their roles
const incident = readTable({
  incident_id: 'INC-20250412-0193', title: 'Multiple SSH brute force alerts followed by successful login', severity: 'high',
  first_seen: '2025-04-12T01:03:11Z', last_seen: '2025-04-12T01:41:57Z', alert_count: 214,
  hosts: [{ hostname: 'db-01', ip: '10.8.0.14', role: 'database' }],
  alerts: [
    { rule_id: 5710, signature: 'sshd: Attempt to login using a non-existent user', src_ip: '91.240.118.172', dest_ip: '10.8.0.14', dest_port: 22, count: 186 },
    { rule_id: 5712, signature: 'sshd: brute force trying to get access to the system', src_ip: '91.240.118.172', dest_ip: '10.8.0.14', dest_port: 22, count: 27 },
    { rule_id: 5715, signature: 'sshd: authentication success', src_ip: '91.240.118.172', dest_ip: '10.8.0.14', dest_port: 22, count: 1, user: 'backup' },
  ],
}, 'incident.json');

describe('a count of things the record keeps a count of is judged by that count, not by the items listed', () => {
  it.each([
    ['The incident groups 214 alerts.', '214 alerts: supported'],
    ['It lists 27 brute-force alerts.', '27 brute-force alerts: supported'],
    ['The incident groups 241 alerts.', '241 alerts: contradicted'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, incident, ofKind('list-count'))).toEqual([expected]);
  });
});

describe('a count of attempts written out in full is exact, and may be the sum of two counts', () => {
  it.each([
    ['There were 213 failed attempts before the success.', 'supported'],
    ['There were 212 failed attempts before the success.', 'unsupported'],
    ['There were 186 failed attempts.', 'supported'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, incident, ofKind('quantity')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });
});

describe('a host named by its role and a kind noun ("database server") is backed by a role field', () => {
  it.each([
    ['The target is the database server db-01.', 'database server: supported'],
    ['db-01 is a database server.', 'database server: supported'],
    ['db-01 is a mail server.', 'mail server: unsupported'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, incident, ofKind('entity'))).toContain(expected);
  });
});

describe('an attack named by how passwords are tried is an attack, backed by another name of it', () => {
  it.each(['It was an SSH password-guessing attack.', 'This is password guessing against SSH.', 'MITRE T1110.001 (Password Guessing) applies.'])('%s', (text) => {
    expect(claimVerdicts(text, incident, ofKind('entity')).filter((v) => /password/i.test(v))).toEqual([expect.stringMatching(/: supported$/)]);
  });
});

describe('advice under a bold label is advice', () => {
  it.each(['**Recommendation:** Disable the backup account and rotate its password.', '**Next steps:** Rotate the password of backup.', 'Recommendations: reset the password.'])('%s', (text) => {
    expect(claimVerdicts(text, incident, ofKind('entity')).filter((v) => /password/i.test(v))).toEqual([]);
  });
});

describe("a time said of the record's start or end is that edge's, not any time within its span", () => {
  it.each([
    ['The incident was first seen at 01:30 UTC.', 'contradicted'],
    ['The incident was first seen at 01:03 UTC.', 'supported'],
    ['It was last seen at 01:41 UTC.', 'supported'],
    ['The attack ended at 01:30 UTC.', 'contradicted'],
    ['An alert fired at 01:30 UTC.', 'supported'],
  ])('%s', (text, verdict) => {
    expect(claimVerdicts(text, incident, ofKind('timestamp')).map((v) => v.split(': ').at(-1))).toEqual([verdict]);
  });
});

describe('a Zeek port-scan notice', () => {
  const notice = readTable({ ts: 1699012345.112, 'id.orig_h': '10.0.8.15', 'id.resp_h': '10.0.8.200', 'id.resp_p': 445, proto: 'tcp', note: 'Scan::Port_Scan', msg: '10.0.8.15 scanned at least 15 unique ports of host 10.0.8.200 in 0m2s', src: '10.0.8.15', dst: '10.0.8.200', n: 15 }, 'notice.json');
  it.each([
    ['The scanner was 10.0.8.200.', '10.0.8.200: contradicted'],
    ['The scanner was 10.0.8.15.', '10.0.8.15: supported'],
  ])('the scanner is the source: %s', (text, expected) => {
    expect(claimVerdicts(text, notice, ofKind('address'))).toEqual([expected]);
  });

  it.each(['This is lateral reconnaissance.', 'A port scan from 10.0.8.15.', 'Recon of the SMB host.'])('a port scan is reconnaissance: %s', (text) => {
    expect(claimVerdicts(text, notice, ofKind('entity')).every((v) => v.endsWith(': supported'))).toBe(true);
  });
});
