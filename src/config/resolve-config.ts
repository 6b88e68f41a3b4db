import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { inspect } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import {
  CONFIG_FILE_NAME,
  DEFAULT_CASSETTE_DIR,
  DEFAULT_MAX_RETRIES,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_PRICES,
  DEFAULT_TEMPLATE,
  DEFAULT_TIMEOUT_MS,
  ENV_NAMES,
  OFFLINE_MODEL,
} from './defaults.ts';
import { ConfigLayerSchema, type ConfigLayer, type ConfigSource, type Price, type ProviderName } from './schema.ts';

/** The configuration every command runs with. `toJSON` and `util.inspect` redact the API key. */
export interface ResolvedConfig {
  provider: ProviderName;
  baseURL: string | undefined;
  apiKey: string | undefined;
  model: string;
  template: string;
  /** Output mode override; undefined = the template's own. */
  mode: 'narrative' | 'structured' | undefined;
  promptsDir: string | undefined;
  /** Absolute path. */
  cassetteDir: string;
  record: boolean;
  maxRetries: number;
  timeoutMs: number;
  params: NonNullable<ConfigLayer['params']>;
  prices: Record<string, Price>;
  /** The config file that was read, if any. */
  configFile: string | undefined;
  /** Where each key's value came from. */
  sources: Partial<Record<keyof ConfigLayer, ConfigSource>>;
  /** Price of the resolved model, if known. */
  price: Price | undefined;
}

export interface ResolveOptions {
  /** Directory holding flowlens.config.yaml and against which relative paths resolve. */
  cwd: string;
  /** The environment to read (the CLI passes process.env after dotenv). Library code never reads process.env. @default {} */
  env?: Record<string, string | undefined>;
  /** An explicit config file; an explicit file that does not exist is a ConfigError. @default `<cwd>/flowlens.config.yaml` if present */
  configFile?: string;
}

// YAML written by hand tends to use snake_case; both spellings are accepted.
const SNAKE_ALIASES: Record<string, keyof ConfigLayer> = {
  base_url: 'baseURL',
  api_key: 'apiKey',
  prompts_dir: 'promptsDir',
  cassette_dir: 'cassetteDir',
  max_retries: 'maxRetries',
  timeout_ms: 'timeoutMs',
};

/**
 * Merge CLI flags > flowlens.config.yaml > environment > defaults (STYLE.md §9) and validate
 * each layer with zod, so a bad value is a ConfigError naming the key and where it came from.
 * The provider defaults to `offline` when no endpoint or key is configured.
 *
 * @example
 * const config = resolveConfig({ model: 'llama3' }, { cwd: process.cwd(), env: process.env });
 */
export function resolveConfig(flags: Partial<ConfigLayer>, options: ResolveOptions): ResolvedConfig {
  const file = findConfigFile(options);
  const layers: Array<[ConfigSource, ConfigLayer, string]> = [
    ['flag', validate(dropUndefined(flags), 'flag', 'command-line flags'), options.cwd],
    ...(file ? [['config-file', readConfigFile(file), dirname(file)] as [ConfigSource, ConfigLayer, string]] : []),
    ['environment', validate(readEnv(options.env ?? {}), 'environment', 'the environment'), options.cwd],
  ];
  const sources: ResolvedConfig['sources'] = {};
  const pick = <K extends keyof ConfigLayer>(key: K): { value: ConfigLayer[K]; base: string } | undefined => {
    for (const [source, layer, base] of layers) {
      if (layer[key] !== undefined) {
        sources[key] = source;
        return { value: layer[key], base };
      }
    }
    return undefined;
  };
  const baseURL = pick('baseURL')?.value;
  const apiKey = pick('apiKey')?.value;
  const provider = pick('provider')?.value ?? (baseURL !== undefined || apiKey !== undefined ? 'openai' : 'offline');
  sources.provider ??= 'default';
  if (provider === 'openai' && baseURL === undefined && apiKey === undefined) {
    throw new ConfigError('apiKey', sources.provider, 'The openai provider needs FLOWLENS_API_KEY or a base URL (FLOWLENS_BASE_URL)');
  }
  const cassette = pick('cassetteDir');
  const prompts = pick('promptsDir');
  const model = pick('model')?.value ?? (provider === 'offline' ? OFFLINE_MODEL : DEFAULT_OPENAI_MODEL);
  const prices: Record<string, Price> = { ...DEFAULT_PRICES };
  for (const [, layer] of [...layers].reverse()) Object.assign(prices, layer.prices);
  const config: ResolvedConfig = {
    provider,
    baseURL,
    apiKey,
    model,
    template: pick('template')?.value ?? DEFAULT_TEMPLATE,
    mode: pick('mode')?.value,
    promptsDir: prompts ? absolute(prompts.value!, prompts.base) : undefined,
    cassetteDir: cassette ? absolute(cassette.value!, cassette.base) : resolve(options.cwd, DEFAULT_CASSETTE_DIR),
    record: pick('record')?.value ?? false,
    maxRetries: pick('maxRetries')?.value ?? DEFAULT_MAX_RETRIES,
    timeoutMs: pick('timeoutMs')?.value ?? DEFAULT_TIMEOUT_MS,
    params: pick('params')?.value ?? {},
    prices,
    configFile: file,
    sources,
    price: prices[model],
  };
  return withRedaction(config);
}

/** Copy of the config safe to print or log: the API key replaced by a marker. */
export function redactConfig(config: ResolvedConfig): Record<string, unknown> {
  const { apiKey, ...rest } = config;
  return { ...rest, apiKey: apiKey === undefined ? undefined : '[redacted]' };
}

function withRedaction(config: ResolvedConfig): ResolvedConfig {
  Object.defineProperty(config, 'toJSON', { value: () => redactConfig(config), enumerable: false });
  Object.defineProperty(config, inspect.custom, { value: () => redactConfig(config), enumerable: false });
  return config;
}

function findConfigFile(options: ResolveOptions): string | undefined {
  if (options.configFile !== undefined) {
    const file = resolve(options.cwd, options.configFile);
    if (!existsSync(file)) throw new ConfigError('config', file, `Config file ${file} does not exist`);
    return file;
  }
  const file = resolve(options.cwd, CONFIG_FILE_NAME);
  return existsSync(file) ? file : undefined;
}

function readConfigFile(file: string): ConfigLayer {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('(file)', file, `Cannot parse ${file} as YAML: ${(error as Error).message}`, { cause: error });
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('(file)', file, 'Expected a mapping of keys to values');
  const renamed = Object.fromEntries(Object.entries(raw).map(([k, v]) => [SNAKE_ALIASES[k] ?? k, v]));
  return validate(renamed, file, file);
}

function readEnv(env: Record<string, string | undefined>): Record<string, string> {
  const layer: Record<string, string> = {};
  for (const [key, names] of Object.entries(ENV_NAMES)) {
    const value = names.map((name) => env[name]).find((v) => v !== undefined && v.trim() !== '');
    if (value !== undefined) layer[key] = value.trim();
  }
  return layer;
}

function validate(value: unknown, source: string, label: string): ConfigLayer {
  const parsed = ConfigLayerSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issueKey(issue);
  // Never echo a rejected API key back.
  const shown = key === 'apiKey' ? '' : `: ${issue.message}`;
  throw new ConfigError(key, source === label ? source : `${label}`, `Invalid configuration value${shown}`, { cause: key === 'apiKey' ? undefined : parsed.error });
}

function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return issue.path.map(String).join('.') || '(root)';
}

function absolute(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

function dropUndefined(flags: Partial<ConfigLayer>): Partial<ConfigLayer> {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}
