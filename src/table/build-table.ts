import { FEATURES, FEATURE_NAMES, REGISTRY_VERSION, type FeatureValues } from '../features/index.ts';
import { TCP_FLAG_BITS, type Flow } from '../ingest/index.ts';
import { percentileOf, type Baseline, type ScoreResult } from '../score/index.ts';
import { fieldSpec } from './fields.ts';
import { protocolName } from './protocol-names.ts';
import { FeatureTableSchema, TABLE_SCHEMA_VERSION, type FeatureTable, type TableRow } from './schema.ts';

export interface WindowContext {
  ms: number;
  available: boolean;
  /** Why window features are null, when they are. */
  reason?: string;
}

export interface BuildTableInput {
  flow: Flow;
  features: FeatureValues;
  result: ScoreResult;
  method: string;
  rank: number;
  /** How many flows were scored. */
  of: number;
  threshold: number | null;
  baseline: Baseline;
  window: WindowContext;
  /** Input file, for the table's `source`. */
  file?: string;
  /** Input fields never to copy into the table (the --score-column is already the score). */
  omitFields?: readonly string[];
}

// Ground truth must never reach the prompt; ingest keeps labels apart, this is a second fence.
const LABEL_NAMES = /^(label|attack|detailed[-_ ]?label|class|category|subcategory)$/i;

/**
 * Build the FeatureTable of one scored flow (DESIGN.md "FeatureTable"): identity, each registry
 * feature with unit, definition, baseline median / p99 / percentile and contribution, ordered by
 * |contribution|; the exporter's other fields; data-quality notes; window info. Labels never go in.
 * Every number is finite: the result is validated against FeatureTableSchema.
 */
export function buildTable(input: BuildTableInput): FeatureTable {
  const { flow } = input;
  const table: FeatureTable = {
    schema_version: TABLE_SCHEMA_VERSION,
    flow_id: flow.id,
    ...(input.file !== undefined ? { source: { file: input.file, line: flow.line } } : {}),
    flow: {
      src_addr: flow.src_addr,
      dst_addr: flow.dst_addr,
      src_port: flow.src_port,
      dst_port: flow.dst_port,
      protocol: flow.protocol,
      protocol_name: protocolName(flow.protocol),
      start: isoOrNull(flow.start_ms),
      end: isoOrNull(flow.end_ms),
    },
    score: {
      value: round(finiteOr(input.result.score, 0), 6),
      method: input.method,
      rank: Math.max(1, input.rank),
      threshold: input.threshold,
      of: Math.max(1, input.of),
    },
    features: featureRows(input),
    fields: fieldRows(flow, input.omitFields ?? []),
    notes: flow.notes,
    window: {
      seconds: input.window.ms / 1000,
      available: input.window.available,
      ...(input.window.reason !== undefined ? { reason: input.window.reason } : {}),
    },
    registry_version: REGISTRY_VERSION,
  };
  return FeatureTableSchema.parse(table);
}

function featureRows(input: BuildTableInput): TableRow[] {
  const { baseline } = input;
  const rows = FEATURE_NAMES.map((name) => {
    const raw = input.features[name];
    const value = raw === null || raw === undefined || !Number.isFinite(raw) ? null : raw;
    const b = baseline.features[name];
    const contribution = input.result.contributions[name];
    return {
      name,
      value,
      unit: FEATURES[name].unit,
      description: FEATURES[name].description,
      baseline: {
        median: b.median,
        p99: b.p99,
        percentile: percentileOf(b, baseline.quantile_grid, value),
      },
      contribution: contribution === null || !Number.isFinite(contribution) ? null : round(contribution, 4),
    } satisfies TableRow;
  });
  // Stable sort: equal contributions keep registry order; null contributions go last.
  return rows.sort((a, b) => magnitude(b.contribution) - magnitude(a.contribution));
}

function fieldRows(flow: Flow, omit: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  if (flow.tcp_flags !== null && !('TCP_FLAGS' in flow.fields)) {
    rows.push({ name: 'TCP_FLAGS', value: flow.tcp_flags, ...describeField('TCP_FLAGS', flow.tcp_flags) });
  }
  for (const [name, raw] of Object.entries(flow.fields)) {
    if (omit.includes(name) || LABEL_NAMES.test(name) || name in flow.labels) continue;
    const value = typeof raw === 'number' && !Number.isFinite(raw) ? null : raw;
    rows.push({ name, value, ...describeField(name, value) });
  }
  return rows;
}

function describeField(name: string, value: number | string | null): { unit: string; description: string } {
  const spec = fieldSpec(name);
  if (/TCP_FLAGS$/.test(name) && typeof value === 'number') {
    const set = Object.entries(TCP_FLAG_BITS).filter(([, bit]) => (value & bit) !== 0).map(([n]) => n);
    return { unit: spec.unit, description: `${spec.description}; set here: ${set.length > 0 ? set.join(', ') : 'none'}` };
  }
  return spec;
}

const magnitude = (c: number | null | undefined): number => (c === null || c === undefined ? -1 : Math.abs(c));
const finiteOr = (v: number, fallback: number): number => (Number.isFinite(v) ? v : fallback);
const round = (v: number, digits: number): number => Number(v.toFixed(digits));
const isoOrNull = (ms: number | null): string | null => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());
