import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider, StructuredExplanationSchema, type Provider } from '../../src/llm/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.ts';
import { SECRET_KEY, seedRequest } from './support.ts';
import { seedTable } from './tables.ts';

/**
 * One contract for every provider (STYLE.md §12): offline, replay of committed cassettes, and the
 * real openai SDK against a 127.0.0.1 stub. Provider-specific behaviour is in openai-provider.test.ts.
 */
let stub: OpenAIStub;
const VALID_STRUCTURED = {
  summary: 'Flow 3943031 may have been flagged for its volume.',
  observations: [{ text: 'IN_BYTES = 4761630 bytes is above the baseline p99 (912000 bytes).', features: ['IN_BYTES'] }],
  caveats: ['inter_arrival_ms is null: not applicable.'],
};

// Replay answers from cassettes recorded here from the offline narrator; the committed cassettes
// (prompt regression) are checked in replay.test.ts.
const cassettes = mkdtempSync(join(tmpdir(), 'flowlens-contract-'));

beforeAll(async () => {
  stub = await startOpenAIStub({ defaultText: 'IN_BYTES = 4761630 bytes may be high.', defaultJson: VALID_STRUCTURED });
  const recorder = createProvider({ provider: 'offline', record: true, cassetteDir: cassettes });
  for (const mode of ['narrative', 'structured'] as const) await recorder.narrate(await seedRequest(mode));
});
afterAll(async () => {
  await stub.close();
  rmSync(cassettes, { recursive: true, force: true });
});

const PROVIDERS: Array<[string, () => Provider]> = [
  ['offline', () => createProvider({ provider: 'offline' })],
  ['replay', () => createProvider({ provider: 'replay', cassetteDir: cassettes })],
  ['openai', () => createProvider({ provider: 'openai', baseURL: stub.url, apiKey: SECRET_KEY, maxRetries: 0, timeoutMs: 5000 })],
];

describe.each(PROVIDERS)('%s provider contract', (id, make) => {
  it('answers a narrative request with Markdown text, its id and the request model', async () => {
    const provider = make();
    const narrative = await provider.narrate(await seedRequest('narrative'));
    expect(provider.id).toBe(id === 'replay' ? 'replay' : id);
    expect(narrative.model).toBe('stub-model');
    expect(narrative.text.length).toBeGreaterThan(20);
    expect(narrative.text).toContain('4761630 bytes');
    expect(narrative.structured).toBeUndefined();
  });

  it('answers a structured request with a schema-valid object rendered to Markdown', async () => {
    const narrative = await make().narrate(await seedRequest('structured'));
    const parsed = StructuredExplanationSchema.parse(narrative.structured);
    expect(parsed.observations.length).toBeGreaterThan(0);
    expect(parsed.observations.flatMap((o) => o.features)).toContain('IN_BYTES');
    expect(narrative.text).toContain('### Summary');
    expect(narrative.text).toContain('### Observations');
  });

  it('reports token usage as numbers', async () => {
    const narrative = await make().narrate(await seedRequest('narrative'));
    expect(narrative.usage?.prompt_tokens).toEqual(expect.any(Number));
    expect(narrative.usage?.completion_tokens).toEqual(expect.any(Number));
  });

  it('never puts the API key in its answer', async () => {
    const narrative = await make().narrate(await seedRequest('narrative'));
    expect(JSON.stringify(narrative)).not.toContain(SECRET_KEY);
  });

  it('stops at an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await expect(make().narrate(await seedRequest('narrative'), { signal: controller.signal })).rejects.toThrow('stop now');
  });

  it('answers the same request the same way', async () => {
    const request = await seedRequest('narrative', seedTable());
    const [a, b] = [await make().narrate(request), await make().narrate(request)];
    expect(a.text).toBe(b.text);
  });
});
