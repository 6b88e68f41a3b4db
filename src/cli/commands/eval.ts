import { relative } from 'node:path';
import type { Command } from 'commander';
import { runEval, type EvalResult } from '../../eval/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

interface EvalFlags {
  out?: string;
  judge?: boolean;
  record?: boolean;
  provider?: 'openai' | 'offline' | 'replay';
  model?: string;
  baseUrl?: string;
  cassettes?: string;
  promptsDir?: string;
  config?: string;
  concurrency?: number;
  cacheDir?: string;
  cache?: boolean;
  quiet?: boolean;
}


function headline(result: EvalResult): string[] {
  return result.metrics.map(
    (m) =>
      `${m.prompt}: ${m.hallucinated_per_100_reports} hallucinated claims per 100 reports, supported share ${(100 * m.supported_share).toFixed(1)} % (${m.reports} reports, ${m.claims} claims${m.failed ? `, ${m.failed} failed` : ''})`,
  );
}

function printResult(result: EvalResult, io: CliIo): number {
  for (const line of headline(result)) io.stdout.write(`${line}\n`);
  for (const t of result.thresholds) io.stdout.write(`${t.passed ? 'pass' : 'FAIL'}: ${t.message}\n`);
  const rel = (p: string): string => relative(process.cwd(), p) || p;
  io.stdout.write(`Wrote ${rel(result.files.markdown)}, ${rel(result.files.json)}, ${rel(result.files.html)}\n`);
  const judge = result.judge_calls;
  // A judge that never answered is not a pass: its second opinions are missing, not agreeing.
  if (judge !== undefined && judge.failed > 0) {
    io.stderr.write(`flowlens: eval ${result.suite.name}: ${judge.failed} of ${judge.calls} judge calls failed (first: ${judge.firstFailure ?? 'no answer'}); thresholds ${result.passed ? 'passed' : 'FAILED'}\n`);
    return EXIT.PARTIAL;
  }
  io.stderr.write(`flowlens: eval ${result.suite.name} ${result.passed ? 'passed' : 'FAILED'}\n`);
  if (!result.passed) return EXIT.FINDINGS;
  return result.reports.some((r) => r.status === 'failed') ? EXIT.PARTIAL : EXIT.OK;
}

function addOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'output directory (default out/eval/<suite name>)')
    .option('--judge', 'LLM second opinion on the claims the checker marks unsupported (shown beside its verdict)')
    .option('--record', "save every answer as a cassette in the suite's cassette directory")
    .option('--provider <name>', "override the suite's provider: replay | openai | offline")
    .option('--model <name>', "override the suite's model (part of every cassette key)")
    .option('--base-url <url>', 'OpenAI-compatible endpoint')
    .option('--cassettes <dir>', "override the suite's cassette directory")
    .option('--prompts-dir <dir>', 'where id@version templates are looked up')
    .option('--config <file>', 'config file (default: ./flowlens.config.yaml when present)')
    .option('--concurrency <n>', 'requests in flight at once', (v) => Number(v))
    .option('--cache-dir <dir>', 'answer cache for live providers (default .flowlens-cache)')
    .option('--no-cache', 'neither read nor write the answer cache')
    .option('--quiet', 'no progress on stderr');
}

/** `flowlens eval <suite>`: compare prompt versions on a suite; exit 1 when a threshold fails. */
export const registerEval: RegisterCommand = (program, io, setExit) => {
  addOptions(
    program
      .command('eval')
      .description('Run an eval suite: prompt versions side by side, every claim checked; summary.md, result.json, report.html')
      .argument('<suite>', 'suite YAML file (eval/suites/*.yaml)'),
  ).action(async (suite: string, flags: EvalFlags) => {
    const result = await runEval(suite, {
      ...(flags.out ? { outDir: flags.out } : {}),
      judge: flags.judge ?? false,
      record: flags.record ?? false,
      ...(flags.provider ? { provider: flags.provider } : {}),
      ...(flags.model ? { model: flags.model } : {}),
      ...(flags.baseUrl ? { baseURL: flags.baseUrl } : {}),
      ...(flags.cassettes ? { cassetteDir: flags.cassettes } : {}),
      ...(flags.promptsDir ? { promptsDir: flags.promptsDir } : {}),
      ...(flags.config ? { configFile: flags.config } : {}),
      ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
      cacheDir: flags.cache === false ? false : (flags.cacheDir ?? '.flowlens-cache'),
      ...(flags.quiet ? {} : { onProgress: (prompt: string, settled: number, total: number) => settled === total && io.stderr.write(`flowlens: ${prompt}: ${total} answers\n`) }),
      cwd: process.cwd(),
      env: process.env,
    });
    setExit(printResult(result, io));
  });
};
