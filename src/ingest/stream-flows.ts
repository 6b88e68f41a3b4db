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

/** Turns each row into a flow: map, edge-check, quarantine, notes, reorder; collects what may leave now. */
function createRowHandler(compiled: CompiledFormat, state: StreamState, buffer: ReorderBuffer | null, order: OrderCheck | null): { visit: RowVisitor; take(): Flow[]; releaseBudget(): number } {
  const { summary, quarantine } = state;
  const { map, hasTime } = compiled;
  const payload = compiled.payloadBytes === true;
  const at: RowAt = { file: state.file, line: 0 };
  let rowNumber = 0;
  let rowsAtTake = 0;
  let checked = 0;
  let out: Flow[] = [];
  const reject = (error: BadRowError): void => {
    summary.read++;
    summary.quarantined++;
    quarantine.add(error);
    if (summary.read >= EARLY_BAD_RATIO_ROWS) checkBadRatio(state, at.line);
  };
  const toFlow = (row: unknown[]): Flow | null => {
    try {
      const flow = map(row, at, rowNumber);
      if (flow === null) return null;
      if (checked < ZOD_CHECKED_ROWS) {
        checked++;
        checkWithSchema(flow, at);
      }
      if (hasTime && flow.start_ms === null) throw new BadRowError({ file: at.file, line: at.line, field: 'start_ms', value: null }, 'missing time');
      return flow;
    } catch (error) {
      if (!(error instanceof BadRowError)) throw error;
      reject(error);
      return null;
    }
  };
  const visit: RowVisitor = (row, line) => {
    at.line = line;
    rowNumber++;
    if (row instanceof BadRowError) return reject(row);
    const flow = toFlow(row);
    if (flow === null) return;
    // the share can only rise on a bad row, or cross the minimum with a good one
    if (++summary.read === EARLY_BAD_RATIO_ROWS) checkBadRatio(state, line);
    summary.accepted++;
    addFlowNotes(flow, payload);
    if (buffer === null) out.push(flow);
    else {
      const late = buffer.push(flow);
      order!.observe(flow, late);
      if (late) {
        summary.late++;
        out.push(flow);
      }
    }
  };
  /** Flows that left during the scan: all of them without a reorder buffer, else the late ones. */
  const take = (): Flow[] => {
    const taken = out;
    out = [];
    return taken;
  };
  /** How many buffered flows may leave after this batch (see RELEASE_STEP). */
  const releaseBudget = (): number => {
    const budget = Math.max(RELEASE_STEP, 2 * (rowNumber - rowsAtTake));
    rowsAtTake = rowNumber;
    return budget;
  };
  return { visit, take, releaseBudget };
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
  const { summary, quarantine, options } = state;
  const windowMs = options.reorderWindowMs ?? DEFAULT_REORDER_WINDOW_MS;
  const hold = options.reorderHoldFlows ?? DEFAULT_REORDER_HOLD_FLOWS;
  const buffer = compiled.hasTime ? new ReorderBuffer(windowMs, DEFAULT_REORDER_MAX_FLOWS, hold) : null;
  const order = compiled.hasTime ? new OrderCheck(state.file, windowMs, DEFAULT_REORDER_MAX_FLOWS, options.onWarning) : null;
  const { visit, take, releaseBudget } = createRowHandler(compiled, state, buffer, order);
  try {
    for await (const batch of container.batches) {
      if ('scan' in batch) batch.scan(visit);
      else for (let i = 0; i < batch.rows.length; i++) visit(batch.rows[i]!, batch.lines[i]!);
      const out = take();
      if (buffer !== null) summary.outOfOrder = buffer.outOfOrder;
      await quarantine.flush();
      options.onProgress?.(summary.read);
      if (out.length > 0) yield countNotes(summary, out);
      yield* release(buffer, releaseBudget(), summary);
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
