/**
 * The few places where DuckDB, Spark SQL and ClickHouse spell the same thing differently. Everything
 * else in the generated statement is the SQL the three share (window frames, CASE, coalesce).
 */
export const SQL_DIALECTS = ['duckdb', 'spark', 'clickhouse'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export interface DialectSpelling {
  /** A column name as an identifier (feature names keep their case: IN_BYTES next to in_bytes). */
  quote(name: string): string;
  /** `flags` has the bit set. */
  bitSet(flags: string, bit: number): string;
  /** Distinct non-null values of `column` over the window `over` (`OVER (…)` included). */
  distinctOver(column: string, over: string): string;
  /**
   * The values of `value` in the window `over`, less the rows after the current one in (start, idx):
   * the window's later ties. The frame holds only rows with start ≤ the current start.
   */
  listUpToRow(value: string, over: string): string;
  /** Shannon entropy in bits of a list; each value's term −p·log2(p) is exactly 0 when it is alone. */
  listEntropy(list: string): string;
  /** After the statement. */
  suffix: string;
}

/** −(k/n)·log2(k/n), and exactly 0 when k = n (as the TypeScript engine computes it). */
const term = (k: string, n: string): string => `CASE WHEN ${k} = ${n} THEN 0 ELSE -(${k} / ${n}) * log2(${k} / ${n}) END`;

const laterTie = (s: string, i: string): string => `NOT (${s} = start_ms AND ${i} > idx)`;

export const DIALECTS: Record<SqlDialect, DialectSpelling> = {
  duckdb: {
    quote: (name) => `"${name}"`,
    bitSet: (flags, bit) => `(${flags} & ${bit}) <> 0`,
    distinctOver: (column, over) => `count(DISTINCT ${column}) ${over}`,
    listUpToRow: (value, over) =>
      `list_transform(list_filter(list({'s': start_ms, 'i': idx, 'v': ${value}}) ${over}, lambda x: ${laterTie('x.s', 'x.i')}), lambda x: x.v)`,
    listEntropy: (list) =>
      `list_sum(list_transform(list_distinct(${list}), lambda q: ${term(`len(list_filter(${list}, lambda y: y = q))`, `len(${list})`)}))`,
    suffix: '',
  },
  spark: {
    quote: (name) => `\`${name}\``,
    bitSet: (flags, bit) => `(${flags} & ${bit}) <> 0`,
    // Spark has no DISTINCT window aggregates; collect_set drops nulls as count(DISTINCT) does
    distinctOver: (column, over) => `size(collect_set(${column}) ${over})`,
    listUpToRow: (value, over) =>
      `transform(filter(collect_list(named_struct('s', start_ms, 'i', idx, 'v', ${value})) ${over}, x -> ${laterTie('x.s', 'x.i')}), x -> x.v)`,
    listEntropy: (list) =>
      `aggregate(array_distinct(${list}), CAST(0 AS DOUBLE), (acc, q) -> acc + ${term(`size(filter(${list}, y -> y = q))`, `size(${list})`)})`,
    suffix: '',
  },
  clickhouse: {
    quote: (name) => `"${name}"`,
    bitSet: (flags, bit) => `bitAnd(${flags}, ${bit}) <> 0`,
    distinctOver: (column, over) => `uniqExact(${column}) ${over}`,
    listUpToRow: (value, over) =>
      `arrayMap(x -> tupleElement(x, 3), arrayFilter(x -> ${laterTie('tupleElement(x, 1)', 'tupleElement(x, 2)')}, groupArray(tuple(start_ms, idx, ${value})) ${over}))`,
    listEntropy: (list) => `arraySum(q -> ${term(`countEqual(${list}, q)`, `length(${list})`)}, arrayDistinct(${list}))`,
    // a flow in no window must get NULL from the LEFT JOIN, not ClickHouse's default of 0
    suffix: '\nSETTINGS join_use_nulls = 1',
  },
};
