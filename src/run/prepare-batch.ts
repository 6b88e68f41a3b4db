import type { ResolvedConfig } from '../config/index.ts';
import { createProvider, requestKey } from '../llm/index.ts';
import { loadTemplate, renderPrompt } from '../prompt/index.ts';
import type { BatchSetup } from './explain-tables.ts';
import type { PrivacyOptions } from './types.ts';

/** Runner settings that are not provider configuration (CLI flags). */
export interface RunnerSettings {
  /** @default 4 */
  concurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /**
   * Per-flow deadline; @default the SDK's per-attempt timeout × (retries + 1) + 30 s of backoff, plus with
   * `requestsPerMinute` the longest the pacer can hold those attempts (concurrency × attempts × 60 s / RPM)
   */
  timeoutMs?: number;
  /** @default '.flowlens-cache' in the working directory; false disables */
  cacheDir?: string | false;
  retryFailed?: boolean;
  privacy?: PrivacyOptions;
  onProgress?: (settled: number, total: number) => void;
  signal?: AbortSignal;
}

/** Room for the SDK's backoff between attempts (0.5 s doubling to 8 s, or Retry-After). */
const BACKOFF_ALLOWANCE_MS = 30_000;

/**
 * Wire the configured template and provider into a batch: render with the configured model and
 * parameters, key with `requestKey`, cost with the model's price, and scrub the API key from errors.
 */
export async function prepareBatch(config: ResolvedConfig, settings: RunnerSettings = {}): Promise<BatchSetup> {
  const template = await loadTemplate(config.mode ? `${config.template}:${config.mode}` : config.template, {
    ...(config.promptsDir ? { promptsDir: config.promptsDir } : {}),
  });
  const provider = createProvider(config);
  const attempts = config.maxRetries + 1;
  const concurrency = settings.concurrency ?? 4;
  // Each attempt may wait its turn behind the other flows' attempts, one every 60 s / RPM.
  const pacing = settings.requestsPerMinute ? Math.ceil((concurrency * attempts * 60_000) / settings.requestsPerMinute) : 0;
  const deadline = settings.timeoutMs ?? config.timeoutMs * attempts + BACKOFF_ALLOWANCE_MS + pacing;
  return {
    provider,
    render: (table, sample) => renderPrompt(template, table, { model: config.model, params: config.params, sample }),
    requestKey,
    // Recording must see every answer come from the provider: a cache hit would leave no cassette.
    cacheDir: config.record ? false : (settings.cacheDir ?? '.flowlens-cache'),
    concurrency,
    requestsPerMinute: settings.requestsPerMinute,
    tokensPerMinute: settings.tokensPerMinute,
    timeoutMs: deadline,
    retryFailed: settings.retryFailed ?? false,
    privacy: settings.privacy,
    prices: config.price,
    secrets: config.apiKey ? [config.apiKey] : [],
    onProgress: settings.onProgress,
    signal: settings.signal,
  };
}
