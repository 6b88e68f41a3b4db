import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const verdicts = (text: string, kinds: readonly string[]): string[] => claimVerdicts(text, wazuh, ofKind(...kinds));

// a host IDS alert in Wazuh's shape: no flow, a log line, a rule that counts its firings
const wazuh = readTable({
  timestamp: '2024-03-18T02:14:07.512+0000',
  rule: { level: 10, description: 'sshd: brute force trying to get access to the system. Non existent user.', id: '5712', mitre: { id: ['T1110'], tactic: ['Credential Access'] }, firedtimes: 8, groups: ['syslog', 'sshd', 'authentication_failures'] },
  agent: { id: '003', name: 'web-prod-02', ip: '10.0.3.21' },
  full_log: 'Mar 18 02:14:07 web-prod-02 sshd[28211]: Invalid user oracle from 45.148.10.95 port 50112',
  decoder: { parent: 'sshd', name: 'sshd' },
  data: { srcip: '45.148.10.95', srcport: '50112', srcuser: 'oracle' },
}, 'wazuh.json');

describe('how often something happened ("fired 8 times") is a count, not a factor', () => {
  it.each([
    ['The rule has fired 8 times.', '8 times: supported'],
    ['The alert was triggered 8 times in an hour.', '8 times: supported'],
    ['The rule fired 10 times.', '10 times: contradicted'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, ['quantity'])).toEqual([expected]);
  });

  it('is unsupported where the record counts nothing', () => {
    const zeek = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', proto: 'tcp' }, 'conn.json');
    expect(checkNarrative('The host contacted 185.244.25.235 over 40 times that day.', zeek).claims.filter((c) => c.kind === 'quantity').map((c) => c.verdict)).toEqual(['unsupported']);
  });

  it('backs "repeated" with a count above one', () => {
    expect(verdicts('The rule has fired 8 times, which indicates repeated login failures.', ['entity'])).toEqual(['repeated: supported']);
  });
});

describe('a host alert names its service in its own texts', () => {
  it.each([
    ['The alert concerns SSH.', 'SSH: supported'],
    ['This is an SSH brute-force attempt.', 'SSH: supported'],
    ['The FTP server was attacked.', 'FTP: unsupported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, ['service'])).toEqual([expected]);
  });
});

describe('a field given a value by a quote after its noun, or "the X of N"', () => {
  it.each([
    ['It tried the username "admin".', 'the username "admin: contradicted'],
    ['The attacker used the username "oracle" in the attempt.', 'the username "oracle: supported'],
    ['The source user is oracle.', 'The source user is oracle: supported'],
    ['The rule level of 12 marks it as high severity.', 'The rule level of 12: contradicted'],
    ['The rule level of 10 is high.', 'The rule level of 10: supported'],
  ])('%s', (text, expected) => {
    expect(verdicts(text, ['field-value'])).toEqual([expected]);
  });

  it('does not read "the end of the day" or "the flow of 5 packets" as a field', () => {
    expect(verdicts('At the end of the day, the flow of 5 packets ended.', ['field-value'])).toEqual([]);
  });
});
