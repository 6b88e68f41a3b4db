import { describe, expect, it } from 'vitest';
import { comparePrompts, computeMetrics, evaluateThresholds, normaliseClaim, parseJudgeAnswer } from '../../src/eval/index.ts';
import type { CheckedClaim, EvalReport } from '../../src/eval/types.ts';

function claim(text: string, verdict: CheckedClaim['verdict'], kind = 'quantity'): CheckedClaim {
  return { text, start: 0, end: text.length, kind, verdict, reason: `${verdict} because` };
}

function report(prompt: string, flow_id: string, sample: number, claims: CheckedClaim[]): EvalReport {
  const n = (v: string) => claims.filter((c) => c.verdict === v).length;
  const [supported, contradicted, unsupported, speculative] = ['supported', 'contradicted', 'unsupported', 'speculative'].map(n) as [number, number, number, number];
  const judged = claims.length - speculative;
  return {
    flow_id, sample, prompt, status: 'done', text: claims.map((c) => c.text).join(' '),
    check: { claims, summary: { claims: claims.length, supported, contradicted, unsupported, speculative, hallucinated: contradicted + unsupported, supported_share: judged ? supported / judged : 1, grounded: contradicted + unsupported === 0 } },
  };
}

const REPORTS: EvalReport[] = [
  report('p@v1', 'a', 0, [claim('4.76 MB', 'supported'), claim('Netherlands', 'unsupported', 'entity'), claim('3370 packets', 'contradicted')]),
  report('p@v1', 'a', 1, [claim('4.76 MB', 'supported'), claim('hosting provider', 'unsupported', 'entity'), claim('data center', 'unsupported', 'entity')]),
  report('p@v1', 'b', 0, [claim('443', 'supported', 'port'), claim('may indicate a scan', 'speculative', 'entity')]),
  report('p@v2', 'a', 0, [claim('4.76  MB.', 'supported'), claim('IN_PKTS = 3730', 'supported')]),
  report('p@v2', 'a', 1, [claim('4.76 mb', 'supported'), claim('Netherlands', 'unsupported', 'entity')]),
  report('p@v2', 'b', 0, [claim('443', 'supported', 'port')]),
  { flow_id: 'b', sample: 1, prompt: 'p@v2', status: 'failed', text: '', error: { class: 'CassetteMissError', message: 'no cassette' } },
];

describe('computeMetrics', () => {
  it('counts hallucinated claims per 100 checked reports beside the supported share', () => {
    expect(computeMetrics('p@v1', REPORTS)).toEqual({
      prompt: 'p@v1', reports: 3, failed: 0, claims: 8, supported: 3, contradicted: 1, unsupported: 3, speculative: 1,
      hallucinated: 4, hallucinated_per_100_reports: 133.33, supported_share: 0.4286, max_unsupported_in_report: 2, grounded_reports: 1,
    });
  });

  it('keeps failed calls out of the claim counts but counts them', () => {
    expect(computeMetrics('p@v2', REPORTS)).toMatchObject({ reports: 3, failed: 1, claims: 5, hallucinated: 1, hallucinated_per_100_reports: 33.33, supported_share: 0.8 });
  });

  it('tallies judge opinions when there are any', () => {
    const judged = [{ ...REPORTS[0]!, judge: { 1: { verdict: 'unsupported' as const, reason: 'no row' } } }];
    expect(computeMetrics('p@v1', judged).judge).toEqual({ supported: 0, contradicted: 0, unsupported: 1, speculative: 0, unparsed: 0 });
  });
});

