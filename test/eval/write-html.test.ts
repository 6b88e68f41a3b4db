import { describe, expect, it } from 'vitest';
import { evalToHtml } from '../../src/eval/index.ts';
import { highlightNarrative } from '../../src/eval/highlight-claims.ts';
import type { EvalReport, EvalResult } from '../../src/eval/types.ts';

const TEXT = 'Flow <b>x</b> & "y": IN_BYTES = 60 bytes </script><script>alert(1)</script> in the Netherlands.';

function hostileReport(): EvalReport {
  const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as const;
  const [s1, e1] = at('60 bytes');
  const [s2, e2] = at('Netherlands');
  return {
    flow_id: 'f"1<', sample: 0, prompt: 'p@v1', status: 'done', text: TEXT,
    check: {
      claims: [
        { text: '60 bytes', start: s1, end: e1, kind: 'quantity', verdict: 'supported', reason: 'IN_BYTES is 60 bytes "exactly" <ok>', evidence: { rows: ['IN_BYTES'], values: [60], derivation: 'a < b & c' } },
        { text: 'Netherlands', start: s2, end: e2, kind: 'entity', verdict: 'unsupported', reason: "A flow table can't show this" },
        { text: 'bytes', start: e1 - 5, end: e1, kind: 'quantity', verdict: 'contradicted', reason: 'overlaps the first claim' },
      ],
      summary: { claims: 3, supported: 1, contradicted: 1, unsupported: 1, speculative: 0, hallucinated: 2, supported_share: 0.5, grounded: false },
    },
    judge: { 1: { verdict: 'supported', reason: 'judge says <yes>' } },
  };
}

describe('eval HTML', () => {
  it('wraps each claim in a mark with its verdict class and an escaped title; overlapping spans keep the first', () => {
    expect(highlightNarrative(hostileReport())).toBe(
      'Flow &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;: IN_BYTES = ' +
        '<mark class="claim v-supported" data-verdict="supported" data-kind="quantity" title="SUPPORTED (quantity): IN_BYTES is 60 bytes &quot;exactly&quot; &lt;ok&gt;\nEvidence: IN_BYTES = 60\nDerivation: a &lt; b &amp; c">60 bytes</mark>' +
        ' &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; in the ' +
        '<mark class="claim v-unsupported" data-verdict="unsupported" data-kind="entity" title="UNSUPPORTED (entity): A flow table can&#39;t show this">Netherlands</mark>' +
        '<span class="judge" data-judge="supported" title="LLM judge (second opinion; the checker&#39;s verdict stands): supported. judge says &lt;yes&gt;">judge: supported</span>.',
    );
  });

  it('is one self-contained page: no external references, the narrative never breaks out of its element', () => {
    const result = {
      suite: { name: '<suite>', file: 's.yaml' }, at: 'now', provider: { name: 'replay', model: 'm' }, prompts: ['p@v1'], baseline: 'p@v1', repeats: 1,
      flows: ['f"1<'], metrics: [], diffs: [], thresholds: [], passed: true, reports: [hostileReport()], judged: true,
      files: { markdown: '', json: '', html: '' },
    } as EvalResult;
    const html = evalToHtml(result, []);
    expect(html).not.toMatch(/\b(?:src|href)=/);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('<title>flowlens eval: &lt;suite&gt;</title>');
    expect(html).toContain('<section class="flow" id="flow-f&quot;1&lt;">');
  });
});
