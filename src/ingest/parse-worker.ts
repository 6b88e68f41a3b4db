/**
 * The parse thread's entry (issue 14, seventh round; started by parse-thread.ts): reads the input,
 * splits it into rows, maps, checks and notes each row as the calling thread would, and sends each
 * batch's flows packed (packed-flows.ts), a few batches ahead of the calling thread at most.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BadRowError } from '../errors.ts';
import type { RowVisitor } from './containers/container.ts';
import { readTextChunks } from './containers/text-chunks.ts';
import type { CompileContext } from './formats/format-spec.ts';
import { FORMATS } from './formats/registry.ts';
import { loadFormatExtras } from './load-format-extras.ts';
import { openContainer } from './open-container.ts';
import { FlowPacker, type PackedBlock } from './packed-flows.ts';
import { PARSE_AHEAD_MESSAGES, PARSE_BLOCKS_PER_MESSAGE, serializeError, type ParseJob, type ParseMessage } from './parse-protocol.ts';
import { createFlowMaker } from './stream-flows.ts';

const port = parentPort!;
const send = (message: ParseMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function run(job: ParseJob): Promise<void> {
  let credit = PARSE_AHEAD_MESSAGES;
  let wake: (() => void) | undefined;
  port.on('message', (n: number) => {
    credit += n;
    wake?.();
  });
  const skipped: Record<string, number> = {};
  const spec = FORMATS[job.format]!;
  const ctx: CompileContext = {
    file: job.file,
    skip: (kind) => {
      skipped[kind] = (skipped[kind] ?? 0) + 1;
    },
    ...(await loadFormatExtras(job.format, job.file, job.mappingFile !== undefined ? { mappingFile: job.mappingFile } : {})),
  };
  // a plain text file (the calling thread keeps gzip inputs: see openFlows)
  const chunks = readTextChunks(job.file);
  const container = await openContainer(chunks, spec, job.file, (ctx.mapping as { delimiter?: string } | undefined)?.delimiter);
  if (container.sample !== undefined) ctx.sample = container.sample;
  const make = createFlowMaker(await spec.compile(container.header, ctx), job.file);
  const packer = new FlowPacker();
  const visit: RowVisitor = (row, line) => {
    const made = make(row, line);
    if (made === null) packer.addSkipped();
    else if (made instanceof BadRowError) packer.addBad(made);
    else packer.add(made);
  };
  let blocks: PackedBlock[] = [];
  const flush = async (): Promise<void> => {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    send({ kind: 'blocks', blocks, skipped: { ...skipped } }, blocks.map((b) => b.numbers.buffer as ArrayBuffer));
    blocks = [];
  };
  send({ kind: 'ready' });
  for await (const batch of container.batches) {
    if ('scan' in batch) batch.scan(visit);
    else for (let i = 0; i < batch.rows.length; i++) visit(batch.rows[i]!, batch.lines[i]!);
    blocks.push(packer.take());
    if (blocks.length === PARSE_BLOCKS_PER_MESSAGE) await flush();
  }
  if (blocks.length > 0) await flush();
  // the calling thread ends this thread once it has read this
  send({ kind: 'end' });
}

run(workerData as ParseJob).catch((error: unknown) => {
  send({ kind: 'error', error: serializeError(error) });
});
