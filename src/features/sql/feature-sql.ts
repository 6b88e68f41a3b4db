import { ConfigError } from '../../errors.ts';
import { DEFAULT_WINDOW_MS, FEATURE_NAMES, FEATURES, type FeatureFormula, type FeatureName, type WindowAggregate } from '../registry.ts';
import { DIALECTS, type DialectSpelling, type SqlDialect } from './dialects.ts';

/** Columns the `flows` table must have (the canonical Flow fields, plus `idx`: the input order). */
export const FLOWS_TABLE_COLUMNS = [
  'idx',
  'id',
  'src_addr',
  'dst_addr',
  'src_port',
  'dst_port',
  'protocol',
  'start_ms',
  'end_ms',
  'tcp_flags',
  'in_bytes',
  'in_pkts',
  'out_bytes',
  'out_pkts',
  'duration_ms',
] as const;

/** Canonical fields written before the features, as `flowlens features` writes them. */
export const OUTPUT_CANONICAL = ['src_addr', 'dst_addr', 'src_port', 'dst_port', 'protocol', 'start_ms', 'end_ms', 'tcp_flags'] as const;

/** Options for featureSql. */
export interface FeatureSqlOptions {
  dialect: SqlDialect;
  /** Sliding-window length W in ms. @default 60000 */
  windowMs?: number;
  /** The table (or view) of flows. @default 'flows' */
  table?: string;
  /** The input has start times; when false every window feature is NULL. @default true */
  hasTime?: boolean;
  /** The input has TCP flags (else src_syn_flows is NULL); 'detect': any non-null tcp_flags in the table. @default 'detect' */
  hasFlags?: boolean | 'detect';
  /**
   * 'frames': each window is a ROWS frame whose length is the flow's own window count (DuckDB only:
   * per-row frame offsets; O(n log n)). 'portable': RANGE frames over start, corrected for the later
   * flows with the same start (what Spark and ClickHouse accept). @default 'frames' on DuckDB
   */
  form?: 'frames' | 'portable';
  /**
   * A boolean column marking flows that ingest already found late (its reorder buffer emits them ahead of
   * the flows it still holds); they join no window, as in the TypeScript engine. @default none
   */
  lateColumn?: string;
  /**
   * A boolean column already marking the flows that join the windows (a start, not late, and not before a
   * start earlier in idx order): what `timed` otherwise finds with a window over the whole table in idx
   * order, one unpartitioned sort. Takes the place of lateColumn. @default none
   */
  orderedColumn?: string;
  /**
   * The window features are already in this table (made by windowFeatureSql: `idx` and the window
   * features of the flows that join the windows): the statement joins it instead of computing them. @default none
   */
  windowTable?: string;
  /** More columns of the table to carry into the output, after the canonical ones. @default [] */
  passThrough?: readonly string[];
}

interface Context {
  d: DialectSpelling;
  w: number;
  form: 'frames' | 'portable';
}

const KEY_COLUMN = { src: 'src_addr', dst: 'dst_addr' } as const;
type Key = keyof typeof KEY_COLUMN;

/** The window of key k as a RANGE frame over start: [t − W, t], every flow with the same start included. */
const rangeOver = (k: Key, c: Context): string =>
  `OVER (PARTITION BY ${KEY_COLUMN[k]} ORDER BY start_ms RANGE BETWEEN ${c.w} PRECEDING AND CURRENT ROW)`;
/** The flows with the same key and start that come after this one in input order (the range frame's extra rows). */
const laterTiesOver = (k: Key): string => `OVER (PARTITION BY ${KEY_COLUMN[k]}, start_ms ORDER BY idx ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)`;
/** The window as a ROWS frame in (start, idx) order, `${k}_n` rows long (the exact window, DuckDB only). */
const framesOver = (k: Key): string => `OVER (PARTITION BY ${KEY_COLUMN[k]} ORDER BY start_ms, idx ROWS BETWEEN ${k}_n - 1 PRECEDING AND CURRENT ROW)`;
const previousOver = (k: Key): string => `OVER (PARTITION BY ${KEY_COLUMN[k]} ORDER BY start_ms, idx ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING)`;

const newMark = (k: Key, column: string): string => `${k}_new_${column}`;

/**
 * 1 on the first flow (in input order) of a group of same-start flows to carry a value the window held
 * no earlier (its previous flow with that key and value started before t − W). Summed over the later
 * ties, it says how many distinct values the range frame counts that the flow's own window does not yet hold.
 */
function newValueMark(k: Key, column: string, c: Context): string {
  const firstInTies = `row_number() OVER (PARTITION BY ${KEY_COLUMN[k]}, start_ms, ${column} ORDER BY idx) = 1`;
  const previous = `max(start_ms) OVER (PARTITION BY ${KEY_COLUMN[k]}, ${column} ORDER BY start_ms, idx ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING)`;
  return `CASE WHEN ${column} IS NOT NULL AND ${firstInTies} AND coalesce(${previous} < start_ms - ${c.w}, TRUE) THEN 1 ELSE 0 END AS ${newMark(k, column)}`;
}

