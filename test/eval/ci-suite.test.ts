import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval, type EvalResult } from '../../src/eval/index.ts';
import { planCassettes } from './cassettes.ts';
import { CI_CASSETTES, CI_SUITE, REPO, tempDir } from './support.ts';

const claimsOf = (result: EvalResult, prompt: string, flow: string, sample: number) =>
  result.reports.find((r) => r.prompt === prompt && r.flow_id === flow && r.sample === sample)!.check!.claims;

describe('CI suite (eval/suites/ci.yaml) on committed cassettes', () => {
  it('has one committed cassette per rendered request, and no stale ones', async () => {
    const { planned } = await planCassettes(CI_SUITE);
    const committed = readdirSync(CI_CASSETTES).filter((f) => f.endsWith('.json')).sort();
    const expected = planned.map((p) => `${p.key.replace(/[^A-Za-z0-9]+/g, '-')}.json`).sort();
    // A mismatch means a prompt, table or table Markdown changed: run `npx tsx test/eval/build-cassettes.ts`.
    expect(committed, 'the prompts or tables changed: rebuild with `npx tsx test/eval/build-cassettes.ts`').toEqual(expected);
    expect(planned).toHaveLength(16);
  });

  it('replays both prompt versions, checks every answer and reports the figures', async () => {
    await using dir = tempDir();
    const result = await runEval(CI_SUITE, { outDir: dir.path, cwd: REPO });
    const [v1, v2] = result.metrics;
    expect(result.reports.filter((r) => r.status === 'failed').map((r) => r.error)).toEqual([]);
    console.log(
      result.metrics
        .map((m) => `${m.prompt}: ${m.hallucinated_per_100_reports} hallucinated claims per 100 reports, supported share ${(100 * m.supported_share).toFixed(1)} % (${m.claims} claims, ${m.contradicted} contradicted, ${m.unsupported} unsupported, ${m.speculative} speculative)`)
        .join('\n'),
    );
    expect(result.provider).toEqual({ name: 'replay', model: 'hand-written-llm-style' });
    expect(result.flows).toEqual(['3943031', '401', '402', '403']);
    expect(v1).toMatchObject({ prompt: 'explain-flow@v1', reports: 8, failed: 0, grounded_reports: 0 });
    expect(v2).toMatchObject({ prompt: 'explain-flow@v2', reports: 8, failed: 0, unsupported: 0, max_unsupported_in_report: 0 });
    // The hand-written v1 answers plant about 30 hallucinations, v2 one (a digit swap). The checker's
    // own misses and false flags set the exact count, and it evolves, so the test holds a band.
    expect(v1!.hallucinated_per_100_reports).toBeGreaterThanOrEqual(200);
    expect(v1!.supported_share).toBeLessThan(0.9);
    expect(v2!.hallucinated_per_100_reports).toBeLessThanOrEqual(25);
    expect(v2!.supported_share).toBeGreaterThanOrEqual(0.97);
    expect(v1!.hallucinated).toBe(v1!.contradicted + v1!.unsupported);
    expect(v1!.hallucinated_per_100_reports).toBe((100 * v1!.hallucinated) / 8);
    expect(result.thresholds.map((t) => [t.name, t.prompt, t.passed])).toEqual([
      ['min_supported_share', 'explain-flow@v2', true],
      ['max_unsupported_per_report', 'explain-flow@v2', true],
      ['max_regression', 'explain-flow@v2', true],
    ]);
    expect(result.passed).toBe(true);

    // Planted hallucinations, each found with the right verdict.
    const verdictOf = (prompt: string, flow: string, sample: number, text: string) => claimsOf(result, prompt, flow, sample).find((c) => c.text === text)?.verdict;
    expect(verdictOf('explain-flow@v1', '3943031', 1, 'Netherlands')).toBe('unsupported');
    expect(verdictOf('explain-flow@v1', '402', 0, 'RST')).toBe('contradicted');
    expect(verdictOf('explain-flow@v1', '403', 1, '7 bytes')).toBe('contradicted');
    expect(verdictOf('explain-flow@v2', '3943031', 1, '3370 packets')).toBe('contradicted');

    // The comparison: per flow, v2 vs v1, with the claims that went away and the one that came in.
    const seed = result.diffs.find((d) => d.flow_id === '3943031')!;
    expect(seed.hallucinated.delta).toBeLessThan(0);
    expect(seed.disappeared).toContainEqual({ text: 'Netherlands', kind: 'entity', verdict: 'unsupported' });
    expect(seed.appeared).toContainEqual({ text: '3370 packets', kind: 'quantity', verdict: 'contradicted' });
    expect(result.diffs.map((d) => d.flow_id)).toEqual(['3943031', '401', '402', '403']);

    for (const file of Object.values(result.files)) expect(existsSync(file)).toBe(true);
    const summary = readFileSync(join(dir.path, 'summary.md'), 'utf8');
    expect(summary).toContain('# Eval: ci — PASSED');
    expect(summary).toContain(`| explain-flow@v2 | 8 | **${v2!.hallucinated_per_100_reports}** |`);
    const json = JSON.parse(readFileSync(join(dir.path, 'result.json'), 'utf8')) as EvalResult;
    expect(json.metrics).toEqual(result.metrics);
  });
});
