/** Configuration shared by every stage: flags > flowlens.config.yaml > environment > defaults. */
export { resolveConfig, redactConfig, type ResolvedConfig, type ResolveOptions } from './resolve-config.ts';
export { ConfigLayerSchema, ProviderName, type ConfigLayer, type ConfigSource, type Price } from './schema.ts';
export {
  CONFIG_FILE_NAME,
  DEFAULT_CASSETTE_DIR,
  DEFAULT_MAX_RETRIES,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_PRICES,
  DEFAULT_TEMPLATE,
  DEFAULT_TIMEOUT_MS,
  OFFLINE_MODEL,
} from './defaults.ts';
