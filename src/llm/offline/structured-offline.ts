import type { StructuredExplanation } from '../../prompt/index.ts';
import type { FeatureTable } from '../../table/index.ts';
import { caveats, conclusion, context, describeRow, readingOf, together } from './narrate-offline.ts';
import { pickTopRows } from './pick-rows.ts';
import { windowEcho } from './window-echo.ts';

/** The offline narrator's answer in structured mode: same sentences, as the schema's object. */
export function structuredOffline(table: FeatureTable): StructuredExplanation {
  const top = pickTopRows(table);
  const observations = top.map((row) => ({ text: describeRow(row, table, false), features: [row.name] }));
  const read = top.filter((r) => readingOf(r) !== undefined);
  if (read.length > 1) {
    const echo = windowEcho(table, top) !== undefined ? ['src_flows_in_window'] : [];
    observations.push({ text: together(top, table), features: [...read.map((r) => r.name), ...echo] });
  }
  if (observations.length === 0) {
    const names = [...table.features, ...table.fields].map((r) => r.name).slice(0, 1);
    observations.push({ text: together(top), features: names.length > 0 ? names : [table.flow_id] });
  }
  return {
    summary: [context(table), conclusion(top, table)].filter((s) => s !== '').join(' '),
    observations,
    caveats: caveats(table).map((line) => line.replace(/^- /, '')),
  };
}
