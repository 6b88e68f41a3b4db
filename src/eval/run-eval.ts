import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../config/index.ts';
import { comparePrompts } from './compare-prompts.ts';
import { checkNarrative, createProvider, loadTemplate, prepareBatch, runBatch, type FeatureTable, type ResultRecord } from './deps.ts';
import { judgeReports, type JudgeCalls } from './judge-claims.ts';
import { loadSuite } from './load-suite.ts';
import { loadSuiteTables } from './load-tables.ts';
import { computeMetrics } from './metrics.ts';
import type { Suite } from './suite-schema.ts';
import { evaluateThresholds } from './thresholds.ts';
import type { EvalReport, EvalResult } from './types.ts';
import { writeEvalOutputs } from './write-outputs.ts';

export interface EvalOptions {
  /** Output directory for summary.md, result.json, report.html and the raw runs. @default `out/eval/<suite name>` under cwd */
  outDir?: string;
  /** Ask the judge prompt for a second opinion on every `unsupported` claim. @default false */
  judge?: boolean;
  /** Save every answer as a cassette in the suite's cassette directory (with a live provider). @default false */
  record?: boolean;
  /** Overrides of the suite's provider section (CLI flags). */
  provider?: 'openai' | 'offline' | 'replay';
  model?: string;
  baseURL?: string;
  cassetteDir?: string;
  promptsDir?: string;
  /** Answer cache for live providers; replay never caches (cassettes are the cache). @default '<cwd>/.flowlens-cache' */
  cacheDir?: string | false;
  concurrency?: number;
  /** Working directory: flowlens.config.yaml and the default output directory. @default process.cwd() */
  cwd?: string;
  /** Environment for the API key and endpoint (the CLI passes process.env). @default {} */
  env?: Record<string, string | undefined>;
  configFile?: string;
  /** Called as each answer of a prompt version settles. */
  onProgress?: (prompt: string, settled: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Run an eval suite: explain its tables with every prompt version through the batch runner (same
 * tables, same provider, `repeats` samples each), check every answer with the deterministic
 * checker, compare each prompt with the baseline, apply the thresholds, and write summary.md,
 * result.json and report.html. `result.passed` is false when a threshold fails.
 *
 * @example
 * const result = await runEval('eval/suites/ci.yaml', { outDir: 'out/eval/ci' });
 * if (!result.passed) process.exitCode = 1;
 */
export async function runEval(suitePath: string, options: EvalOptions = {}): Promise<EvalResult> {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, suitePath);
  const suite = loadSuite(file);
  const tables = await loadSuiteTables(suite, dirname(file));
  const config = suiteConfig(suite, dirname(file), options, cwd);
  const outDir = resolve(cwd, options.outDir ?? join('out', 'eval', suite.name));
  mkdirSync(outDir, { recursive: true });
  const reports: EvalReport[] = [];
  for (const prompt of suite.prompts) reports.push(...(await explainWith(prompt, tables, suite, config, outDir, options, cwd)));
  const judgeCalls = options.judge ? await judge(reports, tables, suite, config, options) : undefined;
  return finish(suite, file, config, tables, reports, outDir, judgeCalls);
}

function suiteConfig(suite: Suite, suiteDir: string, options: EvalOptions, cwd: string): ResolvedConfig {
  const cassettes = options.cassetteDir ?? (suite.provider.cassettes ? resolve(suiteDir, suite.provider.cassettes) : undefined);
  return resolveConfig(
    {
      provider: options.provider ?? suite.provider.name,
      model: options.model ?? suite.provider.model,
      baseURL: options.baseURL ?? suite.provider.base_url,
      cassetteDir: cassettes,
      record: options.record,
      promptsDir: options.promptsDir,
    },
    { cwd, env: options.env ?? {}, ...(options.configFile ? { configFile: options.configFile } : {}) },
  );
}

async function explainWith(prompt: string, tables: FeatureTable[], suite: Suite, config: ResolvedConfig, outDir: string, options: EvalOptions, cwd: string): Promise<EvalReport[]> {
  const setup = await prepareBatch(
    { ...config, template: prompt, mode: undefined },
    {
      // Replay needs no cache (cassettes are one); recording must see every answer, so no cache hits either.
      cacheDir: config.provider === 'replay' || config.record ? false : (options.cacheDir ?? join(cwd, '.flowlens-cache')),
      concurrency: options.concurrency ?? suite.provider.concurrency ?? 4,
      ...(options.onProgress ? { onProgress: (settled: number, total: number) => options.onProgress!(prompt, settled, total) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  const resultsFile = join(outDir, 'runs', `${prompt.replace(/[^A-Za-z0-9._-]+/g, '_')}.jsonl`);
  // Every eval is a fresh run: a results file left by an earlier run could hide a changed cassette.
  rmSync(resultsFile, { force: true });
  mkdirSync(dirname(resultsFile), { recursive: true });
  const items = tables.flatMap((table) => Array.from({ length: suite.repeats }, (_, sample) => ({ id: table.flow_id, table, sample })));
  const summary = await runBatch(items, { ...setup, resultsFile });
  return summary.records.map((record, i) => toReport(prompt, items[i]!.table, items[i]!.sample, record));
}

function toReport(prompt: string, table: FeatureTable, sample: number, record: ResultRecord): EvalReport {
  if (record.status === 'failed') return { flow_id: table.flow_id, sample, prompt, status: 'failed', text: '', error: { class: record.error.class, message: record.error.message } };
  try {
    return { flow_id: table.flow_id, sample, prompt, status: 'done', text: record.text, check: checkNarrative(record.text, table) };
  } catch (error) {
    // A checker bug on one answer is recorded like a failed call (it fails the gates), not thrown: one report cannot sink the suite.
    const e = error instanceof Error ? error : new Error(String(error));
    return { flow_id: table.flow_id, sample, prompt, status: 'failed', text: record.text, error: { class: `checker ${e.name}`, message: e.message } };
  }
}

async function judge(reports: EvalReport[], tables: FeatureTable[], suite: Suite, config: ResolvedConfig, options: EvalOptions): Promise<JudgeCalls> {
  const section = suite.judge?.provider;
  const judgeConfig: ResolvedConfig = section
    ? { ...config, provider: options.provider ?? section.name, model: section.model ?? config.model, baseURL: section.base_url ?? config.baseURL }
    : config;
  const template = await loadTemplate(suite.judge?.prompt ?? 'judge-claims@v1', options.promptsDir ? { promptsDir: options.promptsDir } : {});
  return judgeReports(reports, new Map(tables.map((t) => [t.flow_id, t])), {
    provider: createProvider(judgeConfig),
    template,
    model: judgeConfig.model,
    concurrency: options.concurrency ?? suite.provider.concurrency ?? 4,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

function finish(suite: Suite, file: string, config: ResolvedConfig, tables: FeatureTable[], reports: EvalReport[], outDir: string, judgeCalls: JudgeCalls | undefined): EvalResult {
  const baseline = suite.baseline ?? suite.prompts[0]!;
  const flows = tables.map((t) => t.flow_id);
  const metrics = suite.prompts.map((p) => computeMetrics(p, reports));
  const diffs = suite.prompts.filter((p) => p !== baseline).flatMap((p) => comparePrompts(reports, flows, baseline, p));
  const thresholds = evaluateThresholds(metrics, { thresholds: suite.thresholds, baseline, gated: suite.gate ?? suite.prompts });
  const result: EvalResult = {
    suite: { name: suite.name, file, ...(suite.description ? { description: suite.description } : {}) },
    at: new Date().toISOString(),
    provider: { name: config.provider, model: config.model },
    prompts: suite.prompts,
    baseline,
    repeats: suite.repeats,
    flows,
    metrics,
    diffs,
    thresholds,
    passed: thresholds.every((t) => t.passed),
    reports,
    judged: judgeCalls !== undefined,
    ...(judgeCalls !== undefined ? { judge_calls: judgeCalls } : {}),
    files: { markdown: join(outDir, 'summary.md'), json: join(outDir, 'result.json'), html: join(outDir, 'report.html') },
  };
  writeEvalOutputs(result, tables);
  return result;
}
