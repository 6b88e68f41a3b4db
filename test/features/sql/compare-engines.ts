import { extractFeatures, FEATURE_NAMES, FEATURES, openDuckdbFeatures, type DuckdbFeaturesOptions, type DuckdbInput, type FeatureName } from '../../../src/features/index.ts';
import type { Flow, FlowSource, IngestSummary } from '../../../src/ingest/index.ts';

export interface EngineRow {
  id: string;
  features: Record<FeatureName, number | null>;
}

/** Reals (ratios, entropy) are compared to 1e-9 relative; every other feature (counts, sums, times) exactly. */
const REAL = new Set<FeatureName>(
  FEATURE_NAMES.filter((name) => {
    const f = FEATURES[name].formula;
    return f.of === 'ratio' || (f.of === 'window' && f.aggregate.fn === 'entropy');
  }),
);

export async function nativeRows(source: FlowSource, windowMs?: number): Promise<EngineRow[]> {
  const rows: EngineRow[] = [];
  for await (const batch of extractFeatures(source, windowMs === undefined ? {} : { windowMs })) {
    for (const { flow, features } of batch) rows.push({ id: flow.id, features });
  }
  return rows;
}

export async function duckdbRows(input: DuckdbInput, options: DuckdbFeaturesOptions = {}): Promise<EngineRow[]> {
  const duck = await openDuckdbFeatures(input, { threads: 1, ...options });
  try {
    const result = await duck.connection.runAndReadAll(duck.sql);
    return result.getRowObjectsJS().map((row) => ({
      id: String(row['id']),
      features: Object.fromEntries(FEATURE_NAMES.map((name) => [name, row[name] === null ? null : Number(row[name])])) as EngineRow['features'],
    }));
  } finally {
    duck.close();
  }
}

function same(name: FeatureName, a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (!REAL.has(name)) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Every feature of every flow, in order: the first differences (at most 10), and how many values were compared. */
export function compareEngines(native: EngineRow[], duckdb: EngineRow[]): { values: number; differences: string[] } {
  const differences: string[] = [];
  if (native.length !== duckdb.length) differences.push(`rows: native ${native.length}, duckdb ${duckdb.length}`);
  let values = 0;
  for (let i = 0; i < Math.min(native.length, duckdb.length) && differences.length < 10; i++) {
    const a = native[i]!;
    const b = duckdb[i]!;
    if (a.id !== b.id) differences.push(`row ${i}: id ${a.id} vs ${b.id}`);
    for (const name of FEATURE_NAMES) {
      values++;
      if (!same(name, a.features[name], b.features[name])) differences.push(`row ${i} (id ${a.id}) ${name}: native ${a.features[name]}, duckdb ${b.features[name]}`);
    }
  }
  return { values, differences };
}

/** A FlowSource over flows in memory, in the order given (as ingest would emit them). */
export function memorySource(flows: Flow[], options: { hasTime?: boolean; hasFlags?: boolean } = {}): FlowSource {
  return {
    file: 'memory',
    format: 'canonical-jsonl',
    header: [],
    hasTime: options.hasTime ?? true,
    hasFlags: options.hasFlags ?? true,
    async *batches() {
      yield flows;
    },
    summary: () => ({ file: 'memory', format: 'canonical-jsonl', read: flows.length, accepted: flows.length, quarantined: 0, late: 0, notes: {} }) as IngestSummary,
  };
}
