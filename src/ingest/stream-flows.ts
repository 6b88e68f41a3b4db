import { BadRatioError, BadRowError } from '../errors.ts';
import type { RowAt } from './coerce.ts';
import type { Container, RowVisitor } from './containers/container.ts';
import { FlowSchema, type Flow } from './flow-schema.ts';
import type { CompiledFormat } from './formats/format-spec.ts';
import { addFlowNotes } from './quality-notes.ts';
import type { QuarantineWriter } from './quarantine.ts';
import { OrderCheck } from './order-check.ts';
import { DEFAULT_REORDER_HOLD_FLOWS, DEFAULT_REORDER_MAX_FLOWS, DEFAULT_REORDER_WINDOW_MS, ReorderBuffer } from './reorder-buffer.ts';
import type { IngestSummary, ReadFlowsOptions } from './types.ts';
import type { Truncation } from './containers/text-chunks.ts';
import { AT_LINE, LabelTable, PACKED_STRIDE, packedSrcAddr, unpackBadRow, unpackFlow, type BlockCursor, type PackedBlock } from './packed-flows.ts';

/** Flows checked with the full zod schema per file: the edge check of the typed coercers that do the rest. */
const ZOD_CHECKED_ROWS = 100;
/**
 * Rows read before --max-bad-ratio may stop a run early (from then on it is checked after every row, at
 * the end of the input in any case). Fewer would let a few bad lines at the top fail a file that is fine.
 */
export const EARLY_BAD_RATIO_ROWS = 1000;
/**
 * Flows the reorder buffer hands out per input batch (at least twice the batch's rows, so it keeps pace). Why a
 * limit: rebuilt flows must die young. A burst of tens of thousands at once (after the hold, after a gap in the
 * capture, at the end) outlives a scavenge, and V8 then allocates every later flow straight in the old
 * generation (allocation-site pretenuring): measured +45 MB peak RSS and −15 % speed for the rest of the run.
 */
const RELEASE_STEP = 2048;
/**
 * Rebuilt flows per yielded batch: each batch is made just before its consumer takes it. A batch made long
 * before it is used is still alive at the next scavenge, and when that is most of what its allocation site
 * made since the last one, V8 pretenures the site.
 */
const YIELD_STEP = 256;

export interface StreamState {
  file: string;
  options: ReadFlowsOptions;
  summary: IngestSummary;
  quarantine: QuarantineWriter;
  /** Set once a gzip input was found cut short or corrupt (see readTextChunks). */
  truncation?: () => Truncation | undefined;
}

/** Row → flow, checked, or the row's error, or null (a record that is no flow): no state but the row count, so the parse thread runs it too. */
export type FlowMaker = (row: unknown[] | BadRowError, line: number) => Flow | BadRowError | null;

/** Map, edge-check (the schema on the first rows, the start time) and quality notes of each row, in input order. */
export function createFlowMaker(compiled: CompiledFormat, file: string): FlowMaker {
  const { map, hasTime } = compiled;
  const payload = compiled.payloadBytes === true;
  const at: RowAt = { file, line: 0 };
  let rowNumber = 0;
  let checked = 0;
  return (row, line) => {
    at.line = line;
    rowNumber++;
    if (row instanceof BadRowError) return row;
    try {
      const flow = map(row, at, rowNumber);
      if (flow === null) return null;
      if (checked < ZOD_CHECKED_ROWS) {
        checked++;
        checkWithSchema(flow, at);
      }
      if (hasTime && flow.start_ms === null) throw new BadRowError({ file: at.file, line: at.line, field: 'start_ms', value: null }, 'missing time');
      addFlowNotes(flow, payload);
      return flow;
    } catch (error) {
      if (!(error instanceof BadRowError)) throw error;
      return error;
    }
  };
}

interface RowHandler {
  /** A row read here: made into a flow and taken in. */
  visit: RowVisitor;
  /** Flow `i` of a block from the parse thread, taken in the way visit takes the flow it was packed from. */
  acceptPacked(block: PackedBlock, i: number, cursor: BlockCursor, labels: LabelTable): void;
  reject(error: BadRowError): void;
  /** Rows the parse thread read in a block (flows, bad rows and records that are no flow). */
  addRows(n: number): void;
  /** Flows that left during the batch: all of them without a reorder buffer, else the late ones. */
  take(): Flow[];
  /** How many buffered flows may leave after this batch (see RELEASE_STEP). */
  releaseBudget(): number;
}

