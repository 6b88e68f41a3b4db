import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Flow, FlowSource } from '../../ingest/index.ts';

/** The `flows` table as flowlens ingest fills it: the canonical fields, their input order, notes and labels. */
function createTableSql(table: string, labelKeys: readonly string[]): string {
  const labels = labelKeys.map((key) => `, ${quoteIdent(key)} VARCHAR`).join('');
  return (
    `CREATE TABLE ${table} (idx BIGINT, id VARCHAR, src_addr VARCHAR, dst_addr VARCHAR, src_port INTEGER, dst_port INTEGER, ` +
    'protocol INTEGER, start_ms DOUBLE, end_ms DOUBLE, tcp_flags INTEGER, in_bytes DOUBLE, in_pkts DOUBLE, ' +
    `out_bytes DOUBLE, out_pkts DOUBLE, duration_ms DOUBLE, notes VARCHAR, late BOOLEAN, ${ORDERED_COLUMN} BOOLEAN${labels})`
  );
}

/**
 * The column marking the flows that join the windows (featureSql's `orderedColumn`): found while the
 * flows stream in, in idx order, instead of by a window over the whole table.
 */
export const ORDERED_COLUMN = 'in_start_order';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** What loadFlowsIntoDuckdb read. */
export interface LoadedFlows {
  flows: number;
  /** Label columns carried after the canonical ones (the first flow's label keys, as `flowlens features` writes CSV). */
  labelKeys: string[];
}

const appendNumber = (appender: DuckDBAppender, value: number | null): void => (value === null ? appender.appendNull() : appender.appendDouble(value));
const appendInteger = (appender: DuckDBAppender, value: number | null): void => (value === null ? appender.appendNull() : appender.appendInteger(value));

/**
 * Which flows join the windows, in idx order, as featureSql's `timed` finds them: a flow with a start,
 * not late, and not before the latest start of the earlier flows that were not late.
 */
class StartOrder {
  private latest = -Infinity;

  /** Whether this flow (the next in idx order) joins the windows. */
  next(start: number | null, late: boolean): boolean {
    if (start === null || late) return false;
    const joins = start >= this.latest;
    if (joins) this.latest = start;
    return joins;
  }
}

function appendFlow(appender: DuckDBAppender, idx: number, flow: Flow, labelKeys: readonly string[], order: StartOrder): void {
  appender.appendBigInt(BigInt(idx));
  appender.appendVarchar(flow.id);
  appender.appendVarchar(flow.src_addr);
  appender.appendVarchar(flow.dst_addr);
  appendInteger(appender, flow.src_port);
  appendInteger(appender, flow.dst_port);
  appender.appendInteger(flow.protocol);
  appendNumber(appender, flow.start_ms);
  appendNumber(appender, flow.end_ms);
  appendInteger(appender, flow.tcp_flags);
  appender.appendDouble(flow.in_bytes);
  appender.appendDouble(flow.in_pkts);
  appendNumber(appender, flow.out_bytes);
  appendNumber(appender, flow.out_pkts);
  appendNumber(appender, flow.duration_ms);
  appender.appendVarchar(flow.notes.map((n) => n.code).join(';'));
  const late = flow.notes.some((n) => n.code === 'late-flow');
  appender.appendBoolean(late);
  appender.appendBoolean(order.next(flow.start_ms, late));
  for (const key of labelKeys) {
    const label = flow.labels[key];
    if (label === undefined) appender.appendNull();
    else appender.appendVarchar(label);
  }
  appender.endRow();
}

/**
 * Stream an opened input (any format flowlens reads, validated and quarantined by ingest) into a new
 * DuckDB table, `idx` being the order ingest gave the flows in (the order the native engine sees).
 * DuckDB keeps what does not fit in memory in its temp directory.
 */
export async function loadFlowsIntoDuckdb(connection: DuckDBConnection, source: FlowSource, table = 'flows'): Promise<LoadedFlows> {
  let appender: DuckDBAppender | undefined;
  let labelKeys: string[] = [];
  let idx = 0;
  const order = new StartOrder();
  for await (const batch of source.batches()) {
    if (appender === undefined && batch.length > 0) {
      labelKeys = Object.keys(batch[0]!.labels);
      await connection.run(createTableSql(table, labelKeys));
      appender = await connection.createAppender(table);
    }
    for (const flow of batch) appendFlow(appender!, idx++, flow, labelKeys, order);
  }
  if (appender === undefined) await connection.run(createTableSql(table, []));
  else appender.closeSync();
  return { flows: idx, labelKeys };
}
