/**
 * Every configuration default in one place (STYLE.md §9). `resolveConfig` layers flags, then
 * flowlens.config.yaml, then the environment over these.
 */

/** Template used when none is named. @default 'explain-flow@v1' */
export const DEFAULT_TEMPLATE = 'explain-flow@v1';
/** Model name sent to an OpenAI-compatible endpoint when none is configured. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
/** Model name recorded for the offline narrator (it calls no model). */
export const OFFLINE_MODEL = 'offline-narrator-v1';
/** SDK retries on 429, 5xx, connection errors and timeouts (openai-node's own backoff). */
export const DEFAULT_MAX_RETRIES = 2;
/** SDK timeout of one HTTP attempt, in ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Where replay cassettes are read and recorded, relative to the working directory. */
export const DEFAULT_CASSETTE_DIR = 'fixtures/cassettes';
/** Name of the project config file looked up in the working directory. */
export const CONFIG_FILE_NAME = 'flowlens.config.yaml';

/**
 * Prices in US dollars per million tokens for a few well-known models, for the run's cost line.
 * Configurable under `prices:` in flowlens.config.yaml; models without a price get no cost.
 */
export const DEFAULT_PRICES: Record<string, { prompt_per_million: number; completion_per_million: number }> = {
  'gpt-4o-mini': { prompt_per_million: 0.15, completion_per_million: 0.6 },
  'gpt-4o': { prompt_per_million: 2.5, completion_per_million: 10 },
  'gpt-4.1-mini': { prompt_per_million: 0.4, completion_per_million: 1.6 },
  'gpt-4.1': { prompt_per_million: 2, completion_per_million: 8 },
};

/** Environment variables read (from the env object the CLI passes, after dotenv), first match wins. */
export const ENV_NAMES = {
  provider: ['FLOWLENS_PROVIDER'],
  baseURL: ['FLOWLENS_BASE_URL', 'OPENAI_BASE_URL'],
  apiKey: ['FLOWLENS_API_KEY', 'OPENAI_API_KEY'],
  model: ['FLOWLENS_MODEL'],
} as const;
