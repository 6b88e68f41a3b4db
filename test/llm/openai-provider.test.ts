import { afterEach, describe, expect, it } from 'vitest';
import { NarrativeFormatError, ProviderError, RequestTimeoutError } from '../../src/errors.ts';
import { OpenAIProvider } from '../../src/llm/index.ts';
import { startOpenAIStub, type OpenAIStub, type StubOptions } from '../support/openai-stub.ts';
import { SECRET_KEY, seedRequest } from './support.ts';

const VALID = {
  summary: 'Flow 3943031 may have been flagged for its volume.',
  observations: [{ text: 'IN_BYTES = 4761630 bytes is above the baseline p99 (912000 bytes).', features: ['IN_BYTES'] }],
  caveats: [],
};
const INVALID = { summary: 'missing the rest' };

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(options: StubOptions, provider: { maxRetries?: number; timeoutMs?: number } = {}): Promise<OpenAIProvider> {
  stub = await startOpenAIStub(options);
  return new OpenAIProvider({ baseURL: stub.url, apiKey: SECRET_KEY, maxRetries: provider.maxRetries ?? 2, timeoutMs: provider.timeoutMs ?? 5000 });
}

describe('openai provider against the stub', () => {
  it('sends the rendered messages, the model and the template parameters', async () => {
    const provider = await setup({ behaviours: [{ kind: 'text', content: 'ok' }] });
    const request = await seedRequest('narrative');
    await provider.narrate(request);
    const body = stub!.requests[0]!.body;
    expect(body.model).toBe('stub-model');
    expect(body.messages).toEqual(request.messages);
    expect(body).toMatchObject({ temperature: 0.2, max_tokens: 900, seed: 7 });
    expect(body.response_format).toBeUndefined();
    expect(stub!.requests[0]!.authorized).toBe(true);
  });

  it('asks for json_schema output in structured mode', async () => {
    const provider = await setup({ behaviours: [{ kind: 'json', value: VALID }] });
    const narrative = await provider.narrate(await seedRequest('structured'));
    expect(narrative.structured).toEqual(VALID);
    expect(stub!.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'flow_explanation', strict: true } });
    // strict mode rejects length keywords; zod enforces them on the answer instead
    const sent = JSON.stringify(stub!.requests[0]!.body.response_format);
    expect(sent).not.toMatch(/minLength|minItems/);
    expect(sent).toContain('"required":["summary","observations","caveats"]');
  });

  it('falls back from json_schema to json_object on a 400 and remembers it', async () => {
    const provider = await setup({ rejectResponseFormats: ['json_schema'], behaviours: [{ kind: 'json', value: VALID }, { kind: 'json', value: VALID }] });
    await provider.narrate(await seedRequest('structured'));
    await provider.narrate(await seedRequest('structured'));
    expect(stub!.requests.map((r) => [r.responseFormat, r.answeredWith])).toEqual([
      ['json_schema', 'error'],
      ['json_object', 'json'],
      ['json_object', 'json'],
    ]);
    expect(provider.formatLevel).toBe('json_object');
  });

  it('falls back to a plain request, parsed and validated, when both JSON formats are rejected', async () => {
    const provider = await setup({ rejectResponseFormats: ['json_schema', 'json_object'], behaviours: [{ kind: 'text', content: `\`\`\`json\n${JSON.stringify(VALID)}\n\`\`\`` }] });
    const narrative = await provider.narrate(await seedRequest('structured'));
    expect(narrative.structured).toEqual(VALID);
    expect(stub!.requests.map((r) => r.responseFormat)).toEqual(['json_schema', 'json_object', 'none']);
    expect(provider.formatLevel).toBe('none');
  });

  it('lets the SDK retry a 429 after its Retry-After, then succeeds', async () => {
    const provider = await setup({ behaviours: [{ kind: 'rate-limit', retryAfterSeconds: 1, retryAfterMs: 30 }, { kind: 'text', content: 'after the limit' }] });
    const narrative = await provider.narrate(await seedRequest('narrative'));
    expect(narrative.text).toBe('after the limit');
    expect(stub!.requests.map((r) => [r.answeredWith, r.retryCount])).toEqual([
      ['rate-limit', 0],
      ['text', 1],
    ]);
  });

  it('lets the SDK retry a 500, then succeeds', async () => {
    const provider = await setup({ behaviours: [{ kind: 'error', status: 500 }, { kind: 'text', content: 'recovered' }] });
    expect((await provider.narrate(await seedRequest('narrative'))).text).toBe('recovered');
    expect(stub!.requests).toHaveLength(2);
  });

  it('gives up with a ProviderError carrying the status once retries are spent', async () => {
    const provider = await setup({ behaviours: [{ kind: 'error', status: 503 }, { kind: 'error', status: 503 }] }, { maxRetries: 1 });
    const error = await provider.narrate(await seedRequest('narrative')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'openai', status: 503 });
    expect(stub!.requests).toHaveLength(2);
  });

  it('turns an answer slower than the timeout into a ProviderError', async () => {
    const provider = await setup({ behaviours: [{ kind: 'slow', delayMs: 5000 }] }, { maxRetries: 0, timeoutMs: 150 });
    const error = await provider.narrate(await seedRequest('narrative')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toBe('openai: request timed out (150 ms per attempt, 0 retries); raise --timeout for slow endpoints');
  });

  it('turns a response body that is not JSON into a ProviderError', async () => {
    const provider = await setup({ behaviours: [{ kind: 'malformed' }] }, { maxRetries: 0 });
    const error = await provider.narrate(await seedRequest('narrative')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(/^openai: invalid response: /);
  });

  it('retries a schema-violating answer once, with the validation error appended', async () => {
    const provider = await setup({ behaviours: [{ kind: 'json', value: INVALID }, { kind: 'json', value: VALID }] });
    const narrative = await provider.narrate(await seedRequest('structured'));
    expect(narrative.structured).toEqual(VALID);
    const repair = stub!.requests[1]!.body.messages!;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: JSON.stringify(INVALID) });
    expect(repair.at(-1)!.content).toMatch(/^Your answer was rejected for the reason in this data block:\n\n```flowlens-data\nthe JSON does not match the schema: ˋobservationsˋ: [^\n]*\n```\n\nAnswer again/);
    // usage of both calls is counted
    expect(narrative.usage!.prompt_tokens).toBeGreaterThan(stub!.requests[0]!.body.messages!.length);
  });

  it('retries an answer citing rows the table does not have', async () => {
    const invented = { ...VALID, observations: [{ text: 'OUT_BYTES may be low.', features: ['OUT_BYTES'] }] };
    const provider = await setup({ behaviours: [{ kind: 'json', value: invented }, { kind: 'json', value: VALID }] });
    await provider.narrate(await seedRequest('structured'));
    expect(stub!.requests[1]!.body.messages!.at(-1)!.content).toContain('observations cite names that are not rows of the table: OUT_BYTES');
  });

  it('fails with a NarrativeFormatError when the answer violates the schema twice', async () => {
    const provider = await setup({ behaviours: [{ kind: 'json', value: INVALID }, { kind: 'text', content: 'not json at all' }] });
    const error = await provider.narrate(await seedRequest('structured')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NarrativeFormatError);
    expect(error).toMatchObject({ text: 'not json at all', finishReason: 'stop' });
    expect((error as Error).message).toMatch(/^openai: the structured answer failed validation twice: the answer is not valid JSON/);
  });

  it('fails with a NarrativeFormatError on an empty narrative', async () => {
    const provider = await setup({ behaviours: [{ kind: 'text', content: '' }] });
    await expect(provider.narrate(await seedRequest('narrative'))).rejects.toBeInstanceOf(NarrativeFormatError);
  });

  it("keeps the caller's abort reason (the batch runner's deadline)", async () => {
    const provider = await setup({ behaviours: [{ kind: 'slow', delayMs: 5000 }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new RequestTimeoutError('openai', 50)), 50);
    await expect(provider.narrate(await seedRequest('narrative'), { signal: controller.signal })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('never shows the API key in an error, even when the server echoes it', async () => {
    const provider = await setup({ behaviours: [{ kind: 'error', status: 401, message: `Incorrect API key provided: ${SECRET_KEY}` }] }, { maxRetries: 0 });
    const error = (await provider.narrate(await seedRequest('narrative')).catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ status: 401 });
    expect(error.message).toBe('openai: 401 Incorrect API key provided: [redacted]');
    expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
    expect(String(error.stack)).not.toContain(SECRET_KEY);
    expect(error.cause).toBeUndefined();
  });
});
