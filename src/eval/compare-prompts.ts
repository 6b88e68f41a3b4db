import type { ClaimRef, EvalReport, FlowDiff } from './types.ts';

/** Claims match across versions by kind and text, case-folded, whitespace and trailing punctuation collapsed. */
export function normaliseClaim(kind: string, text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s"'“”‘’(*_`]+|[\s"'“”‘’).,;:*_`]+$/g, '');
  return `${kind}|${folded}`;
}

/** Unique hallucination-relevant claims of a set of reports, keyed by normalised kind + text. */
function claimSet(reports: readonly EvalReport[]): Map<string, ClaimRef> {
  const set = new Map<string, ClaimRef>();
  for (const r of reports) {
    for (const c of r.check?.claims ?? []) {
      const key = normaliseClaim(c.kind, c.text);
      if (!set.has(key)) set.set(key, { text: c.text, kind: c.kind, verdict: c.verdict });
    }
  }
  return set;
}

function meanOf(reports: readonly EvalReport[], pick: (r: EvalReport) => number): number {
  const checked = reports.filter((r) => r.check);
  return checked.length === 0 ? 0 : Number((checked.reduce((a, r) => a + pick(r), 0) / checked.length).toFixed(4));
}

const hallucinated = (r: EvalReport): number => r.check!.summary.hallucinated;
const share = (r: EvalReport): number => r.check!.summary.supported_share;

/**
 * Per flow, how a candidate prompt differs from the baseline prompt on the same tables: mean
 * hallucinated claims and supported share per report, and which claims appeared or disappeared.
 */
export function comparePrompts(reports: readonly EvalReport[], flows: readonly string[], baseline: string, candidate: string): FlowDiff[] {
  return flows.map((flow_id) => {
    const base = reports.filter((r) => r.flow_id === flow_id && r.prompt === baseline);
    const cand = reports.filter((r) => r.flow_id === flow_id && r.prompt === candidate);
    const before = claimSet(base);
    const after = claimSet(cand);
    const h = { baseline: meanOf(base, hallucinated), candidate: meanOf(cand, hallucinated) };
    const s = { baseline: meanOf(base, share), candidate: meanOf(cand, share) };
    return {
      flow_id,
      baseline,
      candidate,
      hallucinated: { ...h, delta: Number((h.candidate - h.baseline).toFixed(4)) },
      supported_share: { ...s, delta: Number((s.candidate - s.baseline).toFixed(4)) },
      appeared: [...after].filter(([k]) => !before.has(k)).map(([, c]) => c),
      disappeared: [...before].filter(([k]) => !after.has(k)).map(([, c]) => c),
    };
  });
}
