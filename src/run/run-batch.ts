import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Anonymizer, filterAllowed } from './anonymize.ts';
import { ProviderCaller } from './call-provider.ts';
import type { BatchApiStats, BatchOutcome, FeatureTable, NarrateRequest, Narrative } from './deps.ts';
import { batchCallStats, listFailed } from './batch-summary.ts';
import { explainByBatchApi, type QueuedItem } from './explain-by-batch-api.ts';
import { DiskCache } from './disk-cache.ts';
import { doneRecord, failedRecord, fingerprintOf, latestById, recordId } from './record.ts';
import { compactResults, readResults, ResultsLog } from './results-log.ts';
import { summarize, type Tally } from './summarize.ts';
import type { BatchItem, BatchOptions, DoneRecord, ResultRecord, RunSummary } from './types.ts';

/** Defaults spread under the caller's options (p-queue style). */
/** Items rendered between two turns of the event loop. */
const YIELD_EVERY = 32;

const DEFAULTS = { cacheDir: '.flowlens-cache', concurrency: 4, timeoutMs: 120_000, retryFailed: false } as const;

interface Prepared {
  index: number;
  item: BatchItem;
  sample: number;
  request: NarrateRequest;
  fingerprint: string;
}

/**
 * Explain every item once: resume from the results file, answer from the disk cache when the same
 * request was answered before, call the provider (within the concurrency, RPM, TPM and timeout
 * limits) otherwise, and append each result as it finishes. One item's failure is recorded, never
 * thrown; `done + failed + skipped === total` in the summary.
 * @example
 * const summary = await runBatch(tables.map((t) => ({ id: t.flow_id, table: t })), {
 *   provider, render: (t) => renderPrompt(template, t), requestKey, resultsFile: 'out/results.jsonl' });
 */
