import type { CallStats } from './call-provider.ts';
import { BATCH_PRICE_FACTOR } from './deps.ts';
import type { ResultRecord, RunSummary, TokenPrices } from './types.ts';

/** Counters kept while a batch runs. */
export interface Tally {
  done: number;
  cached: number;
  failed: number;
  failedEarlier: number;
  skipped: number;
}

/** Build the run summary; cost only when prices are configured, over every billed answer (cache hits cost nothing). */
export function summarize(
  tally: Tally,
  records: ResultRecord[],
  extra: { stats: CallStats; prices?: TokenPrices | undefined; resultsFile: string; elapsedMs: number; warnings?: string[]; batches?: RunSummary['batches'] },
): RunSummary {
  const { sent, requests, attempts, billed } = extra.stats;
  const usage = { ...extra.stats.usage };
  const summary: RunSummary = {
    total: records.length,
    done: tally.done,
    cached: tally.cached,
    failed: tally.failed,
    failedEarlier: tally.failedEarlier,
    skipped: tally.skipped,
    sent,
    requests,
    attempts,
    billed,
    usage,
    elapsedMs: extra.elapsedMs,
    resultsFile: extra.resultsFile,
    warnings: extra.warnings ?? [],
    records,
    ...(extra.batches ? { batches: extra.batches } : {}),
  };
  if (extra.prices) {
    // The Batch API bills half the online price: the same tokens, priced as billed.
    const factor = extra.batches ? BATCH_PRICE_FACTOR : 1;
    const prompt = (usage.prompt_tokens * extra.prices.prompt_per_million * factor) / 1e6;
    const completion = (usage.completion_tokens * extra.prices.completion_per_million * factor) / 1e6;
    summary.cost = { currency: 'USD', prompt, completion, total: prompt + completion, pricing: extra.batches ? 'batch' : 'online' };
  }
  return summary;
}

/** One line for stderr: counts that reconcile, what the endpoint saw and billed, tokens and cost. */
export function formatSummary(s: RunSummary): string {
  const retries = s.attempts - s.requests;
  const parts = [
    `${s.total} flows: ${s.done} explained (${s.cached} from cache), ${s.skipped} already done, ${s.failed} failed` +
      (s.failedEarlier ? ` (${s.failedEarlier} from an earlier run; --retry-failed reruns them)` : ''),
    s.batches ? batchPart(s.sent, s.batches) : `${s.sent} sent in ${s.requests} requests (${s.attempts} HTTP, ${retries} ${retries === 1 ? 'retry' : 'retries'})`,
    `${s.billed} answers billed: ${s.usage.prompt_tokens} prompt + ${s.usage.completion_tokens} completion tokens`,
  ];
  if (s.cost) parts.push(`$${s.cost.total.toFixed(4)}${s.cost.pricing === 'batch' ? ` at batch pricing (${BATCH_PRICE_FACTOR * 100} % of online)` : ''}`);
  return parts.join('; ');
}

function batchPart(sent: number, b: NonNullable<RunSummary['batches']>): string {
  const unanswered = b.unanswered > 0 ? `, ${b.unanswered} left unanswered` : '';
  return `${sent} sent in ${b.submitted} new batch${b.submitted === 1 ? '' : 'es'} (Batch API; ${b.resumed} resumed, ${b.polls} polls, ${b.calls} Files/Batches calls${unanswered})`;
}
