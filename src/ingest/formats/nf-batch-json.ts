import type { FormatSpec } from './format-spec.ts';
import { compileNprobe } from './nprobe-csv.ts';

/**
 * The NF-v3 batch `flows.json`: a JSON array of objects with nProbe names and a `flow_id`. When a sibling
 * `ground_truth.json` exists, its label / label_name / attack_type are joined by flow_id into `labels`.
 */
export const nfBatchJson: FormatSpec = {
  name: 'nf-batch-json',
  container: 'json-array',
  compile: (header, ctx) => compileNprobe(header, ctx, 'nf-batch-json'),
};
