import type { FeatureTable } from '../table/index.ts';
import type { PromptTemplate } from './load-template.ts';
import { STRUCTURED_JSON_SCHEMA } from './structured-schema.ts';
import { fenceTable, neutraliseTable, NULL_ROWS_LABEL, ROW_NAMES_LABEL } from './table-block.ts';
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

/**
 * Nothing that came from the input is rendered outside the data block: the flow id is quoted
 * unless it is a plain identifier (a template should keep it inside a block too), and the null rows and row names are
 * lines at the end of the block that `null_features` and `feature_names` point at by name.
 */
function templateVariables(template: PromptTemplate, table: FeatureTable): Record<TemplateVariable, string> {
  const safe = neutraliseTable(table);
  const hasNulls = [...safe.features, ...safe.fields].some((r) => r.value === null);
  return {
    flow_id: safe.flow_id,
    table: fenceTable(safe),
    feature_names: `the names on the "${ROW_NAMES_LABEL}" line at the end of the data block`,
    null_features: hasNulls ? `the rows on the "${NULL_ROWS_LABEL}" line at the end of the data block` : 'none',
    notes_count: String(table.notes.length),
    output_schema: template.mode === 'structured' ? JSON.stringify(STRUCTURED_JSON_SCHEMA) : '',
  };
}
