import { resolveFeatureName } from '../features/index.ts';
import { StructuredExplanationSchema, type StructuredExplanation } from '../prompt/index.ts';
import type { FeatureTable } from '../table/index.ts';

export type ParseResult = { ok: true; value: StructuredExplanation } | { ok: false; error: string };

/**
 * Parse and validate a model's structured answer: JSON (a ```json fence around it is tolerated),
 * the schema, and every cited feature name being a row of the table. The error text is written
 * for the model, which gets it back once to correct its answer.
 */
export function parseStructured(text: string, table: FeatureTable): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(stripFence(text));
  } catch (error) {
    return { ok: false, error: `the answer is not valid JSON (${(error as Error).message})` };
  }
  const parsed = StructuredExplanationSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `\`${i.path.join('.') || '(root)'}\`: ${i.message}`);
    return { ok: false, error: `the JSON does not match the schema: ${issues.join('; ')}` };
  }
  const unknown = citedNamesMissing(parsed.data, table);
  if (unknown.length > 0) {
    return { ok: false, error: `observations cite names that are not rows of the table: ${unknown.join(', ')}` };
  }
  return { ok: true, value: parsed.data };
}

function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return (fenced ? fenced[1]! : text).trim();
}

function citedNamesMissing(answer: StructuredExplanation, table: FeatureTable): string[] {
  const rows = [...table.features, ...table.fields].map((r) => r.name);
  const known = new Set([...rows, ...rows.map((n) => resolveFeatureName(n)).filter((n) => n !== undefined)]);
  const cited = answer.observations.flatMap((o) => o.features);
  return [...new Set(cited.filter((name) => !known.has(name) && !known.has(resolveFeatureName(name) ?? '')))];
}
