import { z } from 'zod';

/** Where the suite's flows come from: a flows file run through the pipeline (top N and/or ids). */
const FlowsSourceSchema = z
  .object({
    /** Flows file (any format `flowlens ingest` reads), relative to the suite file. */
    file: z.string().min(1),
    /** Explain the N highest-scoring flows. @default 5 */
    top: z.number().int().positive().optional(),
    /** Explain exactly these flow ids (instead of top N). */
    ids: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
    scorer: z.enum(['robust-z', 'isolation-forest']).optional(),
  })
  .strict();

const ProviderSchema = z
  .object({
    /** @default 'replay' — so a suite runs offline and in CI */
    name: z.enum(['replay', 'openai', 'offline']).default('replay'),
    /** Cassette directory (replay, and `--record`), relative to the suite file. */
    cassettes: z.string().min(1).optional(),
    /** Model name: part of every request key, so it must match the recorded cassettes. */
    model: z.string().min(1).optional(),
    base_url: z.string().min(1).optional(),
    /** Calls in flight at once. @default 4 */
    concurrency: z.number().int().positive().optional(),
  })
  .strict();

const ThresholdsSchema = z
  .object({
    /** Every gated prompt's supported share (supported / non-speculative claims) must reach this. */
    min_supported_share: z.number().min(0).max(1).optional(),
    /** No single report of a gated prompt may hold more unsupported claims than this. */
    max_unsupported_per_report: z.number().int().min(0).optional(),
    /** Hallucinated claims per 100 reports: a candidate may exceed the baseline prompt by at most this. */
    max_regression: z.number().min(0).optional(),
  })
  .strict();

const JudgeSchema = z
  .object({
    /** Judge prompt template. @default 'judge-claims@v1' */
    prompt: z.string().min(1).default('judge-claims@v1'),
    provider: ProviderSchema.optional(),
  })
  .strict();

/**
 * An eval suite (`eval/suites/*.yaml`): which flows, which prompt versions, which provider,
 * how many samples, and the thresholds that gate the run. See eval/README.md.
 */
export const SuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    flows: FlowsSourceSchema.optional(),
    /** FeatureTable JSON files or directories of them, relative to the suite file. */
    tables: z.array(z.string().min(1)).optional(),
    /** Prompt references to compare (`explain-flow@v1`, `explain-flow@v2:structured`, a YAML path). */
    prompts: z.array(z.string().min(1)).min(1),
    /** The prompt the others are compared against. @default the first of `prompts` */
    baseline: z.string().min(1).optional(),
    /** Prompts held to min_supported_share and max_unsupported_per_report. @default all of `prompts` */
    gate: z.array(z.string().min(1)).optional(),
    provider: ProviderSchema.default({ name: 'replay' }),
    /** Samples per flow and prompt (the request's `sample` index 0 … repeats − 1). @default 1 */
    repeats: z.number().int().positive().default(1),
    thresholds: ThresholdsSchema.default({}),
    judge: JudgeSchema.optional(),
  })
  .strict()
  .refine((s) => (s.flows === undefined) !== (s.tables === undefined), { message: 'name either `flows` or `tables`, not both', path: ['flows'] })
  .refine((s) => s.baseline === undefined || s.prompts.includes(s.baseline), { message: '`baseline` must be one of `prompts`', path: ['baseline'] })
  .refine((s) => (s.gate ?? []).every((g) => s.prompts.includes(g)), { message: 'every `gate` entry must be one of `prompts`', path: ['gate'] });

export type Suite = z.infer<typeof SuiteSchema>;
export type SuiteProvider = z.infer<typeof ProviderSchema>;
export type SuiteThresholds = z.infer<typeof ThresholdsSchema>;
