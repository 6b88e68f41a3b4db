import { resolve } from 'node:path';
import { BadRatioError, BadRowError, InputError } from '../errors.ts';
import type { RowAt } from './coerce.ts';
import type { Container, RowVisitor } from './containers/container.ts';
import { readTextChunks } from './containers/text-chunks.ts';
import { detectFormat } from './detect-format.ts';
import { FlowSchema, type Flow } from './flow-schema.ts';
import type { CompiledFormat, CompileContext } from './formats/format-spec.ts';
import { FORMATS } from './formats/registry.ts';
import { loadFormatExtras } from './load-format-extras.ts';
import { openContainer } from './open-container.ts';
import { addFlowNotes } from './quality-notes.ts';
import { defaultQuarantinePath, QuarantineWriter } from './quarantine.ts';
import { DEFAULT_REORDER_WINDOW_MS, ReorderBuffer } from './reorder-buffer.ts';
import { FORMAT_NAMES, type FlowSource, type FormatName, type IngestSummary, type ReadFlowsOptions } from './types.ts';

/** Flows checked with the full zod schema per file: the edge check of the typed coercers that do the rest. */
const ZOD_CHECKED_ROWS = 100;
const SAMPLE_CHARS = 64 * 1024;

/** Read enough text to recognise the format, then hand back an iterator that replays it. */
async function peek(path: string): Promise<{ sample: string; chunks: AsyncIterable<string> }> {
  const it = readTextChunks(path)[Symbol.asyncIterator]();
  const seen: string[] = [];
  let size = 0;
  let done = false;
  while (size < SAMPLE_CHARS && !done) {
    const r = await it.next();
    if (r.done) done = true;
    else {
      seen.push(r.value);
      size += r.value.length;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { sample: seen.join('').slice(0, SAMPLE_CHARS), chunks: replay() };
}

function unknownFormat(file: string, sample: string): InputError {
  const first = sample.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/, 1)[0] ?? '';
  return new InputError(
    { file, line: 1, field: '(header)', value: first.slice(0, 200), expected: 'a known flow format' },
    `Cannot tell the format from the first line \`${first.slice(0, 200)}\`; pass --format (${FORMAT_NAMES.join(', ')}) or --mapping`,
  );
}

/**
 * Open a flow file: detect (or take) its format, read its header, and return a FlowSource whose batches()
 * streams canonical flows in (start time, input order) within the reorder window. Bad rows go to the
 * quarantine file; the summary reconciles read = accepted + quarantined.
 *
 * @example
 * const source = await openFlows('flows.csv.gz', { reorderWindowMs: 60_000 });
 * for await (const batch of source.batches()) for (const flow of batch) use(flow);
 * console.error(source.summary());
 */
export async function openFlows(path: string, options: ReadFlowsOptions = {}): Promise<FlowSource> {
  const file = path;
  const { sample, chunks } = await peek(path);
  const format: FormatName | null = options.format ?? detectFormat(sample, options.mappingFile !== undefined);
  if (format === null) throw unknownFormat(file, sample);
  const spec = FORMATS[format];
  const summary: IngestSummary = { file, format, read: 0, accepted: 0, quarantined: 0, late: 0, notes: {} };
  const skipped: Record<string, number> = {};
  const ctx: CompileContext = {
    file,
    skip: (kind) => {
      skipped[kind] = (skipped[kind] ?? 0) + 1;
    },
    ...(await loadFormatExtras(format, path, options)),
  };
  let container: Container = { header: [], batches: [] };
  let compiled: CompiledFormat | null = null;
  if (spec !== undefined) {
    container = await openContainer(chunks, spec, file, (ctx.mapping as { delimiter?: string } | undefined)?.delimiter);
    if (container.sample !== undefined) ctx.sample = container.sample;
    if (container.header.length > 0) compiled = await spec.compile(container.header, ctx);
  }
  const quarantine = new QuarantineWriter(options.quarantineFile ?? defaultQuarantinePath(path));
  let used = false;
  return {
    file,
    format,
    header: container.header,
    hasTime: compiled?.hasTime ?? false,
    hasFlags: compiled?.hasFlags ?? false,
    batches() {
      if (used) throw new InputError({ file }, 'FlowSource.batches() can be iterated only once');
      used = true;
      return streamFlows(container, compiled, { file, options, summary, quarantine });
    },
    summary: () => ({
      ...summary,
      notes: { ...summary.notes },
      ...(Object.keys(skipped).length > 0 ? { skipped: { ...skipped } } : {}),
      ...(quarantine.count > 0 ? { quarantineFile: resolve(quarantine.path) } : {}),
    }),
  };
}

interface StreamState {
  file: string;
  options: ReadFlowsOptions;
  summary: IngestSummary;
  quarantine: QuarantineWriter;
}

/** Turns each row into a flow: map, edge-check, quarantine, notes, reorder; collects what may leave now. */
function createRowHandler(compiled: CompiledFormat, state: StreamState, buffer: ReorderBuffer | null): { visit: RowVisitor; take(): Flow[] } {
  const { summary, quarantine } = state;
  const { map, hasTime } = compiled;
  const payload = compiled.payloadBytes === true;
  const at: RowAt = { file: state.file, line: 0 };
  let rowNumber = 0;
  let checked = 0;
  let out: Flow[] = [];
  const reject = (error: BadRowError): void => {
    summary.read++;
    summary.quarantined++;
    quarantine.add(error);
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
    summary.read++;
    summary.accepted++;
    addFlowNotes(flow, payload);
    if (buffer === null) out.push(flow);
    else if (buffer.push(flow)) {
      summary.late++;
      out.push(flow);
    }
  };
  const take = (): Flow[] => {
    buffer?.drain(out);
    const taken = out;
    out = [];
    return taken;
  };
  return { visit, take };
}

async function* streamFlows(container: Container, compiled: CompiledFormat | null, state: StreamState): AsyncGenerator<Flow[]> {
  if (compiled === null) return;
  const { summary, quarantine, options } = state;
  const buffer = compiled.hasTime ? new ReorderBuffer(options.reorderWindowMs ?? DEFAULT_REORDER_WINDOW_MS) : null;
  const { visit, take } = createRowHandler(compiled, state, buffer);
  for await (const batch of container.batches) {
    if ('scan' in batch) batch.scan(visit);
    else for (let i = 0; i < batch.rows.length; i++) visit(batch.rows[i]!, batch.lines[i]!);
    const out = take();
    await quarantine.flush();
    options.onProgress?.(summary.read);
    if (out.length > 0) yield countNotes(summary, out);
  }
  checkBadRatio(state);
  const rest: Flow[] = [];
  buffer?.flush(rest);
  if (rest.length > 0) yield countNotes(summary, rest);
}

/** Notes are counted as flows leave, so a late-flow note added by the buffer is counted too. */
function countNotes(summary: IngestSummary, flows: Flow[]): Flow[] {
  for (const flow of flows) {
    for (const note of flow.notes) summary.notes[note.code] = (summary.notes[note.code] ?? 0) + 1;
  }
  return flows;
}

function checkBadRatio({ file, options, summary }: StreamState): void {
  const max = options.maxBadRatio;
  if (max !== undefined && summary.read > 0 && summary.quarantined / summary.read > max) {
    throw new BadRatioError(file, summary.quarantined, summary.read, max);
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

/** Read a whole (small) input into memory: for tests, fixtures and small files. */
export async function readAllFlows(
  path: string,
  options: ReadFlowsOptions = {},
): Promise<{ flows: Flow[]; summary: IngestSummary; source: FlowSource }> {
  const source = await openFlows(path, options);
  const flows: Flow[] = [];
  for await (const batch of source.batches()) for (const flow of batch) flows.push(flow);
  return { flows, summary: source.summary(), source };
}
