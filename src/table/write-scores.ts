import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Flow } from '../ingest/index.ts';

/** Keys of a scores line before the labels: a label of the same name takes their place, as in an object spread. */
const OWN_KEY = /"(?:flow_id|line|score|rank)":/;

/** Writes the `--scores` file: every flow's id, input line, score, rank and label columns. */
export interface ScoresWriter {
  /** Note the flows of one scored batch, in scoring order. */
  add(flows: readonly { flow: Flow }[]): Promise<void>;
  /** Write the file from the flows noted and their scores (by position); returns the lines written. */
  finish(scores: Float64Array, rank: (score: number) => number, onProgress?: (flows: number) => void): Promise<number>;
  /** Remove the spill file after a failure. */
  discard(): void;
}

/**
 * The rank needs every score, so the lines can be written only after the scoring pass. Instead of
 * reading the input a third time (issue 14), the pass spills each flow's id, line and labels as JSON
 * text to a file beside the output (memory stays bounded at 10 M flows), and finish() adds score and
 * rank to each. Labels pass through untouched: the line is what `JSON.stringify({flow_id, line,
 * score, rank, ...labels})` writes.
 */
export function createScoresWriter(file: string): ScoresWriter {
  const spillFile = `${file}.${process.pid}.partial`;
  const spill = createWriteStream(spillFile, { encoding: 'utf8' });
  const discard = (): void => rmSync(spillFile, { force: true });
  return {
    async add(flows) {
      let text = '';
      for (const { flow } of flows) text += `${JSON.stringify(flow.id)}\t${flow.line}\t${JSON.stringify(flow.labels)}\n`;
      if (text !== '' && !spill.write(text)) await once(spill, 'drain');
    },
    async finish(scores, rank, onProgress) {
      spill.end();
      await once(spill, 'finish');
      const out = createWriteStream(file, { encoding: 'utf8' });
      let n = 0;
      let text = '';
      try {
        for await (const spilled of createInterface({ input: createReadStream(spillFile, 'utf8'), crlfDelay: Infinity })) {
          const score = scores[n++] ?? Number.NaN;
          text += `${scoresLine(spilled, score, rank(score))}\n`;
          if (text.length > 48 * 1024) {
            if (!out.write(text)) await once(out, 'drain');
            text = '';
            onProgress?.(n);
          }
        }
        if (text !== '') out.write(text);
      } finally {
        out.end();
        await once(out, 'finish');
        discard();
      }
      onProgress?.(n);
      return n;
    },
    discard,
  };
}

function scoresLine(spilled: string, score: number, rank: number): string {
  const tab1 = spilled.indexOf('\t');
  const tab2 = spilled.indexOf('\t', tab1 + 1);
  const id = spilled.slice(0, tab1);
  const line = spilled.slice(tab1 + 1, tab2);
  const labels = spilled.slice(tab2 + 1);
  const head = `{"flow_id":${id},"line":${line},"score":${JSON.stringify(score)},"rank":${rank}`;
  if (labels === '{}') return `${head}}`;
  // Rare: the text looks like such a label (or a value holding that text); build the object to be exact.
  if (OWN_KEY.test(labels)) return JSON.stringify({ flow_id: JSON.parse(id) as string, line: Number(line), score, rank, ...(JSON.parse(labels) as object) });
  return `${head},${labels.slice(1)}`;
}
