import { ConfigError } from '../../errors.ts';
import { featureSql, openDuckdbFeatures, type DuckdbInput, type DuckdbOutFormat, type SqlDialect } from '../../features/index.ts';
import { assertFlowsRead, openFlows, type ReadFlowsOptions } from '../../ingest/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo } from '../program.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { prepareOutputFile } from './output-paths.ts';

/** `flowlens features --sql`: the registry's feature statement for a warehouse's `flows` table. */
export function printFeatureSql(dialect: SqlDialect, windowMs: number, io: CliIo): number {
  io.stdout.write(`${featureSql({ dialect, windowMs })};\n`);
  return EXIT.OK;
}

/** The output format of `--engine duckdb`: --out-format, else the --out extension (.parquet, .csv), else JSONL. */
export function duckdbOutFormat(out: string, outFormat: string | undefined): DuckdbOutFormat {
  if (outFormat === 'parquet' || outFormat === 'csv' || outFormat === 'jsonl') return outFormat;
  const lower = out.toLowerCase();
  return lower.endsWith('.parquet') ? 'parquet' : lower.endsWith('.csv') ? 'csv' : 'jsonl';
}

export interface DuckdbRunFlags {
  window: number;
  out?: string;
  outFormat?: string;
  duckdbMemory?: string;
  duckdbThreads?: number;
}

/**
 * `flowlens features <input> --engine duckdb`: the same features, computed by the registry's SQL in
 * embedded DuckDB. A .parquet input is read by DuckDB itself (canonical columns); any other input goes
 * through flowlens ingest (every format, bad rows quarantined) into a DuckDB table first.
 */
export async function runFeaturesDuckdb(input: string, flags: DuckdbRunFlags, ingest: ReadFlowsOptions, io: CliIo): Promise<number> {
  if (flags.out === undefined) throw new ConfigError('out', 'flags', '`--engine duckdb` writes a file: give `--out features.parquet|csv|jsonl`');
  const format = duckdbOutFormat(flags.out, flags.outFormat);
  await prepareOutputFile(flags.out, '--out');
  const parquet = input.toLowerCase().endsWith('.parquet');
  const source = parquet ? undefined : await openFlows(input, ingest);
  const duckInput: DuckdbInput = source === undefined ? { parquet: input } : { source };
  const duck = await openDuckdbFeatures(duckInput, {
    windowMs: flags.window,
    ...(flags.duckdbMemory !== undefined ? { memoryLimit: flags.duckdbMemory } : {}),
    ...(flags.duckdbThreads !== undefined ? { threads: flags.duckdbThreads } : {}),
  });
  try {
    await duck.write(flags.out, format);
  } finally {
    duck.close();
  }
  io.stderr.write(`features (duckdb): ${duck.flows} flows, window ${flags.window} ms → ${flags.out} (${format})\n`);
  if (source === undefined) return EXIT.OK;
  const summary = source.summary();
  io.stderr.write(`${formatSummary(summary)}\n`);
  assertFlowsRead(summary, ingest);
  return ingestExit(summary);
}
