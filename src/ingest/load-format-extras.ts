import type { CompileContext } from './formats/format-spec.ts';
import type { FormatName, ReadFlowsOptions } from './types.ts';

/** Side inputs some formats need before compiling: the --mapping file, a sibling ground_truth.json. */
export async function loadFormatExtras(format: FormatName, path: string, options: ReadFlowsOptions): Promise<Partial<CompileContext>> {
  void format;
  void path;
  void options;
  return {};
}
