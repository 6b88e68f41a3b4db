import { describe, expect, it } from 'vitest';
import { addExplanation, alertRef } from '../../src/run/alert-lines.ts';

describe('alert lines', () => {
  it('reads a 64-bit flow id exactly and the 5-tuple, with IPv6 compressed', () => {
    const line = '{"flow_id":18446744073709551615,"event_type":"alert","src_ip":"fe80:0000:0000:0000:8810:3337:f1e3:ebc7","src_port":546,"dest_ip":"10.0.0.1","dest_port":547}';
    expect(alertRef(line)).toEqual({ flowId: '18446744073709551615', tuple: 'fe80::8810:3337:f1e3:ebc7|546|10.0.0.1|547' });
  });

  it('finds no flow in lines without flow fields, or that are not JSON objects', () => {
    expect(alertRef('{"event_type":"stats","stats":{"uptime":3}}')).toBeUndefined();
    expect(alertRef('not json')).toBeUndefined();
    expect(alertRef('[1,2]')).toBeUndefined();
    expect(alertRef('{"event_type":"flow","flow_id":7,"src_ip":"10.0.0.1","dest_ip":"10.0.0.2"}')).toBeUndefined();
  });

  it('does not take a nested flow_id for the record’s own', () => {
    expect(alertRef('{"event_type":"x","meta":{"flow_id":5}}')).toBeUndefined();
  });

  it('appends the explanation without touching the original text', () => {
    const line = '{"flow_id":18446744073709551615,"v":1.50,"alert":{"signature":"x"}}';
    expect(addExplanation(line, { text: 'hi' })).toBe('{"flow_id":18446744073709551615,"v":1.50,"alert":{"signature":"x"},"explanation":{"text":"hi"}}');
    expect(addExplanation('{}', { a: 1 })).toBe('{"explanation":{"a":1}}');
  });
});
