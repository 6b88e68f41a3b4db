import { once } from 'node:events';
import { generateSynthFlows, type SynthOptions } from './generate-synth-flows.ts';
import { formatSynthRow, SYNTH_HEADER } from './synth-flow.ts';

const CHUNK_ROWS = 2000;

/**
 * The synthetic flows as CSV text, in chunks of a couple of thousand lines (header first).
 *
 * @example
 * const text = [...synthCsvChunks({ flows: 100 })].join('');
 */
export function* synthCsvChunks(options: SynthOptions = {}): Generator<string> {
  let chunk = `${SYNTH_HEADER.join(',')}\n`;
  let rows = 0;
  for (const { id, flow } of generateSynthFlows(options)) {
    chunk += formatSynthRow(id, flow);
    if (++rows === CHUNK_ROWS) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/** Write the synthetic CSV to a stream, honouring backpressure (bounded memory at any size). */
export async function writeSynthCsv(out: NodeJS.WritableStream, options: SynthOptions = {}, onProgress?: (rows: number) => void): Promise<void> {
  let rows = 0;
  for (const chunk of synthCsvChunks(options)) {
    if (!out.write(chunk)) await once(out, 'drain');
    rows += CHUNK_ROWS;
    onProgress?.(Math.min(rows, options.flows ?? Number.POSITIVE_INFINITY));
  }
}
