import type { FeatureTable, TableRow } from '../table/schema.ts';

/**
 * The table as the model reads it. TEMP: a local rendering until src/table's `tableToMarkdown`
 * lands; then this file becomes a one-line re-export of it (only `renderTableBlock` calls it).
 */
export function tableMarkdown(table: FeatureTable): string {
  const parts = [`Flow ${table.flow_id}`];
  if (table.score) {
    const s = table.score;
    const rank = s.of !== undefined ? `rank ${s.rank} of ${s.of}` : `rank ${s.rank}`;
    parts.push(`Anomaly score: ${s.value} (${s.method}, ${rank}, threshold ${s.threshold ?? 'none'})`);
  }
  if (table.flow) {
    const f = table.flow;
    parts.push(
      `| Identity | Value |\n|---|---|\n` +
        [
          ['src_addr', f.src_addr],
          ['dst_addr', f.dst_addr],
          ['src_port', f.src_port],
          ['dst_port', f.dst_port],
          ['protocol', `${f.protocol_name} (${f.protocol})`],
          ['start', f.start],
          ['end', f.end],
        ]
          .map(([k, v]) => `| ${k} | ${v ?? 'null'} |`)
          .join('\n'),
    );
  }
  parts.push(rowsTable(table.features));
  if (table.fields.length > 0) parts.push(`Other fields reported by the exporter:\n${rowsTable(table.fields)}`);
  if (table.window) {
    const w = table.window;
    parts.push(`Window: ${w.seconds} s, ${w.available ? 'available' : `not available${w.reason ? ` (${w.reason})` : ''}`}`);
  }
  if (table.notes.length > 0) parts.push(`Data-quality notes:\n${table.notes.map((n) => `- ${n.field} (${n.code}): ${n.message}`).join('\n')}`);
  return parts.join('\n\n');
}

function rowsTable(rows: readonly TableRow[]): string {
  const head = '| Feature | Value | Unit | Baseline median | Baseline p99 | Percentile | Contribution | Definition |\n|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const b = r.baseline;
    const cells = [r.name, r.value, r.unit, b?.median, b?.p99, b?.percentile, r.contribution, r.description];
    return `| ${cells.map((c) => (c === null || c === undefined ? 'null' : String(c))).join(' | ')} |`;
  });
  return [head, ...lines].join('\n');
}
