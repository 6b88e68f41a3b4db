import { writeFileSync } from 'node:fs';
import type { FeatureTable } from './deps.ts';
import type { EvalResult } from './types.ts';
import { evalToHtml } from './write-html.ts';
import { evalToMarkdown } from './write-markdown.ts';

/** Write summary.md, result.json and report.html where `result.files` says. */
export function writeEvalOutputs(result: EvalResult, tables: readonly FeatureTable[]): void {
  writeFileSync(result.files.markdown, `${evalToMarkdown(result)}\n`);
  writeFileSync(result.files.json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(result.files.html, evalToHtml(result, tables));
}
