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

/**
 * Rule pinned here: for every injected scenario (each non-benign Attack value of the demo data), the
 * scenario's highest-scored flow scores above all but 1 % of the benign flows — i.e. a threshold that
 * flags 1 % of the normal traffic flags at least one flow of every scenario under the default scorer.
 * The other scenarios' flows are not counted against it: the 250 port-scan flows alone fill 125 of
 * the 200 top-1 % places among all flows (those ranks are printed for the report).
 */
describe.skipIf(!existsSync(demo))(`injected scenarios of fixtures/flows/demo.csv under ${DEFAULT_SCORER}`, () => {
  it('each has a flow in the top 1 % of scores against the benign flows', async () => {
    const scoresFile = join(dir, 'scores.jsonl');
    await selectTables(demo, { top: 1, scoresFile, ingest: { quarantineFile: join(dir, 'q.jsonl') } });
    const lines = readFileSync(scoresFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ScoreLine);
    const benign = lines.filter((l) => l.Attack === 'Benign').map((l) => l.score);
    const allowed = Math.floor(benign.length / 100);
    const best = new Map<string, ScoreLine>();
    for (const l of lines) {
      if (l.Attack === 'Benign') continue;
      const seen = best.get(l.Attack);
      if (!seen || l.score > seen.score) best.set(l.Attack, l);
    }
    const benignAbove = Object.fromEntries([...best].map(([a, l]) => [a, benign.filter((s) => s >= l.score).length]));
    console.log(`benign flows scoring at or above each scenario's best flow (at most ${allowed}):`, benignAbove);
    console.log('rank of each scenario best flow among all flows:', Object.fromEntries([...best].map(([a, l]) => [a, l.rank])));
    expect([...best.keys()].sort()).toEqual(['Beacon', 'BulkUpload', 'DNSTunnel', 'PortScan', 'SYNFlood']);
    for (const [attack, above] of Object.entries(benignAbove)) expect({ attack, above: above <= allowed }).toEqual({ attack, above: true });
  }, 120_000);
});
