import { tableToMarkdown, type FeatureTable } from './deps.ts';
import { claimTitle, highlightNarrative } from './highlight-claims.ts';
import { PAGE_CSS, PAGE_JS } from './html-assets.ts';
import { escapeHtml } from './html-escape.ts';
import type { EvalReport, EvalResult, FlowDiff, PromptMetrics } from './types.ts';

const VERDICTS = ['supported', 'contradicted', 'unsupported', 'speculative'] as const;
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function metricsTable(metrics: readonly PromptMetrics[], baseline: string): string {
  const head = ['Prompt', 'Reports', 'Hallucinated / 100 reports', 'Supported share', 'Claims', 'Contradicted', 'Unsupported', 'Speculative', 'Grounded reports', 'Failed'];
  const rows = metrics.map(
    (m) =>
      `<tr><td>${escapeHtml(m.prompt)}${m.prompt === baseline ? ' <em>(baseline)</em>' : ''}</td><td>${m.reports}</td><td class="headline">${m.hallucinated_per_100_reports}</td><td class="headline">${pct(m.supported_share)}</td><td>${m.claims}</td><td>${m.contradicted}</td><td>${m.unsupported}</td><td>${m.speculative}</td><td>${m.grounded_reports}/${m.reports}</td><td>${m.failed}</td></tr>`,
  );
  return `<table class="metrics"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function legend(): string {
  const items = VERDICTS.map(
    (v) => `<label><input type="checkbox" checked data-verdict="${v}"> <span class="swatch claim v-${v}"></span>${v}</label>`,
  );
  return `<div class="legend"><strong>Verdicts</strong> ${items.join(' ')} <span class="judge" title="An LLM's second opinion on a claim the checker marked unsupported">judge: …</span> <span class="meta">Hover a highlighted claim for its reason and evidence; untick a verdict to hide its highlights.</span></div>`;
}

function sampleCard(report: EvalReport): string {
  if (report.status === 'failed') return `<div class="sample"><div class="counts">sample ${report.sample}</div><p class="failed">Call failed: ${escapeHtml(`${report.error?.class}: ${report.error?.message}`)}</p></div>`;
  const s = report.check!.summary;
  const counts = `sample ${report.sample} · ${s.claims} claims: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported, ${s.speculative} speculative`;
  return `<div class="sample" data-prompt="${escapeHtml(report.prompt)}" data-sample="${report.sample}"><div class="counts">${counts}</div><pre class="narrative">${highlightNarrative(report)}</pre>${claimList(report)}</div>`;
}

/** Every claim with its verdict and reason, including any whose span overlaps another's highlight. */
function claimList(report: EvalReport): string {
  const items = report.check!.claims.map((c, i) => {
    const judge = report.judge?.[i];
    return `<li><span class="claim v-${c.verdict}" title="${escapeHtml(claimTitle(c))}">${escapeHtml(c.text)}</span> ${c.verdict}: ${escapeHtml(c.reason)}${judge ? ` <em>(judge: ${escapeHtml(judge.verdict)})</em>` : ''}</li>`;
  });
  return `<details class="claim-list"><summary>All ${items.length} claims</summary><ol>${items.join('')}</ol></details>`;
}

function diffBlock(diff: FlowDiff): string {
  const d = diff.hallucinated.delta;
  const cls = d < 0 ? 'better' : d > 0 ? 'worse' : '';
  const item = (label: string, c: FlowDiff['appeared'][number]): string =>
    `<li>${label} <code>${escapeHtml(c.text)}</code> <span class="claim v-${c.verdict}" title="${escapeHtml(`${c.verdict} (${c.kind})`)}">${c.verdict}</span></li>`;
  const list = [...diff.disappeared.map((c) => item('gone:', c)), ...diff.appeared.map((c) => item('new:', c))];
  return `<div class="changes"><p><strong>${escapeHtml(diff.candidate)} vs ${escapeHtml(diff.baseline)}</strong>: hallucinated claims per report ${diff.hallucinated.baseline} → ${diff.hallucinated.candidate} <span class="delta ${cls}">(${d > 0 ? '+' : ''}${d})</span>; supported share ${pct(diff.supported_share.baseline)} → ${pct(diff.supported_share.candidate)}</p>${list.length ? `<details><summary>${diff.disappeared.length} claims gone, ${diff.appeared.length} new</summary><ul>${list.join('')}</ul></details>` : '<p>Same claims under both prompts.</p>'}</div>`;
}

function flowSection(result: EvalResult, table: FeatureTable | undefined, flowId: string): string {
  const columns = result.prompts.map((prompt) => {
    const cards = result.reports.filter((r) => r.flow_id === flowId && r.prompt === prompt).map(sampleCard);
    return `<div class="version"><h3>${escapeHtml(prompt)}</h3>${cards.join('')}</div>`;
  });
  const diffs = result.diffs.filter((d) => d.flow_id === flowId).map(diffBlock).join('');
  const tableBlock = table ? `<details><summary>Feature table</summary><pre class="table-md">${escapeHtml(tableToMarkdown(table))}</pre></details>` : '';
  return `<section class="flow" id="flow-${escapeHtml(flowId)}"><h2>Flow ${escapeHtml(flowId)}</h2>${diffs}<div class="versions" style="grid-template-columns: repeat(${result.prompts.length}, minmax(0, 1fr))">${columns.join('')}</div>${tableBlock}</section>`;
}

/**
 * The eval page: one self-contained HTML file (inline CSS and JS, no external assets) with the
 * headline metrics, the thresholds, and per flow the prompt versions side by side, every claim
 * highlighted by verdict with its reason and evidence on hover.
 */
export function evalToHtml(result: EvalResult, tables: readonly FeatureTable[]): string {
  const byId = new Map(tables.map((t) => [t.flow_id, t]));
  const thresholds = result.thresholds.map((t) => `<li class="${t.passed ? 'pass' : 'fail'}">${t.passed ? 'pass' : 'FAIL'}: ${escapeHtml(t.message)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>flowlens eval: ${escapeHtml(result.suite.name)}</title><style>${PAGE_CSS}</style></head>
<body>
<h1>Eval: ${escapeHtml(result.suite.name)} <span class="badge ${result.passed ? 'pass' : 'fail'}">${result.passed ? 'PASSED' : 'FAILED'}</span></h1>
<p class="meta">${escapeHtml(result.suite.description?.trim() ?? '')} Provider <code>${escapeHtml(result.provider.name)}</code>, model <code>${escapeHtml(result.provider.model)}</code>; ${result.flows.length} flows × ${result.repeats} sample(s) per prompt; ${escapeHtml(result.at)}.</p>
${metricsTable(result.metrics, result.baseline)}
<ul class="thresholds">${thresholds || '<li>No thresholds set.</li>'}</ul>
${legend()}
${result.flows.map((id) => flowSection(result, byId.get(id), id)).join('\n')}
<div id="tip" role="tooltip"></div>
<script>${PAGE_JS}</script>
</body></html>
`;
}
