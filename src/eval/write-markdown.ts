import type { ClaimRef, EvalResult, FlowDiff, PromptMetrics } from './types.ts';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const signed = (x: number, digits = 2): string => `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function metricsTable(metrics: readonly PromptMetrics[], baseline: string): string[] {
  return [
    '| Prompt | Reports | Hallucinated / 100 reports | Supported share | Claims | Supported | Contradicted | Unsupported | Speculative | Grounded reports | Max unsupported in a report | Failed |',
    '|-|-|-|-|-|-|-|-|-|-|-|-|',
    ...metrics.map(
      (m) =>
        `| ${m.prompt}${m.prompt === baseline ? ' (baseline)' : ''} | ${m.reports} | **${m.hallucinated_per_100_reports}** | **${pct(m.supported_share)}** | ${m.claims} | ${m.supported} | ${m.contradicted} | ${m.unsupported} | ${m.speculative} | ${m.grounded_reports}/${m.reports} | ${m.max_unsupported_in_report} | ${m.failed} |`,
    ),
  ];
}

function diffSection(d: FlowDiff): string[] {
  const lines = [
    `### Flow ${d.flow_id}: ${d.candidate} vs ${d.baseline}`,
    '',
    `Hallucinated claims per report ${d.hallucinated.baseline} → ${d.hallucinated.candidate} (${signed(d.hallucinated.delta)}); supported share ${pct(d.supported_share.baseline)} → ${pct(d.supported_share.candidate)}.`,
    '',
  ];
  if (d.appeared.length === 0 && d.disappeared.length === 0) return [...lines, 'Same claims under both prompts.', ''];
  const bad = (c: ClaimRef): boolean => c.verdict === 'contradicted' || c.verdict === 'unsupported';
  for (const c of d.disappeared.filter(bad)) lines.push(`- gone: \`${cell(c.text)}\` (${c.kind}, was ${c.verdict})`);
  for (const c of d.appeared.filter(bad)) lines.push(`- new: \`${cell(c.text)}\` (${c.kind}, ${c.verdict})`);
  const rest = (list: ClaimRef[]): string => list.filter((c) => !bad(c)).map((c) => `\`${cell(c.text)}\``).join(', ') || 'none';
  lines.push(`- other claims gone: ${rest(d.disappeared)}`, `- other claims new: ${rest(d.appeared)}`);
  return [...lines, ''];
}

/** The suite's Markdown summary: headline per prompt, thresholds, and per-flow differences. */
export function evalToMarkdown(result: EvalResult): string {
  const failedCalls = result.reports.filter((r) => r.status === 'failed');
  return [
    `# Eval: ${result.suite.name} — ${result.passed ? 'PASSED' : 'FAILED'}`,
    '',
    ...(result.suite.description ? [result.suite.description.trim(), ''] : []),
    `Provider \`${result.provider.name}\`, model \`${result.provider.model}\`; ${result.flows.length} flows × ${result.repeats} sample(s) per prompt; baseline \`${result.baseline}\`.`,
    'Hallucinated = contradicted + unsupported claims (deterministic checker). Supported share = supported / (claims − speculative).',
    '',
    ...metricsTable(result.metrics, result.baseline),
    '',
    '## Thresholds',
    '',
    ...(result.thresholds.length === 0 ? ['None set.'] : result.thresholds.map((t) => `- ${t.passed ? 'pass' : '**FAIL**'}: ${t.message}`)),
    '',
    ...(result.judged ? judgeLines(result) : []),
    ...(failedCalls.length > 0 ? ['## Failed calls', '', ...failedCalls.map((r) => `- ${r.prompt} flow ${r.flow_id} sample ${r.sample}: ${r.error?.class}: ${cell(r.error?.message ?? '')}`), ''] : []),
    '## Per flow',
    '',
    ...result.diffs.flatMap(diffSection),
  ].join('\n');
}

function judgeLines(result: EvalResult): string[] {
  // Where the judge disagrees is where a human should look: a checker false flag, or a judge error.
  const disagreements = result.reports.flatMap((r) =>
    Object.entries(r.judge ?? {})
      .filter(([, o]) => o.verdict !== 'unsupported')
      .map(([i, o]) => `- ${r.prompt} flow ${r.flow_id} sample ${r.sample}: \`${cell(r.check!.claims[Number(i)]!.text)}\` checker unsupported, judge ${o.verdict}: ${cell(o.reason)}`),
  );
  return [
    "## LLM judge (second opinion on unsupported claims; the checker's verdicts stand)",
    '',
    ...result.metrics.map((m) => `- ${m.prompt}: ${Object.entries(m.judge ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing to judge'}`),
    '',
    ...(disagreements.length ? ['Disagreements:', '', ...disagreements, ''] : []),
  ];
}
