import { init, parse } from '@guanmingchiu/sqlparser-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFormula } from '../../../src/features/computations.ts';
import { FEATURE_NAMES, featureSql, SQL_DIALECTS } from '../../../src/features/index.ts';

/**
 * Spark SQL and ClickHouse are not run here (no engine on this machine): their statements are checked by
 * a dialect-aware parser (datafusion-sqlparser-rs, as WebAssembly), and their logic, the 'portable' form,
 * is executed in DuckDB by duckdb-equality.test.ts.
 */
beforeAll(async () => {
  await init();
});

describe('featureSql', () => {
  it.each([
    ['spark', 'spark'],
    ['spark', 'databricks'],
    ['clickhouse', 'clickhouse'],
    ['duckdb', 'duckdb'],
  ] as const)('the %s statement parses as %s SQL: one SELECT', (dialect, parser) => {
    const statements = parse(featureSql({ dialect }), parser) as unknown[];
    expect(statements).toHaveLength(1);
    expect(Object.keys(statements[0] as object)).toEqual(['Query']);
  });

  // the parsers check syntax, not function names or types: a check that can fail, not a proof that Spark runs it
  it('the Spark parser is dialect-aware: it refuses DuckDB struct literals and ClickHouse "quoted" column names', () => {
    expect(() => parse(featureSql({ dialect: 'duckdb', form: 'portable' }), 'spark')).toThrow(/Expected: an expression, found: \{/);
    expect(() => parse(featureSql({ dialect: 'clickhouse' }), 'spark')).toThrow(/found: "src_flows_in_window"/);
  });

  it.each(SQL_DIALECTS)('%s: every registry feature is an output column, in registry order', (dialect) => {
    const sql = featureSql({ dialect });
    const select = sql.slice(sql.lastIndexOf('SELECT\n'));
    const names = [...select.matchAll(/ AS [`"]([^`"]+)[`"]/g)].map((m) => m[1]);
    expect(names).toEqual(FEATURE_NAMES);
  });

  it('window length and table name come from the options; frames are DuckDB-only', () => {
    const sql = featureSql({ dialect: 'clickhouse', windowMs: 5000, table: 'netflow.flows' });
    expect(sql).toContain('RANGE BETWEEN 5000 PRECEDING AND CURRENT ROW');
    expect(sql).toContain('FROM netflow.flows AS f');
    expect(sql).not.toContain('60000');
    expect(sql.endsWith('SETTINGS join_use_nulls = 1')).toBe(true);
    expect(() => featureSql({ dialect: 'spark', form: 'frames' })).toThrow(/only DuckDB/);
    expect(() => featureSql({ dialect: 'duckdb', windowMs: -1 })).toThrow(/windowMs/);
  });

  it('an input without times gets NULL window features and no window CTEs at all', () => {
    const sql = featureSql({ dialect: 'spark', hasTime: false });
    expect(sql).not.toContain('OVER');
    expect(sql.match(/CAST\(NULL AS DOUBLE\)/g)).toHaveLength(10);
  });
});

describe('computeFormula', () => {
  it('refuses a formula the TypeScript engine does not maintain (so the engines cannot drift silently)', () => {
    expect(() => computeFormula({ of: 'window', key: 'dst', aggregate: { fn: 'sum', column: 'in_bytes' } })).toThrow(/does not compute `dst:sum:in_bytes`/);
  });
});
