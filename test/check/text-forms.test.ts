import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/read.ts';

/**
 * The checker searches keyword gates once over the whole (lower-cased) text and reuses per-table
 * and per-sentence work. Its verdicts must not depend on that: the same narrative checked twice, or
 * behind a prefix whose lower case is longer than itself (so the shared lower-case text cannot be
 * used and every gate is tested sentence by sentence), gives the same claims at shifted offsets.
 */
const root = resolve(import.meta.dirname, '../..');
const table = readTable(JSON.parse(readFileSync(resolve(root, 'eval/cases/tables/upload-tls.json'), 'utf8')));
const narrative = [
  'Flow 88120 ran from 10.20.4.17 (source port 51544) to 203.0.113.45 on port 443 (HTTPS) over TCP (protocol 6), starting 2024-03-11 14:02:17 UTC.',
  'The source sent about 187 MB in 129,402 packets; only 1.9 MB came back. TCP_FLAGS is 27: SYN, ACK, PSH and FIN are set and no RST was seen.',
  'Nearly all packets (97%) were full-size, and the destination belongs to a hosting provider in the Netherlands.',
].join('\n\n');

const strip = (r: ReturnType<typeof checkNarrative>, shift: number) => r.claims.map((c) => ({ ...c, start: c.start - shift, end: c.end - shift }));

describe('checker text forms', () => {
  it('gives the same claims whether or not the lower-case text keeps offsets', () => {
    const plain = checkNarrative(narrative, table);
    const prefix = 'İ\n\n'; // "İ".toLowerCase() is two code units long
    const shifted = checkNarrative(prefix + narrative, table);
    expect(plain.claims.length).toBeGreaterThan(15);
    expect(strip(shifted, prefix.length)).toEqual(strip(plain, 0));
  });

  it('gives the same result when a table is checked again (per-table work is reused, not changed)', () => {
    const fresh = readTable(JSON.parse(readFileSync(resolve(root, 'eval/cases/tables/upload-tls.json'), 'utf8')));
    const first = checkNarrative(narrative, fresh);
    expect(checkNarrative(narrative, fresh)).toEqual(first);
    expect(first.summary.contradicted + first.summary.unsupported).toBe(3);
  });
});
