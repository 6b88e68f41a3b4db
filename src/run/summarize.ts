import type { CallStats } from './call-provider.ts';
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
  extra: { stats: CallStats; prices?: TokenPrices | undefined; resultsFile: string; elapsedMs: number; warnings?: string[] },
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
  };
  if (extra.prices) {
    const prompt = (usage.prompt_tokens * extra.prices.prompt_per_million) / 1e6;
    const completion = (usage.completion_tokens * extra.prices.completion_per_million) / 1e6;
    summary.cost = { currency: 'USD', prompt, completion, total: prompt + completion };
  }
  return summary;
}

/** One line for stderr: counts that reconcile, what the endpoint saw and billed, tokens and cost. */
export function formatSummary(s: RunSummary): string {
  const retries = s.attempts - s.requests;
  const parts = [
    `${s.total} flows: ${s.done} explained (${s.cached} from cache), ${s.skipped} already done, ${s.failed} failed` +
      (s.failedEarlier ? ` (${s.failedEarlier} from an earlier run; --retry-failed reruns them)` : ''),
    `${s.sent} sent in ${s.requests} requests (${s.attempts} HTTP, ${retries} ${retries === 1 ? 'retry' : 'retries'})`,
    `${s.billed} answers billed: ${s.usage.prompt_tokens} prompt + ${s.usage.completion_tokens} completion tokens`,
  ];
  if (s.cost) parts.push(`$${s.cost.total.toFixed(4)}`);
  return parts.join('; ');
}
