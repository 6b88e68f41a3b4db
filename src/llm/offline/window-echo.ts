import type { FeatureTable, TableRow } from '../../table/index.ts';
import { valueWithUnit } from './compare-row.ts';

/** Window sums that equal the flow's own counter when the flow is alone in its window. */
const ECHOES: ReadonlyArray<[sum: string, own: string]> = [
  ['src_in_bytes_sum', 'IN_BYTES'],
  ['src_in_pkts_sum', 'IN_PKTS'],
];

/**
 * The seed's trap, said plainly: when src_flows_in_window is 1, a source window sum among the top
 * rows only repeats this flow's own counter, so it is not separate evidence of more traffic.
 * Said only when the table shows both values equal.
 */
export function windowEcho(table: FeatureTable, top: readonly TableRow[]): string | undefined {
  const rows = [...table.features, ...table.fields];
  const find = (name: string): TableRow | undefined => rows.find((r) => r.name === name);
  const alone = find('src_flows_in_window');
  if (alone?.value !== 1) return undefined;
  const echoed = ECHOES.filter(([sum, own]) => top.some((r) => r.name === sum) && find(sum)?.value !== undefined && find(sum)?.value === find(own)?.value);
  if (echoed.length === 0) return undefined;
  const pairs = echoed.map(([sum, own]) => `${sum} equals ${own}`).join(' and ');
  return `src_flows_in_window is ${valueWithUnit(1, alone.unit)}, so this is the only flow from its source in the window: ${pairs}, and ${echoed.length > 1 ? 'these sums add' : 'that sum adds'} no evidence beyond the flow itself.`;
}
