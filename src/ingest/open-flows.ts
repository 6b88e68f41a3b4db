import { resolve } from 'node:path';
import { ConfigError, InputError } from '../errors.ts';
import type { Container } from './containers/container.ts';
import { isGzip, readTextChunks, type Truncation } from './containers/text-chunks.ts';
import { openParquet, isParquetFile } from './containers/parquet.ts';
import { detectCsvHeader, detectFormat, detectJsonRecord } from './detect-format.ts';
import type { Flow } from './flow-schema.ts';
import type { CompiledFormat, CompileContext } from './formats/format-spec.ts';
import { FORMATS } from './formats/registry.ts';
import { loadFormatExtras } from './load-format-extras.ts';
import { openContainer } from './open-container.ts';
import { defaultQuarantinePath, QuarantineWriter } from './quarantine.ts';
import { startParseThread } from './parse-thread.ts';
import { streamFlows, streamPackedFlows, type StreamState } from './stream-flows.ts';
import { FORMAT_NAMES, type FlowSource, type FormatName, type IngestSummary, type ReadFlowsOptions } from './types.ts';

const SAMPLE_CHARS = 64 * 1024;

/** Read enough text to recognise the format, then hand back an iterator that replays it. */
async function peek(path: string, onTruncated: (t: Truncation) => void): Promise<{ sample: string; chunks: AsyncIterable<string>; close(): Promise<void> }> {
  const it = readTextChunks(path, onTruncated)[Symbol.asyncIterator]();
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
  const close = async (): Promise<void> => {
    await it.return?.(undefined);
  };
  return { sample: seen.join('').slice(0, SAMPLE_CHARS), chunks: replay(), close };
}

function unknownFormat(file: string, sample: string): InputError {
  const first = sample.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/, 1)[0] ?? '';
  const formats = `pass --format (${FORMAT_NAMES.filter((f) => f !== 'empty').join(', ')}) or --mapping`;
  // Never echo control bytes or invalid text to a terminal: a binary file is named as such.
  if (!isPrintable(first)) {
    return new InputError({ file, line: 1, field: '(header)', expected: 'a known flow format' }, `Cannot read the input as flows: it is binary data, not text (nor gzip); ${formats}`);
  }
  const shown = first.length > 200 ? `${first.slice(0, 197)}...` : first;
  return new InputError(
    { file, line: 1, field: '(header)', value: shown, expected: 'a known flow format' },
    `Cannot tell the format from the first line \`${shown}\`; ${formats}`,
  );
}

/** Text a terminal shows as it is: no control characters (tab aside) and no U+FFFD from invalid UTF-8. */
function isPrintable(text: string): boolean {
  return !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/.test(text);
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
  // --mapping describes the columns itself; another --format beside it would silently win over it.
  if (options.mappingFile !== undefined && options.format !== undefined && options.format !== 'mapped-csv') {
    throw new ConfigError('format', 'flags', `Give --mapping or --format ${options.format}, not both (a mapping reads the file as mapped-csv)`);
  }
  if (await isParquetFile(path)) return openParquetFlows(path, options);
  let truncation: Truncation | undefined;
  const { sample, chunks, close } = await peek(path, (t) => (truncation = t));
  try {
    const format: FormatName | null = options.format ?? detectFormat(sample, options.mappingFile !== undefined);
    if (format === null) throw unknownFormat(file, sample);
    const spec = FORMATS[format];
    const { summary, skipped, ctx } = await startSummary(file, format, options);
    let container: Container = { header: [], batches: [] };
    let compiled: CompiledFormat | null = null;
    if (spec !== undefined) {
      container = await openContainer(chunks, spec, file, (ctx.mapping as { delimiter?: string } | undefined)?.delimiter);
      if (container.sample !== undefined) ctx.sample = container.sample;
      if (container.header.length > 0) compiled = await spec.compile(container.header, ctx);
    }
    const quarantine = new QuarantineWriter(options.quarantineFile ?? defaultQuarantinePath(path));
    const parts: SourceParts = { file, format, container, compiled, options, summary, skipped, quarantine, truncation: () => truncation };
    // Not for gzip: a gunzip stream's text comes in pieces that depend on timing, so the batches (and
    // with them where a late flow is emitted among the others) would differ between the threads.
    const threadable = options.parseThread === true && compiled !== null && !(await isGzip(path));
    const thread = threadable ? await startParseThread({ file, format, ...(options.mappingFile !== undefined ? { mappingFile: options.mappingFile } : {}) }, skipped) : undefined;
    if (thread === undefined) return createSource(parts);
    // the parse thread reads the input from its start; this thread's reading ends here
    await close();
    const threaded = compiled!;
    return createSource({ ...parts, stream: (state) => streamPackedFlows(thread.blocks(), threaded, state) });
  } catch (error) {
    // the input stream is open from peek(); a header or mapping error must not leak it
    await close();
    throw error;
  }
}