/** One window aggregate over its exact window, as an expression of the `counted` rows. */
function windowExpression(k: Key, a: WindowAggregate, c: Context): string {
  const frames = c.form === 'frames';
  const over = frames ? framesOver(k) : rangeOver(k, c);
  // a sum over the range frame less the same sum over the later ties is the sum over the exact window
  const exactSum = (value: string): string => (frames ? `sum(${value}) ${over}` : `sum(${value}) ${over} - coalesce(sum(${value}) ${laterTiesOver(k)}, 0)`);
  switch (a.fn) {
    case 'count':
      return `${k}_n`;
    case 'sum':
      return exactSum(a.column);
    case 'syn-count':
      return exactSum('syn');
    case 'distinct':
      return frames
        ? `count(DISTINCT ${a.column}) ${over}`
        : `${c.d.distinctOver(a.column, over)} - coalesce(sum(${newMark(k, a.column)}) ${laterTiesOver(k)}, 0)`;
    case 'entropy':
      // portable: the window's values as a list, finished in the outer SELECT (finishWindow)
      return frames ? `entropy(${a.column}) ${over}` : c.d.listUpToRow(a.column, over);
    case 'gap-ms':
      return `CASE WHEN ${k}_n > 1 THEN start_ms - max(start_ms) ${previousOver(k)} END`;
  }
}

/** The number a window feature computed in `windowed` as column `name` comes to (portable entropy: from its list). */
function finishWindow(a: WindowAggregate, name: string, c: Context): string {
  const column = `w.${c.d.quote(name)}`;
  return a.fn === 'entropy' && c.form === 'portable' ? c.d.listEntropy(column) : column;
}

function perFlowExpression(formula: Exclude<FeatureFormula, { of: 'window' }>): string {
  if (formula.of === 'flow') return `f.${formula.column}`;
  const denominator = formula.denominator === 'duration_s' ? 'f.duration_ms' : `f.${formula.denominator}`;
  const divisor = formula.denominator === 'duration_s' ? '(f.duration_ms / 1000)' : denominator;
  // `/` is floating-point division in all three dialects; null (not a stand-in) when the divisor is 0 or unknown
  return `CASE WHEN ${denominator} <> 0 THEN f.${formula.numerator} / ${divisor} END`;
}

type WindowFeature = { name: FeatureName; key: Key; aggregate: WindowAggregate };

function windowFeatures(): WindowFeature[] {
  return FEATURE_NAMES.flatMap((name) => {
    const formula = FEATURES[name].formula;
    return formula.of === 'window' ? [{ name, key: formula.key, aggregate: formula.aggregate }] : [];
  });
}

/**
 * The SELECT that computes every registry feature of every flow of a `flows` table, with the window
 * semantics of DESIGN.md "Features": flows in (start, idx) order; the window of key k for flow f holds
 * the flows with the same k whose start is in [t − W, t], at or before f in that order; a flow without
 * a start, or one that starts before a flow earlier in idx order (late), has NULL window features and
 * is in no window. Made from the registry's formulas, as the TypeScript engine is. Rows come out in idx order.
 *
 * @example
 * featureSql({ dialect: 'clickhouse', windowMs: 60_000 })
 */
export function featureSql(options: FeatureSqlOptions): string {
  const p = plan(options);
  const features = windowFeatures();
  const staged = options.windowTable !== undefined;
  const ctes = [...(p.hasFlags === 'detect' ? [`flag_input AS (SELECT count(tcp_flags) > 0 AS has_flags FROM ${p.table})`] : []), ...(p.hasTime && !staged ? windowCtes(p, features) : [])];
  const columns = [
    'f.idx',
    'f.id',
    ...OUTPUT_CANONICAL.map((name) => `f.${name}`),
    ...(options.passThrough ?? []).map((name) => `f.${p.c.d.quote(name)}`),
    ...FEATURE_NAMES.map((name) => {
      const formula = FEATURES[name].formula;
      let value: string;
      if (formula.of !== 'window') value = perFlowExpression(formula);
      else if (!p.hasTime) value = 'CAST(NULL AS DOUBLE)';
      else {
        value = `w.${p.c.d.quote(name)}`;
        if (formula.aggregate.fn === 'syn-count' && p.hasFlags !== true) value = p.hasFlags === false ? 'CAST(NULL AS DOUBLE)' : `CASE WHEN g.has_flags THEN ${value} END`;
      }
      return `${value} AS ${p.c.d.quote(name)}`;
    }),
  ];
  const join = p.hasTime ? [`LEFT JOIN ${options.windowTable ?? lastWindowCte(p)} AS w ON w.idx = f.idx`] : [];
  const from = [`${p.table} AS f`, ...join, ...(p.hasFlags === 'detect' ? ['CROSS JOIN flag_input AS g'] : [])];
  const withClause = ctes.length > 0 ? `WITH\n${ctes.join(',\n')}\n` : '';
  return `${withClause}SELECT\n  ${columns.join(',\n  ')}\nFROM ${from.join('\n')}\nORDER BY f.idx${p.c.d.suffix}`;
}