/** Takes each flow in: counts, bad-ratio check, quarantine, reorder; collects what may leave now. */
function createRowHandler(compiled: CompiledFormat, state: StreamState, buffer: ReorderBuffer | null, order: OrderCheck | null): RowHandler {
  const { summary, quarantine } = state;
  const make = createFlowMaker(compiled, state.file);
  let rows = 0;
  let rowsAtTake = 0;
  let out: Flow[] = [];
  const reject = (error: BadRowError): void => {
    summary.read++;
    summary.quarantined++;
    quarantine.add(error);
    if (summary.read >= EARLY_BAD_RATIO_ROWS) checkBadRatio(state, error.line);
  };
  /** Counts a flow read; the share can only rise on a bad row, or cross the minimum with a good one. */
  const count = (line: number): void => {
    if (++summary.read === EARLY_BAD_RATIO_ROWS) checkBadRatio(state, line);
    summary.accepted++;
  };
  const late = (flow: Flow): void => {
    summary.late++;
    out.push(flow);
  };
  return {
    visit(row, line) {
      rows++;
      const made = make(row, line);
      if (made === null) return;
      if (made instanceof BadRowError) return reject(made);
      count(line);
      if (buffer === null) out.push(made);
      else {
        const isLate = buffer.push(made);
        order!.observe(made.src_addr, isLate);
        if (isLate) late(made);
      }
    },
    acceptPacked(block, i, cursor, labels) {
      count(block.numbers[i * PACKED_STRIDE + AT_LINE]!);
      if (buffer === null) {
        out.push(unpackFlow(block, i, cursor, labels));
        return;
      }
      const src = order!.sampling ? packedSrcAddr(block, i, cursor) : '';
      const flow = buffer.pushPacked(block, i, cursor, labels);
      order!.observe(src, flow !== null);
      if (flow !== null) late(flow);
    },
    reject,
    addRows(n) {
      rows += n;
    },
    take() {
      const taken = out;
      out = [];
      return taken;
    },
    releaseBudget() {
      const budget = Math.max(RELEASE_STEP, 2 * (rows - rowsAtTake));
      rowsAtTake = rows;
      return budget;
    },
  };
}

/** Buffered flows that may leave now, rebuilt YIELD_STEP at a time as the consumer asks for them. */
function* release(buffer: ReorderBuffer | null, budget: number, summary: IngestSummary): Generator<Flow[]> {
  if (buffer === null) return;
  for (let left = budget; left > 0; ) {
    const out: Flow[] = [];
    buffer.drain(out, Math.min(YIELD_STEP, left));
    if (out.length === 0) return;
    left -= out.length;
    yield countNotes(summary, out);
  }
}

/** The rows of a container as batches of flows in (start time, input order), with the summary kept up to date. */
export async function* streamFlows(container: Container, compiled: CompiledFormat | null, state: StreamState): AsyncGenerator<Flow[]> {
  if (compiled === null) return;
  yield* drive(container.batches, compiled, state, (batch, handler) => {
    if ('scan' in batch) batch.scan(handler.visit);
    else for (let i = 0; i < batch.rows.length; i++) handler.visit(batch.rows[i]!, batch.lines[i]!);
  });
}

/**
 * The same for blocks the parse thread made of a container's batches (one block a batch): its flows are
 * mapped, checked and noted there, and taken in here in input order, bad rows in their places.
 */
export async function* streamPackedFlows(blocks: AsyncIterable<PackedBlock>, compiled: CompiledFormat, state: StreamState): AsyncGenerator<Flow[]> {
  const labels = new LabelTable();
  yield* drive(blocks, compiled, state, (block, handler) => {
    labels.addFrom(block);
    handler.addRows(block.rows);
    const cursor: BlockCursor = { text: 0, object: 0 };
    let b = 0;
    for (let i = 0; i < block.count; i++) {
      for (; b < block.bad.length && block.bad[b]!.before === i; b++) handler.reject(unpackBadRow(block.bad[b]!.row));
      handler.acceptPacked(block, i, cursor, labels);
    }
    for (; b < block.bad.length; b++) handler.reject(unpackBadRow(block.bad[b]!.row));
  });
}

