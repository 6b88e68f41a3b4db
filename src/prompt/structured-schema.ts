import { z } from 'zod';

/**
 * The answer of a `structured` template: a short summary, observations that each name the
 * feature rows they rest on (so the checker and the reader can trace them), and caveats.
 * Strict objects: OpenAI's `json_schema` strict mode needs `additionalProperties: false`.
 */
export const StructuredExplanationSchema = z.strictObject({
  /** One to three hedged sentences. */
  summary: z.string().min(1),
  observations: z
    .array(
      z.strictObject({
        /** One hedged sentence citing feature names and values exactly as the table gives them. */
        text: z.string().min(1),
        /** Feature (or field) names from the table this observation rests on. */
        features: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  /** Limits of what the table can show. */
  caveats: z.array(z.string().min(1)),
});
export type StructuredExplanation = z.infer<typeof StructuredExplanationSchema>;

/** Name given to the schema in `response_format.json_schema.name`. */
export const STRUCTURED_SCHEMA_NAME = 'flow_explanation';

/** JSON Schema of the structured answer, as sent in `response_format` and shown in the prompt. */
export const STRUCTURED_JSON_SCHEMA: Record<string, unknown> = (() => {
  const { $schema: _drop, ...schema } = z.toJSONSchema(StructuredExplanationSchema, { target: 'draft-7' }) as Record<string, unknown>;
  return schema;
})();
