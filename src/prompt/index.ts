/** prompt stage: FeatureTable → the messages a model sees (templates live in /prompts). */
export { loadTemplate, templateRef, DEFAULT_PROMPTS_DIR, type PromptTemplate, type LoadTemplateOptions } from './load-template.ts';
export { renderPrompt, type RenderOptions } from './render-prompt.ts';
export { renderTableBlock, neutraliseTable, fenceData, DATA_FENCE } from './table-block.ts';
export {
  StructuredExplanationSchema,
  STRUCTURED_JSON_SCHEMA,
  STRUCTURED_SCHEMA_NAME,
  type StructuredExplanation,
} from './structured-schema.ts';
export { TEMPLATE_VARIABLES, type TemplateVariable } from './template-schema.ts';
export type { RenderedPrompt, PromptMessage, PromptParams, OutputMode } from './types.ts';
