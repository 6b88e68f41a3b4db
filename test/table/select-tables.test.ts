import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError, InputError } from '../../src/errors.ts';
import { saveBaseline } from '../../src/score/index.ts';
import { fitBaselineFile, selectTables, type FeatureTable } from '../../src/table/index.ts';
import { writeFlowsCsv } from './flows-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowlens-select-'));
const ingest = { quarantineFile: join(dir, 'quarantine.jsonl') };
const big = { inBytes: 80_000_000, inPkts: 60_000, duration: 900, attack: 'exfiltration' };
const flows = writeFlowsCsv(dir, 'flows.csv', 300, [big]);

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}
const finiteEverywhere = (tables: FeatureTable[]): boolean => numbersIn(tables).every(Number.isFinite);

describe.each(['isolation-forest', 'robust-z'] as const)('selectTables with %s', (scorer) => {
  it('puts the elephant flow first, with rank, of and no labels, and writes every score', async () => {
    const scoresFile = join(dir, `scores-${scorer}.jsonl`);
    const { tables, summary } = await selectTables(flows, { scorer, top: 3, scoresFile, ingest });
    expect(tables).toHaveLength(3);
    expect(tables[0]!.flow_id).toBe('301');
    expect(tables[0]!.score).toMatchObject({ method: scorer, rank: 1, of: 301 });
    expect(tables.map((t) => t.score!.rank)).toEqual([1, 2, 3]);
    expect(JSON.stringify(tables)).not.toMatch(/exfiltration|"Attack"|"Label"/);
    expect(finiteEverywhere(tables)).toBe(true);
    expect(summary).toMatchObject({ scored: 301, selected: 3, method: scorer });
    const lines = readFileSync(scoresFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(301);
    expect(lines.find((l) => l.flow_id === '301')).toMatchObject({ rank: 1, Label: '1', Attack: 'exfiltration' });
    expect(lines[0]).toMatchObject({ flow_id: '1', Label: '0', Attack: 'Benign' });
  });
});

describe('selectTables', () => {
  it('selects by --ids and by --threshold', async () => {
    const byIds = await selectTables(flows, { ids: ['5', '301', 'nope'], ingest });
    expect(byIds.tables.map((t) => t.flow_id)).toEqual(['301', '5']);
    expect(byIds.summary.missingIds).toEqual(['nope']);
    const byThreshold = await selectTables(flows, { threshold: 0.6, ingest });
    expect(byThreshold.tables.map((t) => t.flow_id)).toContain('301');
    expect(byThreshold.tables.every((t) => t.score!.value >= 0.6 && t.score!.threshold === 0.6)).toBe(true);
  });

  it('takes --score-column as the score and still attributes it', async () => {
    const file = writeFlowsCsv(dir, 'scored.csv', 50, [{ ...big, score: '0.99' }]);
    const { tables } = await selectTables(file, { top: 1, scoreColumn: 'score_Autoencoder', ingest });
    expect(tables[0]!.flow_id).toBe('51');
    expect(tables[0]!.score).toMatchObject({ value: 0.99, method: 'column:score_Autoencoder', rank: 1, threshold: null });
    const sum = tables[0]!.features.reduce((s, r) => s + Math.abs(r.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(0.99, 2);
    expect(tables[0]!.features[0]!.baseline!.percentile).toBeGreaterThan(99);
    expect(tables[0]!.fields.map((f) => f.name)).not.toContain('score_Autoencoder');
  });

  it('names the column when --score-column is not in the input', async () => {
    await expect(selectTables(flows, { scoreColumn: 'score_Nope', ingest })).rejects.toThrow(
      new RegExp(`--score-column \`score_Nope\` is not a column of this input; the header has: .* at ${flows.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1$`),
    );
  });

  it('names file and line when --score-column holds a non-number', async () => {
    const file = writeFlowsCsv(dir, 'bad-score.csv', 10, [{ score: 'high' }]);
    const error = await selectTables(file, { scoreColumn: 'score_Autoencoder', ingest }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`Expected \`score_Autoencoder\` to be a finite number (the --score-column), got \`high\` (string) at ${file}:12`);
  });

  it('gives a single flow a defined result: rank 1 of 1, finite numbers', async () => {
    const file = writeFlowsCsv(dir, 'one.csv', 1);
    const { tables } = await selectTables(file, { top: 5, ingest });
    expect(tables).toHaveLength(1);
    expect(tables[0]!.score).toMatchObject({ rank: 1, of: 1, value: 0 });
    expect(finiteEverywhere(tables)).toBe(true);
  });

  it('scores a file of identical flows (every MAD 0) without NaN', async () => {
    const same = Array.from({ length: 40 }, (_, i) => ({ start: 1_700_000_000_000 + i * 120_000, src: '10.0.0.1', dst: '10.0.0.2', dport: 443, duration: 500, inBytes: 1000, inPkts: 10, score: '0.5' }));
    const file = writeFlowsCsv(dir, 'constant.csv', 0, same);
    for (const scorer of ['robust-z', 'isolation-forest'] as const) {
      const { tables } = await selectTables(file, { scorer, top: 40, ingest });
      expect(tables).toHaveLength(40);
      expect(finiteEverywhere(tables)).toBe(true);
      expect(new Set(tables.map((t) => t.score!.value)).size).toBe(1);
    }
  });

  it('fits the baseline on another flow file with `baseline`', async () => {
    const normal = writeFlowsCsv(dir, 'other-normal.csv', 200);
    const { tables, summary } = await selectTables(flows, { top: 1, baseline: normal, scorer: 'robust-z', ingest });
    expect(summary.baseline).toEqual({ source: normal, rows: 200 });
    expect(tables[0]!.flow_id).toBe('301');
    expect(tables[0]!.features.find((r) => r.name === 'IN_BYTES')!.baseline!.percentile).toBe(100);
  });

  it('scores against a saved baseline, and rejects a corrupt one', async () => {
    const normal = writeFlowsCsv(dir, 'normal.csv', 300);
    const { baseline } = await fitBaselineFile(normal, { ingest });
    const file = join(dir, 'baseline.json');
    await saveBaseline(baseline, file);
    const { tables, summary } = await selectTables(flows, { top: 1, baselineFile: file, ingest });
    expect(tables[0]!.flow_id).toBe('301');
    expect(summary.baseline).toEqual({ source: normal, rows: 300, file });
    writeFileSync(file, '{"format":"flowlens-baseline","version":1,');
    await expect(selectTables(flows, { top: 1, baselineFile: file, ingest })).rejects.toThrow(BaselineError);
  });
});
