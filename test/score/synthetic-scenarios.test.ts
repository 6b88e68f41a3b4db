import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORER } from '../../src/score/index.ts';
import { selectTables } from '../../src/table/index.ts';

const demo = resolve(import.meta.dirname, '../../fixtures/flows/demo.csv');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-scenarios-'));

interface ScoreLine {
  flow_id: string;
  score: number;
  rank: number;
  Attack: string;
}

interface ScenarioFigures {
  flows: number;
  bestRank: number;
  medianRank: number;
  /** Share of the scenario's flows ranked within the top 1 % of all flows. */
  inTop1pct: string;
  /** Benign flows scoring at or above the scenario's best flow. */
  benignAbove: number;
}

function figures(lines: readonly ScoreLine[], top: number): Map<string, ScenarioFigures> {
  const benign = lines.filter((l) => l.Attack === 'Benign').map((l) => l.score);
  const byScenario = new Map<string, ScoreLine[]>();
  for (const l of lines) if (l.Attack !== 'Benign') byScenario.set(l.Attack, [...(byScenario.get(l.Attack) ?? []), l]);
  return new Map(
    [...byScenario].map(([attack, flows]) => {
      const ranks = flows.map((l) => l.rank).sort((a, b) => a - b);
      const best = Math.max(...flows.map((l) => l.score));
      return [
        attack,
        {
          flows: flows.length,
          bestRank: ranks[0]!,
          medianRank: ranks[Math.floor(ranks.length / 2)]!,
          inTop1pct: `${Math.round((100 * ranks.filter((r) => r <= top).length) / ranks.length)} %`,
          benignAbove: benign.filter((s) => s >= best).length,
        },
      ];
    }),
  );
}

/**
 * Rule pinned here (issue 4): every injected scenario of the demo data (each non-benign Attack
 * value) lands in the top 1 % of scores under the default scorer — its best-scored flow ranks
 * within the top 1 % of ALL flows (200 of 20,000), the other scenarios' flows included. Labels are
 * read only here, after scoring. Per-scenario figures (best and median rank, share of its flows in
 * the top 1 %, benign flows at or above its best) are printed for the report.
 */
describe.skipIf(!existsSync(demo))(`injected scenarios of fixtures/flows/demo.csv under ${DEFAULT_SCORER}`, () => {
  it('each has its best flow in the top 1 % of all scores', async () => {
    const scoresFile = join(dir, 'scores.jsonl');
    const { tables } = await selectTables(demo, { top: 10, scoresFile, ingest: { quarantineFile: join(dir, 'q.jsonl') } });
    const lines = readFileSync(scoresFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ScoreLine);
    const top = Math.floor(lines.length / 100);
    const byScenario = figures(lines, top);
    console.table(Object.fromEntries(byScenario));
    expect(lines).toHaveLength(20_000);
    expect(lines.filter((l) => !Number.isFinite(l.score))).toEqual([]);
    // Attribution survives the mixed views: every top flow's contributions are numbers (or null for a null value).
    const badContributions = tables.flatMap((t) => t.features.filter((r) => r.contribution !== null && !Number.isFinite(r.contribution)));
    expect(badContributions).toEqual([]);
    expect([...byScenario.keys()].sort()).toEqual(['Beacon', 'BulkUpload', 'DNSTunnel', 'PortScan', 'SYNFlood']);
    for (const [attack, f] of byScenario) expect({ attack, bestRank: f.bestRank <= top }).toEqual({ attack, bestRank: true });
  }, 120_000);
});
