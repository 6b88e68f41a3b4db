import { escapeHtml } from './html-escape.ts';
import type { CheckedClaim, EvalReport, JudgeOpinion } from './types.ts';

/** The hover text of a claim: verdict, kind, reason, and the evidence rows/derivation. */
export function claimTitle(claim: CheckedClaim): string {
  const lines = [`${claim.verdict.toUpperCase()} (${claim.kind}): ${claim.reason}`];
  const ev = claim.evidence;
  if (ev && ev.rows.length > 0) lines.push(`Evidence: ${ev.rows.map((r, i) => `${r} = ${ev.values[i] ?? 'null'}`).join('; ')}`);
  if (ev?.derivation) lines.push(`Derivation: ${ev.derivation}`);
  return lines.join('\n');
}

function judgeBadge(opinion: JudgeOpinion | undefined): string {
  if (!opinion) return '';
  const title = `LLM judge (second opinion; the checker's verdict stands): ${opinion.verdict}. ${opinion.reason}`;
  return `<span class="judge" data-judge="${escapeHtml(opinion.verdict)}" title="${escapeHtml(title)}">judge: ${escapeHtml(opinion.verdict)}</span>`;
}

/**
 * The narrative as HTML with each claim wrapped in a `<mark>` coloured by verdict, its reason and
 * evidence in the title. Overlapping spans keep the earlier claim (the rest stay in the claim list).
 */
export function highlightNarrative(report: EvalReport): string {
  const text = report.text;
  const claims = (report.check?.claims ?? []).map((claim, index) => ({ claim, index })).sort((a, b) => a.claim.start - b.claim.start || b.claim.end - a.claim.end);
  let html = '';
  let at = 0;
  for (const { claim, index } of claims) {
    if (claim.start < at || claim.end > text.length || claim.end <= claim.start) continue;
    html += escapeHtml(text.slice(at, claim.start));
    html += `<mark class="claim v-${claim.verdict}" data-verdict="${claim.verdict}" data-kind="${escapeHtml(claim.kind)}" title="${escapeHtml(claimTitle(claim))}">${escapeHtml(text.slice(claim.start, claim.end))}</mark>`;
    html += judgeBadge(report.judge?.[index]);
    at = claim.end;
  }
  return html + escapeHtml(text.slice(at));
}
