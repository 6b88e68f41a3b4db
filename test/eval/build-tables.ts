/**
 * Rebuild the CI suite's committed tables (eval/suites/ci/tables/*.json):
 *   npx tsx test/eval/build-tables.ts
 * Three flows picked by the real pipeline (selectTables) from a synthetic nProbe CSV with three
 * injected anomalies, plus the seed flow's table. Committed so the suite's cassettes do not move
 * when a scorer changes; rebuild them (and then the cassettes) deliberately.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { selectTables } from '../../src/table/index.ts';
import { writeFlowsCsv } from '../table/flows-csv.ts';
import { seedTable } from '../llm/tables.ts';

const OUT = resolve(import.meta.dirname, '../../eval/suites/ci/tables');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-eval-tables-'));
try {
  const t0 = 1_700_000_000_000;
  const csv = writeFlowsCsv(dir, 'flows.csv', 400, [
    { start: t0 + 2_801_000, src: '10.0.3.9', dst: '172.16.0.4', dport: 443, duration: 64_000, inBytes: 48_200_000, inPkts: 36_100 },
    { start: t0 + 2_802_000, src: '10.0.5.77', dst: '172.16.0.2', dport: 22, duration: 30, inBytes: 60, inPkts: 1 },
    { start: t0 + 2_803_000, src: '10.0.1.200', dst: '172.16.0.3', dport: 8080, duration: 2, inBytes: 9_800, inPkts: 140 },
  ]);
  const { tables } = await selectTables(csv, { top: 3 });
  for (const table of [...tables, seedTable()]) {
    delete table.source;
    writeFileSync(join(OUT, `flow-${table.flow_id}.json`), `${JSON.stringify(table, null, 2)}\n`);
    console.log(`flow-${table.flow_id}.json  score ${table.score?.value}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
