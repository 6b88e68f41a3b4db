import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderError, TemplateError } from '../../src/errors.ts';
import { readResults, runBatch, type BatchOptions } from '../../src/run/index.ts';
import { fakeProvider, render, requestKey, table, tempDir } from './support.ts';

function setup(provider = fakeProvider(), extra: Partial<BatchOptions> = {}) {
  const dir = tempDir();
  const options: BatchOptions = {
    provider,
    render,
    requestKey,
    resultsFile: join(dir, 'results.jsonl'),
    cacheDir: join(dir, 'cache'),
    concurrency: 3,
    ...extra,
  };
  const items = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, table: table(id, `10.0.0.${i + 1}`) }));
  return { dir, options, items, provider };
}

describe('runBatch', () => {
  it('explains every item once, appends one line each, and reconciles the summary', async () => {
    const { options, items, provider } = setup();
    const summary = await runBatch(items, options);
    expect(summary).toMatchObject({ total: 5, done: 5, cached: 0, failed: 0, skipped: 0, sent: 5 });
    expect(summary.usage).toEqual({ prompt_tokens: 500, completion_tokens: 100 });
    expect(provider.maxInFlight).toBeLessThanOrEqual(3);
    const lines = readResults(options.resultsFile);
    expect(lines.map((r) => r.flow_id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(summary.records.map((r) => r.flow_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('skips items already done on a rerun, and answers from the cache with a fresh results file', async () => {
    const { options, items, provider } = setup();
    await runBatch(items, options);
    const rerun = await runBatch(items, options);
    expect(rerun).toMatchObject({ done: 0, skipped: 5, sent: 0 });
    const fresh = await runBatch(items, { ...options, resultsFile: `${options.resultsFile}.2` });
    expect(fresh).toMatchObject({ done: 5, cached: 5, sent: 0, usage: { prompt_tokens: 0, completion_tokens: 0 } });
    expect(provider.seen).toHaveLength(5);
  });

  it('redoes a done item when the provider settings changed', async () => {
    const { options, items } = setup();
    await runBatch(items, options);
    const other = await runBatch(items, { ...options, render: (t, s) => ({ ...render(t, s), model: 'other-model' }) });
    expect(other).toMatchObject({ done: 5, skipped: 0, sent: 5 });
    expect(readResults(options.resultsFile)).toHaveLength(5);
  });

  it('records failures with class and message, keeps them out of the cache, and retries them with retryFailed', async () => {
    let failing = true;
    const provider = fakeProvider((request) => {
      if (failing && request.table.flow_id === 'c') throw new ProviderError('fake', 'HTTP 500 from upstream (key sk-test-SECRET123)', 500);
      return { text: 'ok', provider: 'fake', model: request.model };
    });
    const { options, items } = setup(provider, { secrets: ['sk-test-SECRET123'] });
    const first = await runBatch(items, options);
    expect(first).toMatchObject({ done: 4, failed: 1, skipped: 0 });
    const failed = first.records[2]!;
    expect(failed).toMatchObject({
      flow_id: 'c',
      status: 'failed',
      error: { class: 'ProviderError', message: 'fake: HTTP 500 from upstream (key ***)', status: 500 },
    });
    const again = await runBatch(items, options);
    expect(again).toMatchObject({ done: 0, failed: 1, failedEarlier: 1, skipped: 4, sent: 0 });
    failing = false;
    const retried = await runBatch(items, { ...options, retryFailed: true });
    expect(retried).toMatchObject({ done: 1, failed: 0, skipped: 4, sent: 1 });
    const lines = readResults(options.resultsFile);
    expect(lines.map((r) => `${r.flow_id}:${r.status}`).sort()).toEqual(['a:done', 'b:done', 'c:done', 'd:done', 'e:done']);
  });

  it('tolerates a torn last line and reruns only that item', async () => {
    const { options, items } = setup();
    await runBatch(items.slice(0, 3), options);
    appendFileSync(options.resultsFile, '{"flow_id":"d","status":"do');
    expect(readResults(options.resultsFile)).toHaveLength(3);
    const summary = await runBatch(items, options);
    expect(summary).toMatchObject({ done: 2, skipped: 3 });
    const text = readFileSync(options.resultsFile, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(readResults(options.resultsFile).map((r) => r.flow_id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rejects a corrupt line in the middle of a results file, naming the line', () => {
    const { options } = setup();
    writeFileSync(options.resultsFile, '{"flow_id":"a","status":"done"}\nnot json\n{"flow_id":"b","status":"done"}\n');
    expect(() => readResults(options.resultsFile)).toThrow(/results\.jsonl:2/);
  });

  it('ends a call that passes the deadline with RequestTimeoutError, and the others still finish', async () => {
    const provider = fakeProvider(async (request) => {
      if (request.table.flow_id === 'b') await new Promise((r) => setTimeout(r, 5_000));
      return { text: 'ok', provider: 'fake', model: request.model };
    });
    const { options, items } = setup(provider, { timeoutMs: 100 });
    const summary = await runBatch(items, options);
    expect(summary).toMatchObject({ done: 4, failed: 1 });
    expect(summary.records[1]).toMatchObject({ status: 'failed', error: { class: 'RequestTimeoutError', message: 'fake: no answer within 100 ms (per-request timeout)' } });
  });

  it('costs the run from usage and prices', async () => {
    const { options, items } = setup(fakeProvider(), { prices: { prompt_per_million: 2, completion_per_million: 10 } });
    const summary = await runBatch(items, options);
    expect(summary.cost).toEqual({ pricing: 'online', currency: 'USD', prompt: 0.001, completion: 0.001, total: 0.002 });
  });

  it('never writes a failed answer to the cache', async () => {
    const provider = fakeProvider(() => {
      throw new ProviderError('fake', 'boom');
    });
    const { options, items } = setup(provider);
    await runBatch(items, options);
    expect(() => readdirSync(options.cacheDir as string)).toThrow(/ENOENT/);
  });
});

describe('runBatch with a table that cannot be rendered', () => {
  it('records that item as failed and explains the others', async () => {
    const dir = tempDir();
    const summary = await runBatch(
      ['ok1', 'bad', 'ok2'].map((id) => ({ id, table: table(id) })),
      {
        provider: fakeProvider(),
        render: (t, s) => {
          if (t.flow_id === 'bad') throw new TemplateError('prompts/x.yaml', 'unknown variable `nope`', 'nope');
          return render(t, s);
        },
        requestKey,
        resultsFile: join(dir, 'r.jsonl'),
        cacheDir: false,
      },
    );
    expect(summary).toMatchObject({ total: 3, done: 2, failed: 1 });
    expect(summary.records[1]).toMatchObject({ status: 'failed', error: { class: 'TemplateError', message: 'prompts/x.yaml: unknown variable `nope`' } });
  });
});
