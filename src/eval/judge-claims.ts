import PQueue from 'p-queue';
import { renderPrompt, type FeatureTable, type PromptTemplate, type Provider } from './deps.ts';
import type { EvalReport, JudgeOpinion, Verdict } from './types.ts';

const VERDICTS: ReadonlySet<string> = new Set(['supported', 'contradicted', 'unsupported', 'speculative']);

export interface JudgeOptions {
  provider: Provider;
  template: PromptTemplate;
  model: string;
  /** @default 4 */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * `--judge`: ask a model for a second opinion on each report's `unsupported` claims, one request
 * per report. Opinions are stored beside the checker's verdicts (never replacing them); a call
 * that fails or an answer that cannot be read marks those claims `unparsed` with the reason.
 * @returns the judge calls made, how many failed (no answer at all: a cassette miss, a provider error) and the first failure
 */
export async function judgeReports(reports: EvalReport[], tables: ReadonlyMap<string, FeatureTable>, options: JudgeOptions): Promise<JudgeCalls> {
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const counts: JudgeCalls = { calls: 0, failed: 0 };
  for (const report of reports) {
    const targets = (report.check?.claims ?? []).flatMap((c, i) => (c.verdict === 'unsupported' ? [i] : []));
    const table = tables.get(report.flow_id);
    if (targets.length === 0 || !table) continue;
    void queue.add(async () => {
      counts.calls++;
      report.judge = await judgeOne(report, targets, table, options, (reason) => {
        counts.failed++;
        counts.firstFailure ??= reason;
      });
    });
  }
  await queue.onIdle();
  return counts;
}

/** What the judge calls of an eval came to. */
export interface JudgeCalls {
  calls: number;
  failed: number;
  firstFailure?: string;
}

async function judgeOne(report: EvalReport, targets: number[], table: FeatureTable, options: JudgeOptions, onFailure: (reason: string) => void): Promise<Record<number, JudgeOpinion>> {
  const request = renderPrompt(options.template, table, { model: options.model });
  const list = targets.map((index, n) => `${n + 1}. ${JSON.stringify(report.check!.claims[index]!.text)}`).join('\n');
  const last = request.messages[request.messages.length - 1]!;
  last.content = `${last.content}\n\nClaims to judge (quoted from an explanation of this flow):\n${list}`;
  let answer: string;
  try {
    answer = (await options.provider.narrate(request, options.signal ? { signal: options.signal } : {})).text;
  } catch (error) {
    const reason = `judge call failed: ${(error as Error).name}: ${(error as Error).message}`;
    onFailure(reason);
    return Object.fromEntries(targets.map((i) => [i, { verdict: 'unparsed', reason }]));
  }
  return parseJudgeAnswer(answer, targets);
}

/**
 * Read the judge's JSON (tolerating prose or a code fence around it). Claim numbers are 1-based
 * positions in the list sent; a claim the answer leaves out is `unparsed`.
 */
export function parseJudgeAnswer(answer: string, targets: readonly number[]): Record<number, JudgeOpinion> {
  const opinions: Record<number, JudgeOpinion> = Object.fromEntries(targets.map((i) => [i, { verdict: 'unparsed', reason: 'the judge gave no verdict for this claim' }]));
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  let value: unknown;
  try {
    value = start >= 0 && end > start ? JSON.parse(answer.slice(start, end + 1)) : undefined;
  } catch {
    value = undefined;
  }
  const verdicts = (value as { verdicts?: unknown } | undefined)?.verdicts;
  if (!Array.isArray(verdicts)) {
    for (const i of targets) opinions[i] = { verdict: 'unparsed', reason: `unreadable judge answer: ${answer.slice(0, 120)}` };
    return opinions;
  }
  for (const v of verdicts as Array<Record<string, unknown>>) {
    const n = Number(v?.claim);
    const index = Number.isInteger(n) ? targets[n - 1] : undefined;
    if (index === undefined) continue;
    const verdict = String(v.verdict ?? '').toLowerCase();
    opinions[index] = VERDICTS.has(verdict)
      ? { verdict: verdict as Verdict, reason: String(v.reason ?? '') }
      : { verdict: 'unparsed', reason: `unknown verdict \`${verdict}\`` };
  }
  return opinions;
}
