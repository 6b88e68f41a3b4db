import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { FlowSource } from '../ingest/index.ts';

/**
 * Write every flow's id, input line, score, rank and label columns (passed through untouched) as
 * JSONL, in the order flows were scored. A separate pass over the input reads ids and labels again
 * (nothing per flow is held in memory but the scores); the scores come from the scoring pass by
 * position, so nothing is scored twice.
 */
export async function writeScoresFile(
  file: string,
  source: FlowSource,
  scores: Float64Array,
  rank: (score: number) => number,
  onProgress?: (flows: number) => void,
): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let n = 0;
  try {
    for await (const batch of source.batches()) {
      const lines = batch.map((flow) => {
        const score = scores[n++] ?? Number.NaN;
        return JSON.stringify({ flow_id: flow.id, line: flow.line, score, rank: rank(score), ...flow.labels });
      });
      if (lines.length > 0 && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      onProgress?.(n);
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return n;
}
