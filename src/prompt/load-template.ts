import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TemplateError } from '../errors.ts';
import type { OutputMode, PromptParams } from './types.ts';
import { compileMessage, type CompiledMessage } from './compile-template.ts';
import { TemplateFileSchema } from './template-schema.ts';

/** The repository's own templates (prompts/ at the package root). */
export const DEFAULT_PROMPTS_DIR = resolve(import.meta.dirname, '../../prompts');

/** A loaded, compiled template for one output mode. */
export interface PromptTemplate {
  id: string;
  version: string;
  description: string;
  mode: OutputMode;
  /** Absolute path of the YAML file (named in every TemplateError). */
  file: string;
  model: string | undefined;
  params: PromptParams;
  system: CompiledMessage;
  user: CompiledMessage;
}

export interface LoadTemplateOptions {
  /** Where `id@version` references are looked up. @default the package's prompts/ */
  promptsDir?: string;
  /** Relative template file paths resolve against this. @default process.cwd() */
  cwd?: string;
}

/**
 * Load a template by reference: `explain-flow@v1` (its default mode), `explain-flow@v1:structured`,
 * or a YAML file path, optionally followed by `:narrative` / `:structured`.
 * A missing file, an invalid file or an unknown variable is a TemplateError naming the file.
 *
 * @example
 * const template = await loadTemplate('explain-flow@v1:structured');
 */
export async function loadTemplate(ref: string, options: LoadTemplateOptions = {}): Promise<PromptTemplate> {
  const { file, mode } = locate(ref, options);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new TemplateError(file, `cannot read template (${(error as NodeJS.ErrnoException).code ?? 'error'}) for reference \`${ref}\``, undefined, { cause: error });
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new TemplateError(file, `invalid YAML: ${(error as Error).message}`, undefined, { cause: error });
  }
  const parsed = TemplateFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || '(root)';
    throw new TemplateError(file, `invalid template: \`${key}\`: ${issue.message}`, undefined, { cause: parsed.error });
  }
  const spec = parsed.data;
  if (basename(file).startsWith('v') && !basename(file).startsWith(`${spec.version}.`)) {
    throw new TemplateError(file, `version \`${spec.version}\` does not match the file name`);
  }
  const chosen = mode ?? spec.default_mode;
  const messages = spec.modes[chosen];
  if (!messages) throw new TemplateError(file, `has no \`${chosen}\` mode`);
  return {
    id: spec.id,
    version: spec.version,
    description: spec.description.trim(),
    mode: chosen,
    file,
    model: spec.model,
    params: spec.params,
    system: compileMessage(messages.system, file, spec.partials),
    user: compileMessage(messages.user, file, spec.partials),
  };
}

/**
 * A template reference with an output mode applied: `templateRef('explain-flow@v1', 'structured')`
 * is `explain-flow@v1:structured`; a reference that already names a mode keeps it.
 */
export function templateRef(ref: string, mode?: OutputMode): string {
  return mode === undefined || /:(narrative|structured)$/.test(ref) ? ref : `${ref}:${mode}`;
}

function locate(ref: string, options: LoadTemplateOptions): { file: string; mode: OutputMode | undefined } {
  // `ref:mode` applied twice (a mode already in the ref plus a --mode flag): the last one wins.
  const modeMatch = /^(.*?)(?::(?:narrative|structured))*:(narrative|structured)$/.exec(ref);
  const base = modeMatch ? modeMatch[1]! : ref;
  const mode = modeMatch ? (modeMatch[2] as OutputMode) : undefined;
  const idMatch = /^([a-z0-9][a-z0-9-]*)@(v\d+)$/.exec(base);
  if (idMatch) {
    const dir = options.promptsDir ?? DEFAULT_PROMPTS_DIR;
    return { file: resolve(dir, idMatch[1]!, `${idMatch[2]!}.yaml`), mode };
  }
  if (/\.ya?ml$/.test(base)) {
    return { file: isAbsolute(base) ? base : resolve(options.cwd ?? process.cwd(), base), mode };
  }
  throw new TemplateError(ref, 'expected a template reference `id@vN[:mode]` or a .yaml file path');
}
