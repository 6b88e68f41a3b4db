import { z } from 'zod';

const MessagesSchema = z.strictObject({
  system: z.string().min(1),
  user: z.string().min(1),
});

/** A prompt template file under prompts/<id>/<version>.yaml (see prompts/README.md). */
export const TemplateFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase kebab-case id'),
  version: z.string().regex(/^v\d+$/, 'v<number>, e.g. v1'),
  description: z.string().min(1),
  /** Model suggested by the template; the configured model wins. */
  model: z.string().min(1).optional(),
  /** Sampling parameters; part of the request key. */
  params: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      top_p: z.number().min(0).max(1).optional(),
      max_tokens: z.number().int().positive().optional(),
      seed: z.number().int().optional(),
    })
    .default({}),
  /** The mode used when the reference names none. */
  default_mode: z.enum(['narrative', 'structured']).default('narrative'),
  /** Shared text blocks, usable in every message as `{{> name}}`. */
  partials: z.record(z.string().regex(/^[a-z_]+$/), z.string()).default({}),
  /** The messages of each output mode; at least one mode. */
  modes: z
    .strictObject({ narrative: MessagesSchema.optional(), structured: MessagesSchema.optional() })
    .refine((m) => m.narrative !== undefined || m.structured !== undefined, 'at least one of narrative, structured'),
});
export type TemplateFile = z.infer<typeof TemplateFileSchema>;

/**
 * Variables a template may use; anything else is a TemplateError at load time.
 * `table` is the fenced, escaped data block; the rest are short derived strings.
 */
export const TEMPLATE_VARIABLES = ['flow_id', 'table', 'feature_names', 'null_features', 'notes_count', 'output_schema'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