/**
 * The window features of the flows that join the windows: `idx` and the window features under their
 * registry names. Stored as a table, it is featureSql's `windowTable`: the window sorts then end (and
 * free their memory or spill) before the output is joined and written.
 */
export function windowFeatureSql(options: Omit<FeatureSqlOptions, 'windowTable' | 'passThrough'>): string {
  const p = plan(options);
  return `WITH\n${windowCtes(p, windowFeatures()).join(',\n')}\nSELECT * FROM ${lastWindowCte(p)}`;
}

interface Plan {
  c: Context;
  table: string;
  hasTime: boolean;
  hasFlags: boolean | 'detect';
  lateColumn?: string;
  orderedColumn?: string;
}

function plan(options: FeatureSqlOptions): Plan {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  if (!(windowMs >= 0 && Number.isFinite(windowMs))) {
    throw new ConfigError('windowMs', 'options', `Expected \`windowMs\` to be a finite number >= 0, got \`${windowMs}\` (${typeof windowMs})`);
  }
  const form = options.form ?? (options.dialect === 'duckdb' ? 'frames' : 'portable');
  if (form === 'frames' && options.dialect !== 'duckdb') {
    throw new ConfigError('form', 'options', `The 'frames' form needs per-row frame offsets, which only DuckDB has; use 'portable' for ${options.dialect}`);
  }
  return {
    c: { d: DIALECTS[options.dialect], w: windowMs, form },
    table: options.table ?? 'flows',
    hasTime: options.hasTime ?? true,
    hasFlags: options.hasFlags ?? 'detect',
    ...(options.lateColumn !== undefined ? { lateColumn: options.lateColumn } : {}),
    ...(options.orderedColumn !== undefined ? { orderedColumn: options.orderedColumn } : {}),
  };
}

const lastWindowCte = (p: Plan): string => (p.c.form === 'portable' ? 'window_features' : 'windowed');

/** The CTEs from the flows table to the window features of the flows in start order (timed, counted, windowed[, window_features]). */
function windowCtes(p: Plan, features: WindowFeature[]): string[] {
  const { c, table } = p;
  const keys = [...new Set(features.map((f) => f.key))];
  const marks = features.flatMap((f) => (c.form === 'portable' && f.aggregate.fn === 'distinct' ? [newValueMark(f.key, f.aggregate.column, c)] : []));
  const ctes = [
    `timed AS (\n  SELECT idx, src_addr, dst_addr, dst_port, protocol, start_ms, in_pkts, in_bytes,\n` +
      `    CASE WHEN tcp_flags IS NOT NULL AND ${c.d.bitSet('tcp_flags', 2)} THEN 1 ELSE 0 END AS syn\n` +
      `  FROM ${timedSource(p)}\n)`,
    `counted AS (\n  SELECT *,\n${[
      ...keys.map((k) => `    count(*) ${rangeOver(k, c)} - count(*) ${laterTiesOver(k)} AS ${k}_n`),
      ...marks.map((m) => `    ${m}`),
    ].join(',\n')}\n  FROM timed\n)`,
    `windowed AS (\n  SELECT idx,\n${features.map((f) => `    ${windowExpression(f.key, f.aggregate, c)} AS ${c.d.quote(f.name)}`).join(',\n')}\n  FROM counted\n)`,
  ];
  // lists (portable entropy) become numbers before the join: ClickHouse cannot make an array column nullable
  if (c.form === 'portable') {
    ctes.push(`window_features AS (\n  SELECT idx,\n${features.map((f) => `    ${finishWindow(f.aggregate, f.name, c)} AS ${c.d.quote(f.name)}`).join(',\n')}\n  FROM windowed AS w\n)`);
  }
  return ctes;
}

/** The flows that join the windows: those with a start, not late, and in start order so far (a flow starting before one already seen, in idx order, joins none). */
function timedSource(p: Plan): string {
  if (p.orderedColumn !== undefined) return `${p.table}\n  WHERE ${p.c.d.quote(p.orderedColumn)}`;
  // a flow ingest already found late joins no window, and so never moves the start order on (as in the TypeScript engine)
  const lateFlag = p.lateColumn !== undefined ? `coalesce(${p.c.d.quote(p.lateColumn)}, FALSE)` : undefined;
  const late = lateFlag === undefined
    ? { flag: '', start: 'start_ms', where: '' }
    : { flag: `${lateFlag} AS is_late, `, start: `CASE WHEN NOT ${lateFlag} THEN start_ms END`, where: ' AND NOT is_late' };
  return (
    `(SELECT *, ${late.flag}max(${late.start}) OVER (ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_start FROM ${p.table}) AS ordered\n` +
    `  WHERE start_ms IS NOT NULL${late.where} AND (latest_start IS NULL OR start_ms >= latest_start)`
  );
}