/** A read's empty summary, its skip counts, and the context its format compiles in (with --mapping's extras). */
async function startSummary(file: string, format: FormatName, options: ReadFlowsOptions): Promise<{ summary: IngestSummary; skipped: Record<string, number>; ctx: CompileContext }> {
  const summary: IngestSummary = { file, format, read: 0, accepted: 0, quarantined: 0, late: 0, notes: {} };
  const skipped: Record<string, number> = {};
  const ctx: CompileContext = {
    file,
    skip: (kind) => {
      skipped[kind] = (skipped[kind] ?? 0) + 1;
    },
    ...(await loadFormatExtras(format, file, options)),
  };
  return { summary, skipped, ctx };
}

/**
 * A Parquet input (issue 14): its columns are named as in one of the CSV or JSON formats (an nProbe
 * NF-v3 export, CIC, nfdump, goflow2 …) or described by --mapping, and its rows go through that
 * format's rules, validation and quarantine like any other input.
 */
async function openParquetFlows(file: string, options: ReadFlowsOptions): Promise<FlowSource> {
  const container = await openParquet(file);
  try {
    const { header, sample } = container;
    const mapped = options.mappingFile !== undefined;
    const format: FormatName | null =
      options.format ?? (mapped ? 'mapped-csv' : (detectCsvHeader(header.join(',')) ?? detectJsonRecord(Object.fromEntries(header.map((h, i) => [h, sample[i]])))));
    if (format === null || format === 'empty') {
      throw new InputError(
        { file, line: 1, field: '(header)', value: header.join(',').slice(0, 200), expected: 'a known flow format' },
        `Cannot tell the format of this Parquet file from its columns; pass --format (${FORMAT_NAMES.filter((f) => f !== 'empty').join(', ')}) or --mapping`,
      );
    }
    const spec = FORMATS[format]!;
    const { summary, skipped, ctx } = await startSummary(file, format, options);
    ctx.sample = sample;
    const compiled = header.length > 0 ? await spec.compile(header, ctx) : null;
    const quarantine = new QuarantineWriter(options.quarantineFile ?? defaultQuarantinePath(file));
    return createSource({ file, format, container, compiled, options, summary, skipped, quarantine, truncation: () => undefined });
  } catch (error) {
    await container.close();
    throw error;
  }
}

interface SourceParts {
  file: string;
  format: FormatName;
  container: Container;
  compiled: CompiledFormat | null;
  options: ReadFlowsOptions;
  summary: IngestSummary;
  skipped: Record<string, number>;
  quarantine: QuarantineWriter;
  truncation: () => Truncation | undefined;
  /** Where the flows come from when not from `container` on this thread (the parse thread). */
  stream?: (state: StreamState) => AsyncGenerator<Flow[]>;
}

function createSource({ file, format, container, compiled, options, summary, skipped, quarantine, truncation, stream }: SourceParts): FlowSource {
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
      const state: StreamState = { file, options, summary, quarantine, truncation };
      return stream !== undefined ? stream(state) : streamFlows(container, compiled, state);
    },
    summary: () => ({
      ...summary,
      notes: { ...summary.notes },
      ...(Object.keys(skipped).length > 0 ? { skipped: { ...skipped } } : {}),
      ...(quarantine.count > 0 ? { quarantineFile: resolve(quarantine.path) } : {}),
    }),
  };
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
