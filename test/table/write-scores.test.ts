import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScoresWriter } from '../../src/table/write-scores.ts';
import { makeFlow } from '../factories/flow.ts';

describe('createScoresWriter', () => {
  it('writes what JSON.stringify({flow_id, line, score, rank, ...labels}) writes, labels named like its keys included', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowlens-scores-')), 'scores.jsonl');
    const flows = [
      makeFlow({ id: 'a"1', line: 2, labels: {} }),
      makeFlow({ id: '2', line: 3, labels: { Label: '1', Attack: 'Port\tScan "x"' } }),
      makeFlow({ id: '3', line: 4, labels: { score: 'label score', Attack: 'x' } }),
      makeFlow({ id: '4', line: 5, labels: { note: '"rank":' } }),
    ];
    const scores = Float64Array.from([0.5, 0.25, 1e-7, 0.5]);
    const writer = createScoresWriter(file);
    await writer.add(flows.slice(0, 2).map((flow) => ({ flow })));
    await writer.add(flows.slice(2).map((flow) => ({ flow })));
    const rank = (s: number): number => 1 + [...scores].filter((x) => x > s).length;
    expect(await writer.finish(scores, rank)).toBe(4);
    const expected = flows.map((f, i) => `${JSON.stringify({ flow_id: f.id, line: f.line, score: scores[i], rank: rank(scores[i]!), ...f.labels })}\n`).join('');
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(existsSync(`${file}.${process.pid}.partial`)).toBe(false);
  });
});
