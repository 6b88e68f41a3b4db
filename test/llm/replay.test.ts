import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CassetteMissError, ConfigError, ProviderError } from '../../src/errors.ts';
import { createProvider, requestKey } from '../../src/llm/index.ts';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.ts';
import { CONTRACT_CASSETTES, SECRET_KEY, seedRequest, tempDir } from './support.ts';
import { seedTable } from './tables.ts';

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('replay and record', () => {
  it('replays a committed cassette for the same request (prompt regression)', async () => {
    const request = await seedRequest('narrative');
    // A miss here means what the model sees has changed (template, table rendering, registry
    // definitions): if deliberate, re-record with `npx tsx test/llm/record-cassettes.ts`.
    const narrative = await createProvider({ provider: 'replay', cassetteDir: CONTRACT_CASSETTES }).narrate(request);
    const file = join(CONTRACT_CASSETTES, `${requestKey(request).replace(':', '-')}.json`);
    expect(narrative.text).toBe(JSON.parse(readFileSync(file, 'utf8')).narrative.text);
  });

  it('misses with a CassetteMissError naming the key when anything in the request differs', async () => {
    const request = { ...(await seedRequest('narrative')), sample: 3 };
    const key = requestKey(request);
    const error = await createProvider({ provider: 'replay', cassetteDir: CONTRACT_CASSETTES }).narrate(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CassetteMissError);
    expect((error as Error).message).toBe(`No recorded response for request key ${key} in ${CONTRACT_CASSETTES}; record it with --record`);
  });

  it('records successful openai answers without the key, then replays them with no call', async () => {
    using dir = tempDir();
    stub = await startOpenAIStub({ behaviours: [{ kind: 'text', content: 'recorded answer' }] });
    const recorder = createProvider({ provider: 'openai', baseURL: stub.url, apiKey: SECRET_KEY, record: true, cassetteDir: dir.path, maxRetries: 0 });
    const request = await seedRequest('narrative');
    expect((await recorder.narrate(request)).text).toBe('recorded answer');
    const files = readdirSync(dir.path);
    expect(files).toEqual([`${requestKey(request).replace(':', '-')}.json`]);
    const text = readFileSync(join(dir.path, files[0]!), 'utf8');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(stub.url);
    const replayed = await createProvider({ provider: 'replay', cassetteDir: dir.path }).narrate(request);
    expect(replayed).toMatchObject({ text: 'recorded answer', provider: 'openai', model: 'stub-model' });
    expect(stub.requests).toHaveLength(1);
  });

  it('never records a failure', async () => {
    using dir = tempDir();
    stub = await startOpenAIStub({ behaviours: [{ kind: 'error', status: 500 }] });
    const recorder = createProvider({ provider: 'openai', baseURL: stub.url, apiKey: SECRET_KEY, record: true, cassetteDir: dir.path, maxRetries: 0 });
    await expect(recorder.narrate(await seedRequest('narrative'))).rejects.toBeInstanceOf(ProviderError);
    expect(existsSync(dir.path) ? readdirSync(dir.path) : []).toEqual([]);
  });

  it('collapses concurrent identical requests into one call', async () => {
    using dir = tempDir();
    stub = await startOpenAIStub({ latencyMs: 50 });
    const recorder = createProvider({ provider: 'openai', baseURL: stub.url, apiKey: SECRET_KEY, record: true, cassetteDir: dir.path });
    const request = await seedRequest('narrative');
    const answers = await Promise.all([recorder.narrate(request), recorder.narrate(request), recorder.narrate({ ...request })]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses to record while replaying', () => {
    expect(() => createProvider({ provider: 'replay', record: true, cassetteDir: '/tmp/x' })).toThrow(ConfigError);
  });

  it('reads a corrupt cassette as a ProviderError, not as an answer', async () => {
    using dir = tempDir();
    const request = await seedRequest('narrative');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir.path, `${requestKey(request).replace(':', '-')}.json`), '{"key": "v1:other"}');
    await expect(createProvider({ provider: 'replay', cassetteDir: dir.path }).narrate(request)).rejects.toThrow(/^replay: corrupt cassette /);
  });
});

describe('requestKey', () => {
  it('is a versioned sha-256, stable for equal requests', async () => {
    const [a, b] = [await seedRequest('narrative'), await seedRequest('narrative')];
    expect(requestKey(a)).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(requestKey(a)).toBe(requestKey(b));
  });

  it('ignores parameter order and the table object, and changes with everything the model sees', async () => {
    const base = await seedRequest('narrative');
    const key = requestKey(base);
    expect(requestKey({ ...base, params: { seed: 7, max_tokens: 900, temperature: 0.2 } })).toBe(key);
    expect(requestKey({ ...base, table: { ...seedTable(), flow_id: 'other' } })).toBe(key);
    const variants = [
      { ...base, model: 'other' },
      { ...base, params: { ...base.params, temperature: 0.3 } },
      { ...base, sample: 1 },
      { ...base, mode: 'structured' as const },
      { ...base, template: { id: 'explain-flow', version: 'v2' } },
      { ...base, messages: [...base.messages, { role: 'user' as const, content: 'more' }] },
    ];
    expect(new Set(variants.map(requestKey)).size).toBe(variants.length);
    expect(variants.map(requestKey)).not.toContain(key);
  });
});
