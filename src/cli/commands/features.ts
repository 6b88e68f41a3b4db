import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { parseDuration } from './parse-duration.ts';
import { DEFAULT_WINDOW_MS, extractFeatures } from '../../features/index.ts';
import { assertFlowsRead, defaultQuarantinePath, openFlows } from '../../ingest/index.ts';
import { ByteSink } from '../../util/byte-sink.ts';
import { createProgress } from '../../util/progress.ts';
import type { CliIo, RegisterCommand } from '../program.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { openOutputSink, prepareOutputFile } from './output-paths.ts';
import { openParquetFeatureWriter } from './feature-parquet.ts';
import { createFeatureRowWriter, type FeatureRowWriter, type OutFormat } from './feature-rows.ts';
import { printFeatureSql, runFeaturesDuckdb } from './features-sql.ts';
import { ConfigError } from '../../errors.ts';
import { wholeNumberFlag } from './number-flag.ts';
import { SQL_DIALECTS, type SqlDialect } from '../../features/index.ts';


interface FeaturesFlags extends InputFlags {
  window: number;
  out?: string;
  outFormat?: OutFormat | 'parquet';
  engine: 'native' | 'duckdb';
  sql?: boolean;
  dialect: SqlDialect;
  duckdbMemory?: string;
  duckdbThreads?: number;
  threads?: number;
  quiet?: boolean;
}

/**
 * Inputs at least this large are read on a parse thread (with a core to spare): below it the thread's
 * start (about 0.1 s) is a good share of the run.
 */
const PARSE_THREAD_MIN_BYTES = 8 << 20;


/**
 * `flowlens features <input>`: one row per accepted flow (id, canonical fields, quality notes, every
 * feature under its registry name) as JSONL (null) or CSV (null as an empty cell); summary on stderr.
 */
export const registerFeatures: RegisterCommand = (program, io, setExit) => {
  addInputOptions(
    program
      .command('features [input]')
      .description('Compute the per-flow and sliding-window features of every flow (one row per accepted flow)')
      .addOption(new Option('--window <duration>', 'sliding window W, e.g. 60s, 5m, 1500ms').argParser(parseDuration).default(DEFAULT_WINDOW_MS, '60s'))
      .option('--out <file>', 'write here (.csv → CSV, .parquet → Parquet, else JSONL) instead of stdout')
      .addOption(new Option('--out-format <kind>', 'output format (default: from --out, else jsonl)').choices(['jsonl', 'csv', 'parquet']))
      .addOption(new Option('--engine <name>', "native: this process, streaming; duckdb: the registry's SQL in embedded DuckDB (CSV or Parquet in, needs --out)").choices(['native', 'duckdb']).default('native'))
      .option('--sql', 'print the feature SQL for a `flows` table (see --dialect) instead of reading an input')
      .addOption(new Option('--dialect <name>', 'SQL dialect for --sql').choices([...SQL_DIALECTS]).default('duckdb'))
      .option('--duckdb-memory <size>', 'DuckDB memory limit before it spills to disk, e.g. 512MB, 2GB (default 256MB with --engine duckdb, 512MB for Parquet output); the process holds more than this')
      .option('--duckdb-threads <n>', "DuckDB worker threads for --engine duckdb (default 1); each holds its own share of the window sorts", wholeNumberFlag)
      .option('--threads <n>', 'native engine: 2 or more reads and parses an input of 8 MiB or more on a thread of its own (default: one a core; 1: one thread); the output is the same', wholeNumberFlag),
    'next to --out, else <input>.quarantine.jsonl here',
  )
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string | undefined, flags: FeaturesFlags) => setExit(await dispatchFeatures(input, flags, io)));
};

async function dispatchFeatures(input: string | undefined, flags: FeaturesFlags, io: CliIo): Promise<number> {
  if (flags.sql) return printFeatureSql(flags.dialect, flags.window, io);
  if (input === undefined) throw new ConfigError('input', 'arguments', 'Expected an input file (or `--sql` to print the feature SQL)');
  if (flags.engine === 'duckdb') return runFeaturesDuckdb(input, flags, ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(input, flags.out), io), io);
  return runFeatures(input, flags, io);
}

/** The native engine's output format: --out-format, else the --out extension (.csv, .parquet), else JSONL. */
function nativeOutFormat(flags: FeaturesFlags): OutFormat | 'parquet' {
  if (flags.outFormat !== undefined) return flags.outFormat;
  const out = flags.out?.toLowerCase() ?? '';
  return out.endsWith('.csv') ? 'csv' : out.endsWith('.parquet') ? 'parquet' : 'jsonl';
}

/** Where the rows go: a Parquet file through DuckDB, or CSV/JSONL bytes to --out or stdout. */
async function openRowWriter(flags: FeaturesFlags, io: CliIo): Promise<FeatureRowWriter & { close(): Promise<void> }> {
  const kind = nativeOutFormat(flags);
  if (kind === 'parquet') {
    if (flags.out === undefined) throw new ConfigError('out-format', 'flags', 'Parquet is written to a file: give `--out features.parquet`');
    await prepareOutputFile(flags.out, '--out');
    const writer = await openParquetFeatureWriter(flags.out, flags.duckdbMemory !== undefined ? { memoryLimit: flags.duckdbMemory } : {});
    return { ...writer, close: async () => writer.close() };
  }
  const sink = flags.out !== undefined ? await openOutputSink(flags.out, '--out') : ByteSink.toStream(io.stdout);
  return { ...createFeatureRowWriter(kind, sink), close: () => sink.close() };
}

/** Whether to parse on a thread of its own: a core to spare (or --threads 2+) and a large input. */
async function wantsParseThread(input: string, threads = availableParallelism()): Promise<boolean> {
  if (threads < 2) return false;
  const size = await stat(input).then((s) => s.size, () => 0);
  return size >= PARSE_THREAD_MIN_BYTES;
}

async function runFeatures(input: string, flags: FeaturesFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'features', stream: io.stderr, quiet: flags.quiet ?? false });
  const options = ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(input, flags.out), io);
  const source = await openFlows(input, { ...options, parseThread: await wantsParseThread(input, flags.threads) });
  const rows = await openRowWriter(flags, io);
  try {
    for await (const batch of extractFeatures(source, { windowMs: flags.window })) {
      await rows.write(batch);
      progress.tick(batch.length);
    }
    await rows.end();
  } finally {
    await rows.close();
  }
  const summary = source.summary();
  progress.done(`${summary.accepted} flows, window ${flags.window} ms`);
  io.stderr.write(`${formatSummary(summary)}\n`);
  assertFlowsRead(summary, options);
  return ingestExit(summary);
}
