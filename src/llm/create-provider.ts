import { ConfigError } from '../errors.ts';
import { CassetteStore } from './cassette-store.ts';
import { OfflineProvider } from './providers/offline-provider.ts';
import { OpenAIProvider } from './providers/openai-provider.ts';
import { RecordingProvider } from './providers/recording-provider.ts';
import { ReplayProvider } from './providers/replay-provider.ts';
import type { Provider } from './provider.ts';

/** What `createProvider` needs; a `ResolvedConfig` from src/config fits as is. */
export interface ProviderConfig {
  provider: 'openai' | 'offline' | 'replay';
  baseURL?: string | undefined;
  apiKey?: string | undefined;
  /** SDK retries (openai). @default 2 */
  maxRetries?: number;
  /** SDK timeout of one attempt in ms (openai). @default 60000 */
  timeoutMs?: number;
  /** Cassette directory (replay, record). */
  cassetteDir?: string;
  /** Wrap the provider so each successful answer is saved as a cassette. @default false */
  record?: boolean;
  /** For tests: the fetch the openai SDK uses. */
  fetch?: typeof fetch;
}

/**
 * Build the provider a config names: `openai` (any OpenAI-compatible endpoint), `offline` (the
 * deterministic narrator) or `replay` (cassettes), wrapped for recording when `record` is set.
 *
 * @example
 * const provider = createProvider(resolveConfig(flags, { cwd, env: process.env }));
 */
export function createProvider(config: ProviderConfig): Provider {
  const base = baseProvider(config);
  if (!config.record) return base;
  if (config.provider === 'replay') throw new ConfigError('record', 'provider', 'Cannot record while replaying: choose the openai or offline provider');
  return new RecordingProvider(base, new CassetteStore(requireCassetteDir(config)));
}

function baseProvider(config: ProviderConfig): Provider {
  switch (config.provider) {
    case 'offline':
      return new OfflineProvider();
    case 'replay':
      return new ReplayProvider(new CassetteStore(requireCassetteDir(config)));
    case 'openai':
      return new OpenAIProvider({
        baseURL: config.baseURL,
        apiKey: config.apiKey,
        ...(config.maxRetries !== undefined ? { maxRetries: config.maxRetries } : {}),
        ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
        ...(config.fetch ? { fetch: config.fetch } : {}),
      });
  }
}

function requireCassetteDir(config: ProviderConfig): string {
  if (!config.cassetteDir) throw new ConfigError('cassetteDir', 'provider', `The ${config.provider} provider needs a cassette directory`);
  return config.cassetteDir;
}