export async function runBatch(items: readonly BatchItem[], options: BatchOptions): Promise<RunSummary> {
  const started = performance.now();
  const opts = { ...DEFAULTS, ...options };
  const previousRecords = readResults(opts.resultsFile);
  const previous = latestById(previousRecords);
  const anonymizer = opts.privacy?.anonymize ? new Anonymizer(opts.privacy.fields) : undefined;
  // Every real string of the run is known before the first placeholder is given out.
  anonymizer?.reserve(items.map((item) => item.table));
  const restore = anonymizer ? (t: string) => anonymizer.restore(t) : (t: string) => t;
  const cache = opts.cacheDir === false ? undefined : new DiskCache(opts.cacheDir, opts.provider.id);
  const caller = new ProviderCaller(opts.provider, opts);
  const tally: Tally = { done: 0, cached: 0, failed: 0, failedEarlier: 0, skipped: 0 };
  const records: ResultRecord[] = new Array(items.length);
  const log = ResultsLog.open(opts.resultsFile);
  let settled = 0;
  const settle = (index: number, record: ResultRecord, append: boolean): void => {
    records[index] = record;
    if (append) log.append(record);
    opts.onProgress?.(++settled, items.length);
  };

  const pending: Promise<void>[] = [];
  const queued: QueuedItem<{ p: Prepared; key: string }>[] = [];
  const batchDir = opts.batchApi?.dir ?? join(dirname(opts.resultsFile), 'batches');
  let batchStats: BatchApiStats | undefined;
  try {
    for (const [index, item] of items.entries()) {
      // Let the first requests reach the wire while the rest are still being rendered.
      if (index > 0 && index % YIELD_EVERY === 0) await setImmediate();
      const sample = item.sample ?? 0;
      let request: NarrateRequest;
      try {
        // Anonymize every item, even skipped ones, in item order: placeholders stay stable across reruns.
        request = opts.render(sendable(item.table, opts, anonymizer), sample);
      } catch (error) {
        tally.failed++;
        settle(index, failedRecord(item.id, sample, opts.provider.id, error, opts.secrets ?? []), true);
        continue;
      }
      const fingerprint = fingerprintOf(opts.provider.id, request);
      const before = previous.get(recordId(item.id, sample));
      if (before?.status === 'done' && before.fingerprint === fingerprint) {
        tally.skipped++;
        settle(index, before, false);
      } else if (before?.status === 'failed' && !opts.retryFailed) {
        tally.failed++;
        tally.failedEarlier++;
        settle(index, before, false);
      } else if (opts.batchApi) {
        queueForBatch({ index, item, sample, request, fingerprint });
      } else {
        pending.push(explainOne({ index, item, sample, request, fingerprint }));
      }
    }
    await Promise.all(pending);
    if (opts.batchApi) batchStats = await explainByBatchApi(queued, { ...opts.batchApi, dir: batchDir, secrets: opts.secrets ?? [] }, settleBatchOutcome);
  } finally {
    log.close();
    await cache?.flush();
  }

  function finish(p: Prepared, narrative: Narrative, cached: boolean): void {
    const record = doneRecord(p.item.id, p.sample, p.request, narrative, { fingerprint: p.fingerprint, cached, anonymized: anonymizer !== undefined, restore });
    tally.done++;
    if (cached) tally.cached++;
    settle(p.index, record, true);
  }

  function fail(p: Prepared, error: unknown): void {
    tally.failed++;
    settle(p.index, failedRecord(p.item.id, p.sample, opts.provider.id, error, opts.secrets ?? []), true);
  }

  async function explainOne(p: Prepared): Promise<void> {
    try {
      const key = opts.requestKey(p.request);
      const hit = cache?.get(key);
      const narrative = hit ?? (await caller.narrate(key, p.request));
      if (!hit) cache?.set(key, narrative);
      finish(p, narrative, hit !== undefined);
    } catch (error) {
      fail(p, error);
    }
  }

  /** Batch API: answer from the cache now, or wait for the batch with the other misses. */
  function queueForBatch(p: Prepared): void {
    try {
      const key = opts.requestKey(p.request);
      const hit = cache?.get(key);
      if (hit) finish(p, hit, true);
      else queued.push({ id: recordId(p.item.id, p.sample), key, request: p.request, item: { p, key } });
    } catch (error) {
      fail(p, error);
    }
  }

  function settleBatchOutcome({ p, key }: { p: Prepared; key: string }, outcome: BatchOutcome): void {
    if ('error' in outcome) return fail(p, outcome.error);
    cache?.set(key, outcome.narrative);
    finish(p, outcome.narrative, false);
  }

  compactIfSuperseded(opts.resultsFile, previousRecords);
  const warnings = [...(anonymizer ? unmatchedFieldWarnings(anonymizer.unmatchedFields()) : []), ...answerWarnings(records)];
  const extra = { prices: opts.prices, resultsFile: opts.resultsFile, elapsedMs: performance.now() - started, warnings };
  if (batchStats) {
    warnings.push(...listFailed(records, batchDir));
    return summarize(tally, records, { ...extra, stats: batchCallStats(batchStats), batches: { ...batchStats, dir: batchDir } });
  }
  // Tokens and cost come from the caller: every billed answer, rejected ones and repair turns included.
  return summarize(tally, records, { ...extra, stats: caller.stats });
}

function sendable(table: FeatureTable, opts: BatchOptions, anonymizer: Anonymizer | undefined): FeatureTable {
  const allowed = filterAllowed(table, opts.privacy?.allow);
  return anonymizer ? anonymizer.anonymize(allowed) : allowed;
}

/** One line for the answers that came with warnings in this run (each is in its record too). */
function answerWarnings(records: readonly ResultRecord[]): string[] {
  const warned = records.filter((r) => r?.status === 'done' && !r.cached && r.warnings !== undefined);
  if (warned.length === 0) return [];
  const first = warned[0] as DoneRecord;
  return [`${warned.length} answer${warned.length === 1 ? '' : 's'} came with warnings (in results.jsonl), e.g. flow ${JSON.stringify(first.flow_id)}: ${first.warnings!.join('; ')}`];
}

function unmatchedFieldWarnings(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const list = names.map((n) => `\`${n}\``).join(', ');
  return [`--anonymize-fields: no row or identity member is named ${list} in any table, so nothing was replaced for ${names.length === 1 ? 'it' : 'them'} (names are matched ignoring case)`];
}

/** Keep the file at one line per item once a rerun has added a newer record for an item already in it. */
function compactIfSuperseded(file: string, before: readonly ResultRecord[]): void {
  if (before.length === 0) return;
  const after = readResults(file);
  const latest = latestById(after);
  if (after.length > latest.size) compactResults(file, [...latest.values()]);
}
