import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const tls = (subject: string, issuer: string, notbefore: string, notafter: string) =>
  readTable({ timestamp: '2023-02-28T11:56:00.535784+0000', event_type: 'tls', src_ip: '42.193.5.156', dest_ip: '193.200.130.243', dest_port: 443, proto: 'TCP', tls: { subject, issuerdn: issuer, notbefore, notafter, version: 'TLS 1.2' } }, 'eve.json');
const valid = tls('CN=cv.mathming.ltd', 'C=CN, O=TrustAsia Technologies, Inc., CN=TrustAsia RSA DV TLS CA G2', '2023-02-16T00:00:00', '2024-02-16T23:59:59');
const selfSigned = tls('CN=localhost', 'CN=localhost', '2023-03-16T00:00:00', '2023-03-20T23:59:59');
const state = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, (c) => c.kind === 'entity' && !/certificate/i.test(c.text));

describe('what a certificate was when the record was made: its validity dates against the record time, its subject against its issuer', () => {
  it.each([
    ['The certificate had expired when the session took place.', valid, 'expired: contradicted'],
    ['The server presented an expired certificate.', selfSigned, 'expired: contradicted'],
    ['The TLS certificate was not yet valid at the time.', selfSigned, 'not yet valid: supported'],
    ['The certificate is self-signed.', selfSigned, 'self-signed: supported'],
    ['It used a self signed cert.', valid, 'self signed: contradicted'],
    ['The certificate was revoked.', valid, 'revoked: unsupported'],
  ])('%s', (text, table, expected) => {
    expect(state(text, table)).toEqual([expected]);
  });

  it.each(['The account password expired last week.', 'The session expired after 30 seconds.'])('a state word said of no certificate is not judged: %s', (text) => {
    expect(state(text, valid).filter((v) => v.startsWith('expired'))).toEqual([]);
  });

  it('a date said of the expiry is judged as that date, not again as a state', () => {
    expect(state('The certificate expired on 16 February 2024.', valid)).toEqual([]);
  });

  it('a certificate said not to have expired is no claim', () => {
    expect(state('The certificate had not expired.', valid)).toEqual([]);
  });
});

describe('advice after a semicolon is advice', () => {
  it.each([
    'Nothing here is malicious by itself; check whether cv.mathming.ltd appears in threat intelligence feeds.',
    'The flow looks benign; consider a threat intelligence lookup of 193.200.130.243.',
    'No payload was seen; review the proxy logs for the user agent.',
  ])('%s', (text) => {
    expect(claimVerdicts(text, valid, ofKind('entity')).filter((v) => !v.endsWith('supported') || v.endsWith('unsupported')).filter((v) => /threat|user agent/.test(v))).toEqual([]);
  });
});

describe('a certificate state or a country the record states in its own words', () => {
  const notice = readTable({ ts: 1731665218.441203, 'id.orig_h': '172.16.20.9', 'id.resp_h': '91.215.85.17', 'id.resp_p': 443, note: 'SSL::Invalid_Server_Cert', msg: 'SSL certificate validation failed with (self signed certificate)', 'remote_location.country_code': 'RU', 'remote_location.city': 'Moscow' }, 'notice.json');
  const entityVerdicts = (text: string): string[] => checkNarrative(text, notice).claims.filter((c) => c.kind === 'entity').map((c) => `${c.text}: ${c.verdict}`);
  it.each([
    ['The server presented a self-signed certificate.', 'self-signed: supported'],
    ['Validation failed because the certificate is self signed.', 'self signed: supported'],
    ['The certificate was self-signed, Zeek says.', 'self-signed: supported'],
  ])('the sensor\'s own words back the state: %s', (text, expected) => {
    expect(entityVerdicts(text)).toContain(expected);
  });

  it.each([
    ['Zeek places the server in Russia.', 'Russia: supported'],
    ['The server is located in Russia.', 'Russia: supported'],
    ['The server is located in China.', 'China: unsupported'],
  ])('a country code names its country: %s', (text, expected) => {
    expect(entityVerdicts(text)).toContain(expected);
  });
});
