import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Zeek notice.log summaries (vocabulary: Notice::Info), and figures the record's own text gives. */
const verdicts = (text: string): string[] => checkNarrative(text, notice).claims.map((c) => `${c.kind} ${c.text}: ${c.verdict}`);

const notice = readTable({ ts: 1545480012.62, uid: 'CHhAvVGS1DHFjwGM9', note: 'Scan::Port_Scan', msg: '192.168.1.195 scanned at least 15 unique ports of host 81.2.69.142 in 0m3s', sub: 'local', src: '192.168.1.195', dst: '81.2.69.142', p: 23, actions: ['Notice::ACTION_LOG'], suppress_for: 3600.0 }, 'notice.json');

describe('Zeek notices', () => {
  it.each([
    ['192.168.1.195 scanned 81.2.69.142.', ['address 192.168.1.195: supported', 'address 81.2.69.142: supported']],
    ['The source 81.2.69.142 scanned the host.', ['address 81.2.69.142: contradicted']],
    ['The note is Scan::Address_Scan.', ['field-value The note is Scan::Address_Scan: contradicted']],
    ['The note is Scan::Port_Scan.', ['field-value The note is Scan::Port_Scan: supported']],
  ])('reads the notice fields: %s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });

  it.each([
    ['Zeek saw at least 15 unique ports scanned.', 'quantity at least 15 unique ports: supported'],
    ['It scanned 15 unique ports in 3 seconds.', 'quantity 15 unique ports: supported'],
    ['It scanned 20 unique ports.', 'quantity 20 unique ports: unsupported'],
  ])('backs a figure the record’s text gives as written: %s', (text, expected) => {
    expect(verdicts(text)).toContain(expected);
  });
});

describe('a notification by mail, against the record\'s actions or mail flag', () => {
  const logged = readTable({ 'id.orig_h': '172.16.20.9', 'id.resp_h': '91.215.85.17', note: 'SSL::Invalid_Server_Cert', actions: ['Notice::ACTION_LOG'] }, 'notice.json');
  const mailed = readTable({ 'id.orig_h': '172.16.20.9', 'id.resp_h': '91.215.85.17', note: 'SSL::Invalid_Server_Cert', actions: ['Notice::ACTION_LOG', 'Notice::ACTION_EMAIL'] }, 'notice.json');
  const wazuh = readTable({ rule: { id: '5551', mail: false }, agent: { name: 'db-replica-2' } }, 'wazuh.json');
  const mail = (text: string, table: ReturnType<typeof readTable>): string[] => checkNarrative(text, table).claims.filter((c) => c.kind === 'entity').map((c) => c.verdict);
  it.each([
    ['The notice was e-mailed to the SOC.', logged, ['contradicted']],
    ['The notice was e-mailed to the SOC.', mailed, ['supported']],
    ['An email alert was sent.', logged, ['contradicted']],
    ['The alert was emailed to the administrators.', wazuh, ['contradicted']],
    ['The notice was only logged and not e-mailed.', logged, []],
  ])('%s', (text, table, expected) => {
    expect(mail(text, table)).toEqual(expected);
  });
});
