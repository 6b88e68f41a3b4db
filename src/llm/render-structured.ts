import type { StructuredExplanation } from '../prompt/index.ts';

/**
 * A structured answer as Markdown for the report: the summary, one bullet per observation with
 * the rows it cites, then the caveats.
 *
 * @example
 * renderStructured({ summary: 'S.', observations: [{ text: 'O.', features: ['IN_BYTES'] }], caveats: [] });
 */
export function renderStructured(answer: StructuredExplanation): string {
  const parts = ['### Summary', answer.summary.trim(), '### Observations'];
  parts.push(answer.observations.map((o) => `- ${o.text.trim()} _(rows: ${o.features.map((f) => `\`${f}\``).join(', ')})_`).join('\n'));
  if (answer.caveats.length > 0) parts.push('### Caveats', answer.caveats.map((c) => `- ${c.trim()}`).join('\n'));
  return parts.join('\n\n');
}