/** Each batch fed to the row handler, then what may leave yielded; at the end, the checks and the rest of the buffer. */
async function* drive<B>(batches: AsyncIterable<B> | Iterable<B>, compiled: CompiledFormat, state: StreamState, feed: (batch: B, handler: RowHandler) => void): AsyncGenerator<Flow[]> {
  const { summary, quarantine, options } = state;
  const windowMs = options.reorderWindowMs ?? DEFAULT_REORDER_WINDOW_MS;
  const hold = options.reorderHoldFlows ?? DEFAULT_REORDER_HOLD_FLOWS;
  const buffer = compiled.hasTime ? new ReorderBuffer(windowMs, DEFAULT_REORDER_MAX_FLOWS, hold) : null;
  const order = compiled.hasTime ? new OrderCheck(state.file, windowMs, DEFAULT_REORDER_MAX_FLOWS, options.onWarning) : null;
  const handler = createRowHandler(compiled, state, buffer, order);
  try {
    for await (const batch of batches) {
      feed(batch, handler);
      const out = handler.take();
      if (buffer !== null) summary.outOfOrder = buffer.outOfOrder;
      await quarantine.flush();
      options.onProgress?.(summary.read);
      if (out.length > 0) yield countNotes(summary, out);
      yield* release(buffer, handler.releaseBudget(), summary);
    }
  } catch (error) {
    // the rows that made the run fail must be in the quarantine file the error points to
    await quarantine.flush();
    throw error;
  }
  await recordTruncation(state);
  checkBadRatio(state);
  if (buffer !== null) summary.outOfOrder = buffer.outOfOrder;
  const warning = order?.verdict();
  if (warning !== undefined) summary.orderWarning = warning;
  while (buffer !== null && buffer.size > 0) {
    const rest: Flow[] = [];
    buffer.flush(rest, YIELD_STEP);
    yield countNotes(summary, rest);
  }
}

/**
 * A cut gzip input: the rows decoded before the cut were read as usual; the line it stopped in is
 * quarantined (it is a row, just not a whole one), and the summary says where the data ends.
 */
async function recordTruncation(state: StreamState): Promise<void> {
  const cut = state.truncation?.();
  if (cut === undefined) return;
  const { summary, quarantine, file } = state;
  summary.truncated = { line: cut.line, reason: cut.reason };
  if (cut.partial.trim() === '') return;
  summary.read++;
  summary.quarantined++;
  const value = cut.partial.length > 200 ? `${cut.partial.slice(0, 197)}...` : cut.partial;
  quarantine.add(new BadRowError({ file, line: cut.line, field: '(row)', value }, `${cut.reason}: this line is cut short`));
  await quarantine.flush();
}

/** Notes are counted as flows leave, so a late-flow note added by the buffer is counted too. */
function countNotes(summary: IngestSummary, flows: Flow[]): Flow[] {
  for (const flow of flows) {
    for (const note of flow.notes) summary.notes[note.code] = (summary.notes[note.code] ?? 0) + 1;
  }
  return flows;
}

/** Throws BadRatioError when the quarantined share is above --max-bad-ratio; `line` marks an early stop. */
function checkBadRatio({ file, options, summary }: StreamState, line?: number): void {
  const max = options.maxBadRatio;
  if (max !== undefined && summary.read > 0 && summary.quarantined / summary.read > max) {
    throw new BadRatioError(file, summary.quarantined, summary.read, max, line);
  }
}

/** The edge check: the full schema on the first rows of each file; the typed coercers enforce the same rules after. */
function checkWithSchema(flow: Flow, at: RowAt): void {
  const result = FlowSchema.safeParse(flow);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || '(row)';
  const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], flow);
  throw new BadRowError({ file: at.file, line: at.line, field, value: value ?? null }, issue.message);
}
