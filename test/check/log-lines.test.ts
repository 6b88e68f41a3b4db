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
