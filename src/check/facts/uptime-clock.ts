import { describeField, type TableRow } from '../deps.ts';

/*
 * NetFlow v9 and IPFIX-over-v9 exporters stamp a flow's first and last packet in milliseconds of
 * their own uptime (FIRST_SWITCHED, LAST_SWITCHED). The export header gives both clocks at one
 * moment: the uptime (sysUpTime) and the wall clock (UNIX Secs), so each uptime stamp is a wall-clock
 * time: UNIX Secs − (sysUpTime − stamp) (RFC 3954 §5.1). Read so, "the flow started at 08:59:00 UTC"
 * is checkable against a record that holds no date of its own.
 */
export function uptimeClockRows(rows: readonly TableRow[]): TableRow[] {
  let exportMs: number | undefined;
  let uptimeMs: number | undefined;
  const stamps: TableRow[] = [];
  for (const row of rows) {
    if (typeof row.value !== 'number') continue;
    const field = describeField(row.name, row.value);
    if (field.name === 'exportTime') exportMs = row.value * 1000;
    else if (field.name === 'sysUpTime') uptimeMs = row.value;
    else if (field.dimension === 'time' && field.unit === 'ms') stamps.push(row);
  }
  if (exportMs === undefined || uptimeMs === undefined) return [];
  const out: TableRow[] = [];
  for (const row of stamps) {
    const at = exportMs - (uptimeMs - (row.value as number));
    if (!Number.isFinite(at) || at <= 0) continue;
    out.push({ name: `${row.name}.wallclock`, value: new Date(at).toISOString(), unit: 'iso8601', description: `${row.name} on the wall clock: the export time less the uptime that passed since (RFC 3954 §5.1)` });
  }
  return out;
}
