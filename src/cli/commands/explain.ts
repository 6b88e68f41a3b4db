import { basename, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { resolveConfig, type ConfigLayer, type ResolvedConfig } from '../../config/index.ts';
import { formatPollRound } from '../../llm/index.ts';
import { explainTables, formatSummary, prepareBatch, readPrivacyFile, type BatchApiSettings, type BatchSetup, type ExplainTablesResult, type PrivacyOptions } from '../../run/index.ts';
import { readTableFiles, type FeatureTable } from '../../table/index.ts';
import { createProgress, type Progress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

/** Flags shared by explain, run and enrich (provider configuration + batch runner). */
export interface BatchFlags {
  provider?: ConfigLayer['provider'];
  model?: string;
  baseUrl?: string;
  prompt?: string;
  mode?: 'narrative' | 'structured';
  promptsDir?: string;
  record?: boolean;
  cassettes?: string;
  config?: string;
  maxRetries?: number;
  timeout?: number;
  deadline?: number;
  concurrency?: number;
  rpm?: number;
  tpm?: number;
  cacheDir?: string;
  cache?: boolean;
  retryFailed?: boolean;
  anonymize?: boolean;
  anonymizeFields?: string[];
  allowFields?: string[];
  privacy?: string;
  batchApi?: boolean;
  batchMaxRequests?: number;
  batchMaxBytes?: number;
  pollInterval?: number;
  quiet?: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive integer, got \`${value}\`.`);
  return n;
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Add the provider and batch-runner flags to a command. */
export function addBatchOptions(command: Command): Command {
  return command
    .option('--provider <name>', 'offline | openai | replay (default: openai when an endpoint or key is configured, else offline)')
    .option('--model <name>', 'model name sent to the endpoint')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp, LM Studio, Azure …)')
    .option('--prompt <ref>', 'prompt template: explain-flow@v1, explain-flow@v1:structured, or a YAML file')
    .option('--mode <mode>', 'narrative | structured (default: the template\'s own)')
    .option('--prompts-dir <dir>', 'where id@version templates are looked up')
    .option('--record', 'save every answer as a replay cassette')
    .option('--cassettes <dir>', 'cassette directory for --provider replay and --record')
    .option('--config <file>', 'config file (default: ./flowlens.config.yaml when present)')
    .option('--max-retries <n>', 'SDK retries on 429, 5xx and timeouts', (v) => Number(v))
    .option('--timeout <ms>', 'SDK timeout of one HTTP attempt', positiveInt)
    .option('--deadline <ms>', 'runner deadline of one request, retries included', positiveInt)
    .option('--concurrency <n>', 'requests in flight at once (default 4)', positiveInt)
    .option('--rpm <n>', 'HTTP requests per minute, retries included, spread evenly over the minute', positiveInt)
    .option('--tpm <n>', 'tokens per minute, per HTTP request (estimated from the prompt and max_tokens, reconciled with usage)', positiveInt)
    .option('--cache-dir <dir>', 'answer cache (default .flowlens-cache)')
    .option('--no-cache', 'neither read nor write the answer cache')
    .option('--retry-failed', 'rerun the flows whose last attempt failed')
    .option('--anonymize', 'replace addresses with host-N placeholders before anything is sent')
    .option('--anonymize-fields <list>', 'also replace these fields (comma-separated)', list)
    .option('--allow-fields <list>', 'send only these rows and identity members (comma-separated)', list)
    .option('--privacy <file>', 'privacy policy (YAML: anonymize, anonymize_fields, allow_fields); flags win')
    .option('--batch-api', 'send the requests through the OpenAI Batch API (half price, answers within 24 h); a rerun resumes its batches')
    .option('--batch-max-requests <n>', 'requests per batch file (default and API limit 50000)', positiveInt)
    .option('--batch-max-bytes <n>', 'bytes per batch file (default and API limit 209715200)', positiveInt)
    .option('--poll-interval <ms>', 'first wait between batch polls, growing ×1.5 up to 60 s (default 5000)', positiveInt)
    .option('--quiet', 'no progress on stderr');
}

/** Resolve the configuration from flags > flowlens.config.yaml > environment > defaults. */
export function configFromFlags(flags: BatchFlags): ResolvedConfig {
  return resolveConfig(
    {
      provider: flags.provider,
      model: flags.model,
      baseURL: flags.baseUrl,
      template: flags.prompt,
      mode: flags.mode,
      promptsDir: flags.promptsDir,
      record: flags.record,
      cassetteDir: flags.cassettes,
      maxRetries: flags.maxRetries,
      timeoutMs: flags.timeout,
    },
    { cwd: process.cwd(), env: process.env, ...(flags.config ? { configFile: flags.config } : {}) },
  );
}

/** Privacy settings: `--privacy FILE`, overridden by the individual flags. */
export function privacyFromFlags(flags: BatchFlags): PrivacyOptions {
  const policy = flags.privacy ? readPrivacyFile(flags.privacy) : {};
  return {
    anonymize: flags.anonymize ?? policy.anonymize ?? false,
    fields: flags.anonymizeFields ?? policy.fields ?? [],
    allow: flags.allowFields ?? policy.allow,
  };
}

/** The batch setup the flags describe (template loaded, provider built): errors surface before any work. */
export async function setupFromFlags(flags: BatchFlags, config: ResolvedConfig, progress: Pick<Progress, 'tick' | 'note'>): Promise<BatchSetup> {
  return prepareBatch(config, {
    ...(flags.batchApi ? { batchApi: batchApiFromFlags(flags, progress) } : {}),
    concurrency: flags.concurrency,
    requestsPerMinute: flags.rpm,
    tokensPerMinute: flags.tpm,
    timeoutMs: flags.deadline,
    cacheDir: flags.cache === false ? false : (flags.cacheDir ?? '.flowlens-cache'),
    retryFailed: flags.retryFailed ?? false,
    privacy: privacyFromFlags(flags),
    onProgress: () => progress.tick(),
  });
}

/** `--batch-api` settings: file limits, poll interval, and a progress line on stderr after each round of polls. */
function batchApiFromFlags(flags: BatchFlags, progress: Pick<Progress, 'note'>): BatchApiSettings {
  const limits = { ...(flags.batchMaxRequests ? { maxRequests: flags.batchMaxRequests } : {}), ...(flags.batchMaxBytes ? { maxBytes: flags.batchMaxBytes } : {}) };
  return {
    limits,
    ...(flags.pollInterval ? { pollIntervalMs: flags.pollInterval } : {}),
    onRound: (round) => progress.note(formatPollRound(round)),
  };
}

/** Explain tables with the flags' provider and runner settings, showing one progress bar. */
export async function explainWithFlags(
  tables: FeatureTable[],
  flags: BatchFlags,
  io: CliIo,
  out: { dir: string; title: string; details?: string[]; labels?: Record<string, Readonly<Record<string, string>>> },
  prepared?: { config: ResolvedConfig; setup: BatchSetup; progress: Progress },
): Promise<ExplainTablesResult> {
  const config = prepared?.config ?? configFromFlags(flags);
  const progress = prepared?.progress ?? createProgress({ label: 'explain', stream: io.stderr, quiet: flags.quiet ?? false });
  const setup = prepared?.setup ?? (await setupFromFlags(flags, config, progress));
  progress.setTotal(tables.length);
  const info = [...(out.details ?? []), `provider \`${config.provider}\`, model \`${config.model}\`, prompt \`${config.template}\``];
  const result = await explainTables(tables, setup, { outDir: out.dir, title: out.title, details: info, ...(out.labels !== undefined ? { labels: out.labels } : {}) });
  progress.done(`${result.summary.done + result.summary.skipped}/${result.summary.total} explained`);
  return result;
}

/** Report a finished run: summary on stderr, where the files are on stdout; the exit code. */
export function finishRun(result: ExplainTablesResult, outDir: string, io: CliIo): number {
  for (const warning of result.summary.warnings) io.stderr.write(`flowlens: warning: ${warning}\n`);
  io.stderr.write(`flowlens: ${formatSummary(result.summary)}\n`);
  io.stdout.write(`Wrote ${result.reports.length} report${result.reports.length === 1 ? '' : 's'} to ${join(outDir, 'reports')}; index ${result.indexFile}\n`);
  if (result.summary.failed > 0) return EXIT.PARTIAL;
  return result.reports.some((r) => r.grounding && !r.grounding.grounded) ? EXIT.FINDINGS : EXIT.OK;
}

/** `flowlens explain <tables-dir|table.json>`: explain existing tables, write reports and the index. */
export const registerExplain: RegisterCommand = (program, io, setExit) => {
  addBatchOptions(
    program
      .command('explain')
      .description('Explain FeatureTables (a table.json or a directory of them): reports, explanations.jsonl, index.md')
      .argument('<tables>', 'a FeatureTable JSON file, or a directory of them')
      .option('--out <dir>', 'output directory (default out/<input name>)'),
  ).action(async (input: string, flags: BatchFlags & { out?: string }) => {
    const tables = readTableFiles(input);
    const outDir = flags.out ?? join('out', basename(input).replace(/\.json$/, ''));
    const result = await explainWithFlags(tables, flags, io, { dir: outDir, title: basename(input) });
    setExit(finishRun(result, outDir, io));
  });
};
