import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.ts';

const KEY = 'sk-stub-secret-123';
let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

function client(url: string, extra: { maxRetries?: number; timeout?: number } = {}): OpenAI {
  return new OpenAI({ baseURL: url, apiKey: KEY, maxRetries: extra.maxRetries ?? 2, timeout: extra.timeout ?? 5000 });
}

const ask = (c: OpenAI) => c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello there' }] });

describe('startOpenAIStub', () => {
  it('answers in the OpenAI wire format with usage, and records without the key', async () => {
    stub = await startOpenAIStub({ behaviours: [{ kind: 'text', content: 'hi' }] });
    const answer = await ask(client(stub.url));
    expect(answer.choices[0]?.message.content).toBe('hi');
    expect(answer.usage).toEqual({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ index: 0, path: '/v1/chat/completions', authorized: true, responseFormat: 'none', answeredWith: 'text' });
    expect(JSON.stringify(stub.requests)).not.toContain(KEY);
  });

  it('sends 429 with retry-after, which the SDK honours before retrying', async () => {
    stub = await startOpenAIStub({ behaviours: [{ kind: 'rate-limit', retryAfterMs: 10 }, { kind: 'error', status: 500 }] });
    const answer = await ask(client(stub.url));
    expect(answer.choices[0]?.message.content).toBe('The flow shows a value above the baseline median.');
    expect(stub.requests.map((r) => [r.answeredWith, r.retryCount])).toEqual([
      ['rate-limit', 0],
      ['error', 1],
      ['default', 2],
    ]);
  });

  it('lets a slow answer run past the client timeout', async () => {
    stub = await startOpenAIStub({ behaviours: [{ kind: 'slow', delayMs: 3000 }] });
    await expect(ask(client(stub.url, { maxRetries: 0, timeout: 100 }))).rejects.toThrow(/timed out/i);
  });

  it('sends a body that is not JSON', async () => {
    stub = await startOpenAIStub({ behaviours: [{ kind: 'malformed' }] });
    await expect(ask(client(stub.url, { maxRetries: 0 }))).rejects.toThrow();
  });

  it('rejects a response_format it does not support with 400, without using up the queue', async () => {
    stub = await startOpenAIStub({ rejectResponseFormats: ['json_schema'], behaviours: [{ kind: 'json', value: { a: 1 } }] });
    const c = client(stub.url);
    const rejected = c.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
    });
    await expect(rejected).rejects.toMatchObject({ status: 400 });
    const ok = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(ok.choices[0]?.message.content).toBe('{"a":1}');
  });

  it('asks a handler when the queue is empty', async () => {
    stub = await startOpenAIStub({ handler: (r) => ({ kind: 'text', content: `#${r.index}` }) });
    const c = client(stub.url);
    const answers = await Promise.all([ask(c), ask(c)]);
    expect(answers.map((a) => a.choices[0]?.message.content).sort()).toEqual(['#0', '#1']);
  });
});

describe('startOpenAIStub without bodies', () => {
  it('keeps only the model of each request when recordBodies is false', async () => {
    const s = await startOpenAIStub({ recordBodies: false });
    try {
      await ask(client(s.url));
      expect(s.requests[0]!.body).toEqual({ model: 'm' });
      expect(s.requests[0]!.answeredWith).toBe('default');
    } finally {
      await s.close();
    }
  });
});
