import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { extractFeatures } from '../features/index.ts';
import type { FlowSource } from '../ingest/index.ts';
import type { FlowScorer } from './flow-scorer.ts';

/**
 * Write every flow's id, input line, score, rank and label columns (passed through untouched) as
 * JSONL, in input order. A separate pass over the input so nothing per flow is held in memory.
 */
export async function writeScoresFile(
  file: string,
  source: FlowSource,
  windowMs: number,
  scorer: FlowScorer,
  rank: (score: number) => number,
  onProgress?: (flows: number) => void,
): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let n = 0;
  try {
    for await (const batch of extractFeatures(source, { windowMs })) {
      const lines = batch.map(({ flow, features }) => {
        const score = scorer.score(flow, features).score;
        return JSON.stringify({ flow_id: flow.id, line: flow.line, score, rank: rank(score), ...flow.labels });
      });
      n += batch.length;
      if (lines.length > 0 && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      onProgress?.(n);
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return n;
}
