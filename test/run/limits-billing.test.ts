import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { OpenAIProvider } from '../../src/llm/index.ts';
import { prepareBatch, runBatch, type BatchItem, type FailedRecord, type DoneRecord } from '../../src/run/index.ts';
import type { Clock } from '../../src/run/request-pacer.ts';
import { startOpenAIStub, type OpenAIStub, type StubOptions } from '../support/openai-stub.ts';
import { maxInWindow, table, tempDir } from './support.ts';

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/**
 * Virtual time shared by the pacer and the stub. It moves only when the pacer sleeps, and only
 * once every request sent has arrived at the stub, so each request arrives at the virtual time it
 * was let go: the stub's clock is exact and nothing here depends on real timing.
 */
function sharedClock(): { clock: Clock; now: () => number; fetch: typeof fetch } {
  let t = 0;
  let sent = 0;
  const fetchCounting: typeof fetch = (input, init) => {
    sent++;
    return fetch(input, init);
  };
  const clock: Clock = {
    now: () => t,
    sleep: async (ms, signal) => {
      // Yield first: a request just let go reaches fetch a few microtasks later.
      do await setImmediate();
      while (stub!.requests.length < sent);
      signal?.throwIfAborted();
      t += ms;
    },
  };
  return { clock, now: () => t, fetch: fetchCounting };
}

async function setup(stubOptions: StubOptions, config: { template?: string; fetch?: typeof fetch; maxRetries?: number } = {}) {
  stub = await startOpenAIStub(stubOptions);
  const dir = tempDir();
  const resolved = resolveConfig(
    { provider: 'openai', baseURL: stub.url, apiKey: 'sk-test-limits', model: 'stub-model', maxRetries: config.maxRetries ?? 2, timeoutMs: 5_000, ...(config.template ? { template: config.template } : {}) },
    { cwd: dir, env: {} },
  );
  const batch = await prepareBatch(resolved, { concurrency: 8, cacheDir: false });
  const provider = new OpenAIProvider({ baseURL: stub.url, apiKey: 'sk-test-limits', maxRetries: config.maxRetries ?? 2, timeoutMs: 5_000, ...(config.fetch ? { fetch: config.fetch } : {}) });
  const items = (n: number): BatchItem[] => Array.from({ length: n }, (_, i) => ({ id: `f${i}`, table: table(`f${i}`, `10.2.${i >> 8}.${i & 255}`) }));
  return { batch: { ...batch, provider }, items, resultsFile: join(dir, 'results.jsonl') };
}

describe('limits on the endpoint clock (openai SDK against the stub, shared virtual clock)', () => {
  it('--rpm 120 with concurrency 8 and 429 retries: no 60 s window at the stub over 120, requests spread every 500 ms', async () => {
    const shared = sharedClock();
    const { batch, items, resultsFile } = await setup({ clock: shared.now, handler: (r) => (r.index % 25 === 3 ? { kind: 'rate-limit', retryAfterMs: 1 } : { kind: 'default' }) }, { fetch: shared.fetch });
    const summary = await runBatch(items(160), { ...batch, resultsFile, requestsPerMinute: 120, clock: shared.clock });
    expect(summary).toMatchObject({ done: 160, failed: 0 });
    const arrivals = stub!.requests.map((r) => r.arrivedAt);
    expect(arrivals.length).toBe(summary.attempts);
    expect(summary.attempts).toBeGreaterThan(160); // the 429s were retried, and paced like the rest
    expect(maxInWindow(arrivals, 60_000)).toBeLessThanOrEqual(120);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
  });

  it('--tpm: no 60 s window at the stub holds more billed tokens than the limit', async () => {
    const shared = sharedClock();
    const { batch, items, resultsFile } = await setup({ clock: shared.now }, { fetch: shared.fetch });
    const summary = await runBatch(items(40), { ...batch, resultsFile, tokensPerMinute: 6_000, clock: shared.clock });
    expect(summary.done).toBe(40);
    const billed = stub!.requests.map((r) => ({ at: r.arrivedAt, tokens: r.usage!.prompt_tokens + r.usage!.completion_tokens }));
    for (const { at } of billed) {
      const inWindow = billed.filter((b) => b.at >= at && b.at < at + 60_000).reduce((n, b) => n + b.tokens, 0);
      expect(inWindow).toBeLessThanOrEqual(6_000);
    }
    expect(billed.at(-1)!.at).toBeGreaterThan(60_000); // it had to wait: the limit was in force
  });
});

