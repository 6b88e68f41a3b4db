import { describe, expect, it } from 'vitest';
import { BatchApiError } from '../../../src/errors.ts';
import { chatRequestBody } from '../../../src/llm/chat-request.ts';
import { batchLine, splitIntoChunks } from '../../../src/llm/batch/batch-lines.ts';
import { seedRequest } from '../support.ts';

describe('batch input lines', () => {
  it.each(['narrative', 'structured'] as const)('hold the online request body (%s mode) under the flow id', async (mode) => {
    const request = await seedRequest(mode);
    const line = JSON.parse(batchLine({ customId: '3943031', key: 'k', request })) as Record<string, unknown>;
    expect(line).toEqual({ custom_id: '3943031', method: 'POST', url: '/v1/chat/completions', body: chatRequestBody(request, request.messages, 'json_schema') });
    expect((line.body as { response_format?: { type: string } }).response_format?.type).toBe(mode === 'structured' ? 'json_schema' : undefined);
  });

  it('split into files of at most maxRequests requests and maxBytes bytes, in order', async () => {
    const request = await seedRequest('narrative');
    const entries = Array.from({ length: 7 }, (_, i) => ({ customId: `f${i}`, key: 'k', request }));
    expect([...splitIntoChunks(entries, { maxRequests: 3, maxBytes: 1e9 })].map((c) => c.entries.map((e) => e.customId))).toEqual([
      ['f0', 'f1', 'f2'],
      ['f3', 'f4', 'f5'],
      ['f6'],
    ]);
    const size = Buffer.byteLength(batchLine(entries[0]!));
    const byBytes = [...splitIntoChunks(entries, { maxRequests: 50_000, maxBytes: 2 * size + 10 })];
    expect(byBytes.map((c) => c.entries.length)).toEqual([2, 2, 2, 1]);
    expect(byBytes.every((c) => Buffer.byteLength(c.text) <= 2 * size + 10)).toBe(true);
    expect(byBytes.map((c) => c.text).join('')).toBe(entries.map(batchLine).join(''));
  });

  it('refuses a single request over the byte limit, naming the flow, or leaves it out and says so', async () => {
    const request = await seedRequest('narrative');
    const left: string[] = [];
    const small = { customId: 'small', key: 'k', request: { ...request, messages: [{ role: 'user' as const, content: 'hi' }] } };
    const kept = [...splitIntoChunks([{ customId: 'big', key: 'k', request }, small], { maxRequests: 10, maxBytes: 300 }, (e, error) => left.push(`${e.customId}: ${error.message}`))];
    expect(kept.map((c) => c.entries.map((e) => e.customId))).toEqual([['small']]);
    expect(left).toEqual([expect.stringMatching(/^big: openai batch: split: the request of flow "big" is \d+ bytes, over the 300-byte limit of a batch file$/)]);
    expect(() => [...splitIntoChunks([{ customId: 'big', key: 'k', request }], { maxRequests: 10, maxBytes: 100 })]).toThrow(BatchApiError);
    expect(() => [...splitIntoChunks([{ customId: 'big', key: 'k', request }], { maxRequests: 10, maxBytes: 100 })]).toThrow(/flow "big" is \d+ bytes, over the 100-byte limit/);
  });
});
