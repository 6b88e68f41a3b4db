import type { CheckResult } from './deps.ts';
import type { ExplanationInput, ExplanationObject } from './types.ts';

/** The `explanation` object added to enriched records and written to explanations.jsonl. */
export function explanationObject(explanation: ExplanationInput, check: CheckResult): ExplanationObject {
  return {
    text: explanation.text,
    provider: explanation.provider,
    model: explanation.model,
    prompt: { id: explanation.template.id, version: explanation.template.version },
    grounding: check.summary,
  };
}
