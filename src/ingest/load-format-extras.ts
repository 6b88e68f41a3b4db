import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import type { CompileContext } from './formats/format-spec.ts';
import { loadMapping } from './formats/mapped-csv.ts';
import type { FormatName, ReadFlowsOptions } from './types.ts';

const GroundTruth = z.object({
  ground_truth: z.array(z.object({ flow_id: z.union([z.string(), z.number()]) }).catchall(z.unknown())),
});

/** Labels by flow_id from `ground_truth.json` next to an NF-v3 batch `flows.json`; undefined when there is none. */
async function loadGroundTruth(path: string): Promise<Map<string, Record<string, string>> | undefined> {
  const file = join(dirname(path), 'ground_truth.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = GroundTruth.safeParse(JSON.parse(text));
  if (!parsed.success) throw new InputError({ file, field: 'ground_truth', expected: '{"ground_truth": [{"flow_id", …}]}' }, `Unreadable ground truth: ${parsed.error.issues[0]?.message ?? ''}`);
  const byId = new Map<string, Record<string, string>>();
  for (const { flow_id, ...rest } of parsed.data.ground_truth) {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(rest)) if (value !== null && value !== undefined) labels[key] = String(value);
    byId.set(String(flow_id), labels);
  }
  return byId;
}

/** Side inputs some formats need before compiling: the --mapping file, a sibling ground_truth.json. */
export async function loadFormatExtras(format: FormatName, path: string, options: ReadFlowsOptions): Promise<Partial<CompileContext>> {
  if (format === 'mapped-csv') {
    if (options.mappingFile === undefined) throw new InputError({ file: path }, 'Format mapped-csv needs a --mapping file');
    return { mapping: await loadMapping(options.mappingFile) };
  }
  if (format === 'nf-batch-json') {
    const labelsById = await loadGroundTruth(path);
    return labelsById === undefined ? {} : { labelsById };
  }
  return {};
}
