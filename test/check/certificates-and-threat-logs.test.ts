import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** A certificate's subject and dates as Zeek notices write them, and a threat log's direction and action. */
const verdicts = (text: string, table: ReturnType<typeof readTable>, kind?: string): string[] => claimVerdicts(text, table, kind === undefined ? undefined : ofKind(kind));

const notice = readTable({ ts: '2026-11-02T07:45:12.331Z', 'id.orig_h': '10.50.0.7', 'id.resp_h': '203.0.113.200', 'id.resp_p': 443, note: 'SSL::Certificate_Expired', msg: 'Certificate CN=shop.example.net expired on 2026-10-30 00:00:00 UTC', sub: 'CN=shop.example.net,O=Example Shop,C=US' }, 'notice.json');
const threat = readTable({ src: '45.148.10.81', dst: '10.20.1.50', sport: 44182, dport: 80, proto: 'tcp', action: 'reset-both', direction: 'client-to-server', severity: 'critical' }, 'threat.json');

describe('a certificate named in a notice', () => {
  it.each([
    ["The certificate's organisation is Example Store.", 'field-value', "The certificate's organisation is Example Store: contradicted"],
    ["The certificate's organization is Example Shop.", 'field-value', "The certificate's organization is Example Shop: supported"],
    ["The subject's country is US.", 'field-value', "The subject's country is US: supported"],
    ['The certificate expired on 30 October 2026.', 'timestamp', '30 October 2026: supported'],
    ['The certificate expired on 1 November 2026.', 'timestamp', '1 November 2026: contradicted'],
    ['It was valid until 2026-10-30.', 'timestamp', '2026-10-30: supported'],
  ])('reads the subject\'s attributes and the dates its text gives: %s', (text, kind, expected) => {
    expect(verdicts(text, notice, kind)).toContain(expected);
  });
});

describe('a threat log', () => {
  it.each([
    ['The direction was server-to-client.', 'packet-direction', 'server-to-client: contradicted'],
    ['The direction was client-to-server.', 'packet-direction', 'client-to-server: supported'],
    ['The firewall only alerted.', 'entity', 'only alerted: contradicted'],
    ['The sensor merely logged the request.', 'entity', 'merely logged: contradicted'],
    ['The firewall reset both sides.', 'entity', 'reset both sides: supported'],
  ])('%s', (text, kind, expected) => {
    expect(verdicts(text, threat, kind)).toContain(expected);
  });
});

describe('a notice said not to have been mailed', () => {
  const mailed = readTable({ note: 'SSL::Certificate_Expired', src: '10.50.0.7', dst: '203.0.113.200', actions: ['Notice::ACTION_LOG', 'Notice::ACTION_EMAIL'], email_dest: ['soc@example.net'] }, 'notice.json');
  const logged = readTable({ note: 'SSH::Password_Guessing', src: '10.1.1.40', dst: '198.51.100.23', actions: ['Notice::ACTION_LOG'] }, 'notice.json');
  it.each([
    ['The notice was not emailed.', mailed, 'was not emailed: contradicted'],
    ['No email alert was sent.', mailed, 'No email alert was sent: contradicted'],
    ['The notice was not emailed.', logged, 'was not emailed: supported'],
    ['It was never e-mailed to the SOC.', logged, 'was never e-mailed: supported'],
  ])('%s', (text, table, expected) => {
    expect(verdicts(text, table, 'entity')).toContain(expected);
  });
});