describe('the run summary bills every answer the endpoint billed', () => {
  it('counts rejected answers, repair turns and retries: requests, attempts, billed answers, tokens and cost match the stub', async () => {
    const bad = { kind: 'json' as const, value: { summary: 42 } };
    // f0: rejected then repaired; f1: rejected twice (fails); f2: a 500, retried by the SDK; f3: fine.
    const { batch, items, resultsFile } = await setup({ behaviours: [bad, { kind: 'default' }, bad, bad, { kind: 'error', status: 500 }, { kind: 'default' }, { kind: 'default' }] }, { template: 'explain-flow@v1:structured' });
    const summary = await runBatch(items(4), { ...batch, resultsFile, concurrency: 1, prices: { prompt_per_million: 1_000, completion_per_million: 2_000 } });
    expect(summary).toMatchObject({ done: 3, failed: 1, sent: 4, requests: 6, attempts: 7, billed: 6 });
    const usage = stub!.requests.reduce((u, r) => ({ prompt_tokens: u.prompt_tokens + (r.usage?.prompt_tokens ?? 0), completion_tokens: u.completion_tokens + (r.usage?.completion_tokens ?? 0) }), { prompt_tokens: 0, completion_tokens: 0 });
    expect(summary.usage).toEqual(usage);
    expect(summary.cost!.total).toBeCloseTo((usage.prompt_tokens * 1_000 + usage.completion_tokens * 2_000) / 1e6, 10);
    expect((summary.records[1] as FailedRecord).error.class).toBe('NarrativeFormatError');
  });
});

describe('answers that are cut or too large', () => {
  it('retries a body cut mid-stream as transient, inside the SDK', async () => {
    const { batch, items, resultsFile } = await setup({ behaviours: [{ kind: 'truncated' }] });
    const summary = await runBatch(items(1), { ...batch, resultsFile });
    expect(summary).toMatchObject({ done: 1, failed: 0, requests: 1, attempts: 2, billed: 1 });
    expect(stub!.requests.map((r) => [r.answeredWith, r.retryCount])).toEqual([
      ['truncated', 0],
      ['default', 1],
    ]);
  });

  it('refuses an answer far beyond max_tokens (billed, not stored) and records a warning for one cut at max_tokens', async () => {
    const { batch, items, resultsFile } = await setup({
      behaviours: [
        { kind: 'text', content: 'x'.repeat(2_000_000) },
        { kind: 'text', content: 'The flow may be large, and', finishReason: 'length' },
      ],
    });
    const summary = await runBatch(items(2), { ...batch, resultsFile, concurrency: 1 });
    expect(summary).toMatchObject({ done: 1, failed: 1, billed: 2 });
    const [huge, cut] = summary.records as [FailedRecord, DoneRecord];
    expect(huge.error).toEqual({
      class: 'NarrativeFormatError',
      message: 'openai: the answer is 2,000,000 characters, over the bound of 16,384 (16 characters a token of max_tokens 900); not stored',
    });
    expect(cut.warnings).toEqual(['the answer was cut at max_tokens (900) (finish_reason length)']);
    expect(summary.usage.completion_tokens).toBe(500_000 + Math.ceil(cut.text.length / 4));
    expect(summary.warnings).toEqual([`1 answer came with warnings (in results.jsonl), e.g. flow "f1": the answer was cut at max_tokens (900) (finish_reason length)`]);
  });
});
