import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/index.ts';
import { writeFlowsCsv } from '../table/flows-csv.ts';
import { tempDir, writeSuite } from './support.ts';

describe('a suite over a flows file', () => {
  it('selects the top N flows through the pipeline and runs the offline narrator, which checks clean', async () => {
    await using dir = tempDir();
    const t0 = 1_700_000_000_000;
    writeFlowsCsv(dir.path, 'flows.csv', 200, [
      { start: t0 + 1_400_000, src: '10.0.3.9', dport: 443, duration: 64_000, inBytes: 48_200_000, inPkts: 36_100 },
      { start: t0 + 1_401_000, src: '10.0.1.200', dport: 8080, duration: 2, inBytes: 9_800, inPkts: 140 },
    ]);
    const suite = writeSuite(dir.path, {
      name: 'offline',
      flows: { file: 'flows.csv', top: 2 },
      prompts: ['explain-flow@v1', 'explain-flow@v2'],
      provider: { name: 'offline' },
      repeats: 2,
      thresholds: { min_supported_share: 1, max_unsupported_per_report: 0, max_regression: 0 },
    });
    const result = await runEval(suite, { outDir: join(dir.path, 'out'), cacheDir: false, cwd: dir.path });
    expect(result.flows).toHaveLength(2);
    expect(result.reports).toHaveLength(8);
    for (const m of result.metrics) expect(m).toMatchObject({ reports: 4, failed: 0, hallucinated: 0, supported_share: 1 });
    expect(result.metrics[0]!.claims).toBeGreaterThan(20);
    // The offline narrator ignores the prompt: both versions make the same claims.
    for (const d of result.diffs) expect([d.appeared, d.disappeared]).toEqual([[], []]);
    expect(result.passed).toBe(true);
  });
});
