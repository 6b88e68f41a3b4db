import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts } from './claim-verdicts.ts';

// Zeek weird.log rows with their conn.log row, nested as an alert pipeline ships them
const nested = readTable({
  conn: { ts: 1702345001.221843, uid: 'CmES5u32sYpV7JYN', 'id.orig_h': '10.3.7.21', 'id.orig_p': 53412, 'id.resp_h': '93.184.216.34', 'id.resp_p': 80, proto: 'tcp', conn_state: 'S1', history: 'ShADda', orig_pkts: 9, resp_pkts: 4 },
  weird: [{ ts: 1702345001.934113, name: 'data_before_established', notice: false }, { ts: 1702345004.102771, name: 'possible_split_routing', notice: false }],
}, 'weird.json');

describe('a field named by its own name is found at the end of a nested path', () => {
  it.each([
    ['The conn_state is REJ.', ['conn_state is REJ: contradicted']],
    ['The conn_state is S1.', ['conn_state is S1: supported']],
    ['The resp_pkts value is 5.', ['5: contradicted']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, nested).filter((v) => !v.startsWith('The conn'))).toEqual(expected);
  });

  it('a field the record has under a nested path is no absent field', () => {
    expect(claimVerdicts('The conn_state is S1.', nested).some((v) => v.includes('unsupported'))).toBe(false);
  });
});