describe('comparePrompts', () => {
  it('matches claims by normalised text and kind and lists what appeared and disappeared per flow', () => {
    const [a, b] = comparePrompts(REPORTS, ['a', 'b'], 'p@v1', 'p@v2');
    expect(a).toEqual({
      flow_id: 'a', baseline: 'p@v1', candidate: 'p@v2',
      hallucinated: { baseline: 2, candidate: 0.5, delta: -1.5 },
      supported_share: { baseline: 0.3333, candidate: 0.75, delta: 0.4167 },
      appeared: [{ text: 'IN_PKTS = 3730', kind: 'quantity', verdict: 'supported' }],
      disappeared: [
        { text: '3370 packets', kind: 'quantity', verdict: 'contradicted' },
        { text: 'hosting provider', kind: 'entity', verdict: 'unsupported' },
        { text: 'data center', kind: 'entity', verdict: 'unsupported' },
      ],
    });
    expect(b!.appeared).toEqual([]);
    expect(b!.disappeared).toEqual([{ text: 'may indicate a scan', kind: 'entity', verdict: 'speculative' }]);
  });

  it('normalises case, spacing and trailing punctuation, not the kind', () => {
    expect(normaliseClaim('quantity', ' 4.76  MB. ')).toBe(normaliseClaim('quantity', '4.76 mb'));
    expect(normaliseClaim('port', '443')).not.toBe(normaliseClaim('quantity', '443'));
  });
});

describe('evaluateThresholds', () => {
  const metrics = [computeMetrics('p@v1', REPORTS), computeMetrics('p@v2', REPORTS)];

  it('applies absolute gates to gated prompts and the regression gate to candidates', () => {
    const checks = evaluateThresholds(metrics, { thresholds: { min_supported_share: 0.5, max_unsupported_per_report: 1, max_regression: 0 }, baseline: 'p@v1', gated: ['p@v2'] });
    expect(checks.map((c) => [c.name, c.prompt, c.actual, c.passed])).toEqual([
      ['min_supported_share', 'p@v2', 0.8, false], // a failed call fails the gate
      ['max_unsupported_per_report', 'p@v2', 1, false],
      ['max_regression', 'p@v2', -100, false], // better, but p@v2 has a failed report
    ]);
    expect(checks[2]!.message).toBe('p@v2: -100 hallucinated claims per 100 reports vs p@v1 (limit +0) (1 reports failed)');
  });

  it('fails a candidate that hallucinates more than the baseline allows', () => {
    const checks = evaluateThresholds(metrics, { thresholds: { max_regression: 0 }, baseline: 'p@v2', gated: [] });
    expect(checks).toEqual([expect.objectContaining({ name: 'max_regression', prompt: 'p@v1', actual: 100, passed: false })]);
    const clean = evaluateThresholds([computeMetrics('p@v1', REPORTS.slice(0, 3)), computeMetrics('p@v2', REPORTS.slice(3, 6))], { thresholds: { max_regression: 0 }, baseline: 'p@v1', gated: [] });
    expect(clean).toEqual([expect.objectContaining({ prompt: 'p@v2', actual: -100, passed: true, message: 'p@v2: -100 hallucinated claims per 100 reports vs p@v1 (limit +0)' })]);
  });
});

describe('parseJudgeAnswer', () => {
  it('reads verdicts by 1-based claim number, tolerating prose and fences around the JSON', () => {
    const answer = 'Here you go:\n```json\n{"verdicts":[{"claim":2,"verdict":"Contradicted","reason":"IN_PKTS is 3730"},{"claim":1,"verdict":"unsupported","reason":"no owner row"},{"claim":9,"verdict":"supported"}]}\n```';
    expect(parseJudgeAnswer(answer, [4, 7, 9])).toEqual({
      4: { verdict: 'unsupported', reason: 'no owner row' },
      7: { verdict: 'contradicted', reason: 'IN_PKTS is 3730' },
      9: { verdict: 'unparsed', reason: 'the judge gave no verdict for this claim' },
    });
  });

  it('marks every claim unparsed when the answer is not JSON, and unknown verdicts as such', () => {
    expect(parseJudgeAnswer('I think they are fine.', [0])).toEqual({ 0: { verdict: 'unparsed', reason: 'unreadable judge answer: I think they are fine.' } });
    expect(parseJudgeAnswer('{"verdicts":[{"claim":1,"verdict":"maybe"}]}', [3])).toEqual({ 3: { verdict: 'unparsed', reason: 'unknown verdict `maybe`' } });
  });
});
