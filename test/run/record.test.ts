import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/run/record.ts';
import type { NarrateRequest } from '../../src/llm/index.ts';

const request = (content: string): NarrateRequest => ({
  template: { id: 'explain-flow', version: 'v1' },
  model: 'm',
  params: { temperature: 0 },
  mode: 'narrative',
  messages: [{ role: 'user', content }],
  table: { schema_version: 1, flow_id: '1', features: [], fields: [], notes: [] },
});

describe('fingerprintOf', () => {
  it('is stable for the same request', () => {
    expect(fingerprintOf('offline', request('table A'))).toBe(fingerprintOf('offline', request('table A')));
  });

  it('changes when the rendered table changes, so a resumed run does not reuse a stale explanation', () => {
    expect(fingerprintOf('offline', request('table A'))).not.toBe(fingerprintOf('offline', request('table B')));
  });
});
