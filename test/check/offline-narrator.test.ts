import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { narrateOffline } from '../../src/llm/index.ts';
import { readReport, readTable, selectTables, type FeatureTable } from '../../src/table/index.ts';

/**
 * DESIGN.md: the offline narrator is "the reference the checker must pass at 100 %". Every report
 * it writes over the demo run's tables, the corpus tables and the seed's table must have zero
 * contradicted or unsupported claims — and must make claims at all (so a checker that extracts
 * nothing cannot pass).
 */
const root = resolve(import.meta.dirname, '../..');

function corpusTables(): FeatureTable[] {
  const dir = resolve(root, 'eval/cases/tables');
  const tables = readdirSync(dir).map((f) => readTable(JSON.parse(readFileSync(resolve(dir, f), 'utf8')), f));
  tables.push(readReport(readFileSync(resolve(root, 'eval/cases/flow-3943031.md'), 'utf8')).table!);
  return tables;
}

function hallucinations(table: FeatureTable): string[] {
  const result = checkNarrative(narrateOffline(table), table);
  expect(result.summary.supported).toBeGreaterThan(5);
  return result.claims.filter((c) => c.verdict === 'contradicted' || c.verdict === 'unsupported').map((c) => `${table.flow_id}: ${c.verdict} "${c.text}" (${c.reason})`);
}

describe('offline narrator checks clean', () => {
  it.each(corpusTables().map((t) => [t.flow_id, t] as const))('corpus table %s', (_id, table) => {
    expect(hallucinations(table)).toEqual([]);
  });

  it('the demo run (fixtures/flows/demo.csv, top 20 tables)', async () => {
    const { tables } = await selectTables(resolve(root, 'fixtures/flows/demo.csv'), { top: 20 });
    expect(tables.length).toBe(20);
    expect(tables.flatMap(hallucinations)).toEqual([]);
    // scoring 20,000 flows: seconds alone, far longer on a loaded machine
  }, 180_000);
});
