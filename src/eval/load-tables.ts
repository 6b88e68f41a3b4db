import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readTableFiles, selectTables, type FeatureTable } from './deps.ts';
import type { Suite } from './suite-schema.ts';

/**
 * The tables a suite explains: its `tables` files (FeatureTable JSON, one table or an array, or a
 * directory of them) or its `flows` file run through the pipeline. Relative paths are relative to
 * the suite file's directory. Flow ids must be unique: they key the comparison.
 */
export async function loadSuiteTables(suite: Suite, suiteDir: string): Promise<FeatureTable[]> {
  const tables = suite.tables ? suite.tables.flatMap((p) => readTableFiles(resolve(suiteDir, p))) : await tablesFromFlows(suite, suiteDir);
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.flow_id)) throw new InputError({ file: suiteDir, field: 'flow_id', value: t.flow_id, expected: 'unique flow ids across the suite' });
    seen.add(t.flow_id);
  }
  if (tables.length === 0) throw new InputError({ file: suiteDir, expected: 'at least one table' }, 'The suite names no tables');
  return tables;
}

async function tablesFromFlows(suite: Suite, suiteDir: string): Promise<FeatureTable[]> {
  const flows = suite.flows!;
  const { tables } = await selectTables(resolve(suiteDir, flows.file), {
    ...(flows.ids ? { ids: flows.ids } : { top: flows.top ?? 5 }),
    ...(flows.scorer ? { scorer: flows.scorer } : {}),
  });
  return tables;
}
