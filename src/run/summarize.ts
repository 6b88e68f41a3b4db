import type { ResultRecord, RunSummary, TokenPrices } from './types.ts';

/** Counters kept while a batch runs. */
export interface Tally {
  done: number;
  cached: number;
  failed: number;
  failedEarlier: number;
  skipped: number;
  prompt: number;
  completion: number;
}

/** Build the run summary; cost only when prices are configured (tokens of cache hits cost nothing). */
export function summarize(
  tally: Tally,
  records: ResultRecord[],
  extra: { calls: number; prices?: TokenPrices | undefined; resultsFile: string; elapsedMs: number; warnings?: string[] },
): RunSummary {
  const usage = { prompt_tokens: tally.prompt, completion_tokens: tally.completion };
  const summary: RunSummary = {
    total: records.length,
    done: tally.done,
    cached: tally.cached,
    failed: tally.failed,
    failedEarlier: tally.failedEarlier,
    skipped: tally.skipped,
    calls: extra.calls,
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

/** One line for stderr: counts that reconcile, calls, tokens and cost. */
export function formatSummary(s: RunSummary): string {
  const parts = [
    `${s.total} flows: ${s.done} explained (${s.cached} from cache), ${s.skipped} already done, ${s.failed} failed` +
      (s.failedEarlier ? ` (${s.failedEarlier} from an earlier run; --retry-failed reruns them)` : ''),
    `${s.calls} calls`,
    `${s.usage.prompt_tokens} prompt + ${s.usage.completion_tokens} completion tokens`,
  ];
  if (s.cost) parts.push(`$${s.cost.total.toFixed(4)}`);
  return parts.join('; ');
}
