import { z } from 'zod';

export const ProviderName = z.enum(['openai', 'offline', 'replay']);
export type ProviderName = z.infer<typeof ProviderName>;

export const PriceSchema = z.object({
  prompt_per_million: z.number().nonnegative(),
  completion_per_million: z.number().nonnegative(),
});
export type Price = z.infer<typeof PriceSchema>;

export const ParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
  })
  .strict();

/**
 * One configuration layer (flags, flowlens.config.yaml, environment): every member optional.
 * Unknown keys are rejected so a typo in the config file is a ConfigError, not a silent default.
 */
export const ConfigLayerSchema = z
  .object({
    provider: ProviderName.optional(),
    baseURL: z.url({ protocol: /^https?$/ }).optional(),
    apiKey: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    template: z.string().min(1).optional(),
    mode: z.enum(['narrative', 'structured']).optional(),
    promptsDir: z.string().min(1).optional(),
    cassetteDir: z.string().min(1).optional(),
    record: z.boolean().optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
    timeoutMs: z.number().int().positive().optional(),
    params: ParamsSchema.optional(),
    prices: z.record(z.string(), PriceSchema).optional(),
  })
  .strict();
export type ConfigLayer = z.infer<typeof ConfigLayerSchema>;

/** Where a resolved value came from, for error messages and `--show-config`. */
export type ConfigSource = 'flag' | 'config-file' | 'environment' | 'default';
