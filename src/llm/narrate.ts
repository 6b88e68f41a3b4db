import { OFFLINE_MODEL } from '../config/index.ts';
import { loadTemplate, renderPrompt, templateRef, type PromptTemplate } from '../prompt/index.ts';
import type { FeatureTable } from '../table/index.ts';
import { createProvider, type ProviderConfig } from './create-provider.ts';
import type { ModelParams, Narrative, Provider } from './provider.ts';

export interface NarrateOptions {
  /** The provider to use. @default createProvider(config), i.e. offline without a config */
  provider?: Provider;
  /** Provider settings plus model, template and mode (a `ResolvedConfig` fits). */
  config?: ProviderConfig & { model?: string; params?: ModelParams; template?: string; mode?: 'narrative' | 'structured' | undefined; promptsDir?: string | undefined };
  /** A loaded template or a reference; wins over `config.template`. @default 'explain-flow@v1' */
  template?: string | PromptTemplate;
  /** Model name; wins over `config.model`. */
  model?: string;
  /** Repeat index when sampling the same request several times. @default 0 */
  sample?: number;
  signal?: AbortSignal;
}

/**
 * Explain one FeatureTable: load the template, render it, ask the provider. The library verb of
 * the prompt + llm stages; `flowlens explain` and the batch runner do the same per table.
 *
 * @example
 * const { text } = await narrate(table); // offline narrator, explain-flow@v1
 */
export async function narrate(table: FeatureTable, options: NarrateOptions = {}): Promise<Narrative> {
  const config = options.config ?? { provider: 'offline' as const };
  const provider = options.provider ?? createProvider(config);
  const template =
    typeof options.template === 'object'
      ? options.template
      : await loadTemplate(templateRef(options.template ?? config.template ?? 'explain-flow@v1', config.mode), config.promptsDir ? { promptsDir: config.promptsDir } : {});
  const model = options.model ?? config.model ?? (provider.id === 'offline' ? OFFLINE_MODEL : template.model);
  const request = renderPrompt(template, table, { ...(model ? { model } : {}), ...(config.params ? { params: config.params } : {}), sample: options.sample ?? 0 });
  return provider.narrate(request, options.signal ? { signal: options.signal } : {});
}
