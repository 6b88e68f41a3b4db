import type { FeatureTable } from '../table/index.ts';
import type { PromptTemplate } from './load-template.ts';
import { STRUCTURED_JSON_SCHEMA } from './structured-schema.ts';
import { fenceTable, neutraliseTable } from './table-block.ts';
import type { TemplateVariable } from './template-schema.ts';
import type { PromptParams, RenderedPrompt } from './types.ts';

export interface RenderOptions {
  /** Model name for the request; wins over the template's suggestion. @default template.model ?? 'unspecified' */
  model?: string;
  /** Parameters layered over the template's. @default {} */
  params?: PromptParams;
  /** Repeat index when the same request is sampled several times. @default 0 */
  sample?: number;
}

/**
 * Render a template for one table: the messages the model will see, plus what identifies the
 * request (template id and version, model, parameters, mode, sample) for caches and cassettes.
 *
 * @example
 * const request = renderPrompt(await loadTemplate('explain-flow@v1'), table, { model: 'gpt-4o-mini' });
 */
export function renderPrompt(template: PromptTemplate, table: FeatureTable, options: RenderOptions = {}): RenderedPrompt {
  const variables = templateVariables(template, table);
  const request: RenderedPrompt = {
    template: { id: template.id, version: template.version },
    model: options.model ?? template.model ?? 'unspecified',
    params: { ...template.params, ...options.params },
    mode: template.mode,
    messages: [
      { role: 'system', content: template.system(variables).trim() },
      { role: 'user', content: template.user(variables).trim() },
    ],
    table,
    sample: options.sample ?? 0,
  };
  if (template.mode === 'structured') request.responseSchema = STRUCTURED_JSON_SCHEMA;
  return request;
}

function templateVariables(template: PromptTemplate, table: FeatureTable): Record<TemplateVariable, string> {
  const safe = neutraliseTable(table);
  const rows = [...safe.features, ...safe.fields];
  const nulls = rows.filter((r) => r.value === null);
  return {
    flow_id: safe.flow_id,
    table: fenceTable(safe),
    // Backticks cannot occur inside a neutralised name, so each name stays one code span.
    feature_names: rows.map((r) => `\`${r.name}\``).join(', '),
    null_features:
      nulls.length === 0 ? 'none' : nulls.map((r) => `${r.name} (null = not applicable: ${r.description})`).join('; '),
    notes_count: String(table.notes.length),
    output_schema: template.mode === 'structured' ? JSON.stringify(STRUCTURED_JSON_SCHEMA) : '',
  };
}
