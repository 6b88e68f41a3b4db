import { z } from 'zod';
import { FeatureTableSchema } from './schema.ts';

/** The FeatureTable's JSON Schema, generated from the zod schema (what `flowlens schema table` prints). */
export function tableJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FeatureTableSchema, { io: 'input' }) as Record<string, unknown>;
}
