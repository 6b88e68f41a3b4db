import type { ResolvedConfig } from '../config/index.ts';
import { ConfigError } from '../errors.ts';
import { createProvider, OPENAI_BATCH_LIMITS, requestKey, type BatchLimits, type PollRound } from '../llm/index.ts';
import { loadTemplate, renderPrompt } from '../prompt/index.ts';
import type { BatchSetup } from './explain-tables.ts';
import type { BatchOptions, PrivacyOptions } from './types.ts';

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
  /** Go through the OpenAI Batch API (`--batch-api`); needs the openai provider. @default undefined (online calls) */
  batchApi?: BatchApiSettings;
  onProgress?: (settled: number, total: number) => void;
  signal?: AbortSignal;
}

/** Batch API settings a caller may choose; the client comes from the provider configuration. */
export interface BatchApiSettings {
  /** Per input file. @default 50,000 requests, 200 MB */
  limits?: Partial<BatchLimits>;
  /** First poll interval, growing ×1.5 a round. @default 5000 */
  pollIntervalMs?: number;
  /** @default 60000 */
  maxPollIntervalMs?: number;
  /** After each round of polls (the progress line). */
  onRound?: (round: PollRound) => void;
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
    ...(settings.batchApi ? { batchApi: batchApiOptions(config, settings.batchApi, settings.signal) } : {}),
    onProgress: settings.onProgress,
    signal: settings.signal,
  };
}

/** The Batch API client talks to the configured openai endpoint, with its key, retries and timeout. */
function batchApiOptions(config: ResolvedConfig, settings: BatchApiSettings, signal: AbortSignal | undefined): NonNullable<BatchOptions['batchApi']> {
  if (config.provider !== 'openai') throw new ConfigError('provider', config.sources.provider ?? 'default', `--batch-api sends requests to an OpenAI-compatible endpoint: use --provider openai, not ${config.provider}`);
  if (config.record) throw new ConfigError('record', 'flag', '--record saves online answers as cassettes; it cannot be combined with --batch-api');
  return {
    client: { baseURL: config.baseURL, apiKey: config.apiKey, maxRetries: config.maxRetries, timeoutMs: config.timeoutMs },
    limits: { ...OPENAI_BATCH_LIMITS, ...settings.limits },
    ...(settings.pollIntervalMs !== undefined ? { intervalMs: settings.pollIntervalMs } : {}),
    ...(settings.maxPollIntervalMs !== undefined ? { maxIntervalMs: settings.maxPollIntervalMs } : {}),
    ...(settings.onRound ? { onRound: settings.onRound } : {}),
    signal,
  };
}
