import type { FeatureTable, TableRow } from './schema.ts';

/** How each kind of string in a table is rewritten for one output (a prompt's data block, a Markdown report). */
export interface TableStringMaps {
  /** The flow id. */
  id(text: string): string;
  /** Identity strings read as one token: addresses, protocol name, start and end. */
  token(text: string): string;
  /** Row and note field names. */
  name(text: string): string;
  /** String values of rows and notes. */
  value(text: string): string;
  /** Prose: units, definitions, note messages, the score method, the window reason. */
  text(text: string): string;
}

/**
 * A copy of the table with every string that can come from the input rewritten by kind, numbers
 * and nulls untouched: the one walk over a table's strings that each output escapes in its own way.
 */
export function mapTableStrings(table: FeatureTable, maps: TableStringMaps): FeatureTable {
  const row = (r: TableRow): TableRow => ({
    ...r,
    name: maps.name(r.name),
    value: typeof r.value === 'string' ? maps.value(r.value) : r.value,
    unit: maps.text(r.unit),
    description: maps.text(r.description),
  });
  const flow = table.flow;
  return {
    ...table,
    flow_id: maps.id(table.flow_id),
    ...(flow
      ? {
          flow: {
            ...flow,
            src_addr: maps.token(flow.src_addr),
            dst_addr: maps.token(flow.dst_addr),
            protocol_name: maps.token(flow.protocol_name),
            start: flow.start === null ? null : maps.token(flow.start),
            end: flow.end === null ? null : maps.token(flow.end),
          },
        }
      : {}),
    ...(table.score ? { score: { ...table.score, method: maps.text(table.score.method) } } : {}),
    features: table.features.map(row),
    fields: table.fields.map(row),
    notes: table.notes.map((n) => ({ ...n, field: maps.name(n.field), value: typeof n.value === 'string' ? maps.value(n.value) : n.value, message: maps.text(n.message) })),
    ...(table.window?.reason ? { window: { ...table.window, reason: maps.text(table.window.reason) } } : {}),
  };
}
