import type { EvalReport, JudgeOpinion, PromptMetrics } from './types.ts';

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

/**
 * Aggregate one prompt version's checked reports. The headline figure is hallucinated claims
 * (contradicted + unsupported) per 100 reports; failed calls are counted apart, never as clean.
 */
export function computeMetrics(prompt: string, reports: readonly EvalReport[]): PromptMetrics {
  const mine = reports.filter((r) => r.prompt === prompt);
  const checked = mine.filter((r) => r.check !== undefined);
  const sum = (pick: (r: EvalReport) => number): number => checked.reduce((acc, r) => acc + pick(r), 0);
  const claims = sum((r) => r.check!.summary.claims);
  const supported = sum((r) => r.check!.summary.supported);
  const contradicted = sum((r) => r.check!.summary.contradicted);
  const unsupported = sum((r) => r.check!.summary.unsupported);
  const speculative = sum((r) => r.check!.summary.speculative);
  const judged = claims - speculative;
  const metrics: PromptMetrics = {
    prompt,
    reports: checked.length,
    failed: mine.length - checked.length,
    claims,
    supported,
    contradicted,
    unsupported,
    speculative,
    hallucinated: contradicted + unsupported,
    hallucinated_per_100_reports: checked.length === 0 ? 0 : round((100 * (contradicted + unsupported)) / checked.length, 2),
    supported_share: judged === 0 ? 1 : round(supported / judged),
    max_unsupported_in_report: Math.max(0, ...checked.map((r) => r.check!.summary.unsupported)),
    grounded_reports: checked.filter((r) => r.check!.summary.grounded).length,
  };
  const judge = tallyJudge(checked);
  if (judge) metrics.judge = judge;
  return metrics;
}

function tallyJudge(reports: readonly EvalReport[]): PromptMetrics['judge'] | undefined {
  if (!reports.some((r) => r.judge)) return undefined;
  const tally: Record<JudgeOpinion['verdict'], number> = { supported: 0, contradicted: 0, unsupported: 0, speculative: 0, unparsed: 0 };
  for (const r of reports) for (const opinion of Object.values(r.judge ?? {})) tally[opinion.verdict]++;
  return tally;
}
