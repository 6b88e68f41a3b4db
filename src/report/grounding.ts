import type { CheckResult, CheckSummary } from './deps.ts';
import { escapeMarkdown } from './markdown-safe.ts';

/** The Grounding section body: claim counts, then every contradicted or unsupported claim with its reason. */
export function groundingSection(check: CheckResult): string {
  const s = check.summary;
  const lines = [groundingLine(s)];
  const flagged = check.claims.filter((c) => c.verdict === 'contradicted' || c.verdict === 'unsupported');
  if (flagged.length > 0) {
    lines.push('', '| Verdict | Claim | Reason |', '|---|---|---|');
    for (const c of flagged) lines.push(`| ${c.verdict} | ${cell(c.text)} | ${cell(c.reason)} |`);
  }
  return lines.join('\n');
}

/** One line: "12 claims: 10 supported, 0 contradicted, 0 unsupported, 2 speculative — grounded." */
export function groundingLine(s: CheckSummary): string {
  const verdict = s.grounded ? 'grounded' : `**not grounded** (${s.hallucinated} claim${s.hallucinated === 1 ? '' : 's'} the table does not back)`;
  return `${s.claims} claims: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported, ${s.speculative} speculative — ${verdict}.`;
}

/** Short form for the run index. */
export function groundingBadge(s: CheckSummary): string {
  if (s.grounded) return `✅ ${s.supported}/${s.claims - s.speculative} supported`;
  return `⚠️ ${s.contradicted} contradicted, ${s.unsupported} unsupported`;
}

function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}
