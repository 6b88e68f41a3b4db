import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

const tableOf = (name: string) => readTable(JSON.parse(readFileSync(resolve(import.meta.dirname, `../../eval/cases/tables/${name}.json`), 'utf8')));
const dns = tableOf('dns-udp');
const verdictOf = (text: string, span: string, table = dns) => checkNarrative(text, table).claims.find((c) => c.text === span)?.verdict;

describe('checker: responder roles and host-role words', () => {
  it('reads "from" after a reply word as the responder (the destination)', () => {
    expect(verdictOf('The response from 8.8.4.4:53 arrived within 42 ms.', '8.8.4.4')).toBe('supported');
    expect(verdictOf('The reply from 172.16.0.5 came quickly.', '172.16.0.5')).toBe('contradicted');
  });

  it('still reads a plain "from" as the source', () => {
    expect(verdictOf('The query came from 172.16.0.5.', '172.16.0.5')).toBe('supported');
    expect(verdictOf('The query came from 8.8.4.4.', '8.8.4.4')).toBe('contradicted');
  });

  it('flags host roles and network zones as beyond the table', () => {
    expect(verdictOf('The client is a Windows domain controller.', 'domain controller')).toBe('unsupported');
    expect(verdictOf('The client is a Domain Controller.', 'Domain Controller')).toBe('unsupported');
    expect(verdictOf('The server is a jump host in the DMZ.', 'DMZ')).toBe('unsupported');
    expect(verdictOf('The queried name was a random subdomain.', 'queried name')).toBe('unsupported');
  });

  it('does not read an identifier as a quantity of a nearby row', () => {
    const claims = checkNarrative("The query ID was 40231, and the answer's TTL was 300 seconds.", dns).claims;
    expect(claims.filter((c) => c.verdict === 'contradicted')).toEqual([]);
  });

  it('binds figures after "packet counts" to the packet rows', () => {
    expect(verdictOf('Packet counts were 44 vs 40, so the exchange was balanced.', '44', tableOf('port-scan'))).toBe('contradicted');
  });
});

describe('checker: periods', () => {
  const beacon = tableOf('beacon-http');
  it('reads a time after "every" as the gap between flows, not the duration named nearby', () => {
    expect(verdictOf('It reached the server every 5,000 ms, each exchange lasting about 0.3 s.', '5,000 ms', beacon)).toBe('supported');
    expect(verdictOf('It reached the server every 9,000 ms, each exchange lasting about 0.3 s.', '9,000 ms', beacon)).toBe('contradicted');
  });
});

describe('checker: percentile bands', () => {
  it('checks "top/bottom decile" and "bottom N %" against the baseline percentile', () => {
    expect(verdictOf('IN_BYTES is in the bottom decile.', 'bottom decile')).toBe('contradicted'); // percentile 60
    expect(verdictOf('OUT_BYTES is in the top decile.', 'top decile')).toBe('supported'); // percentile 99.6
    expect(verdictOf('OUT_BYTES is in the top 1 % of the baseline.', 'top 1 %')).toBe('supported');
    expect(verdictOf('IN_BYTES is in the bottom 5 % of the baseline.', 'bottom 5 %', tableOf('port-scan'))).toBe('supported'); // percentile 3.1
  });

  it('does not read the band width as a quantity', () => {
    const claims = checkNarrative('IN_BYTES is in the bottom 5 % of the baseline.', tableOf('port-scan')).claims;
    expect(claims.map((c) => c.kind)).not.toContain('quantity');
  });
});
