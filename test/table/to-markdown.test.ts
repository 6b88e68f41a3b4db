import { describe, expect, it } from 'vitest';
import { tableToMarkdown } from '../../src/table/to-markdown.ts';
import { seedTable } from './support.ts';

describe('tableToMarkdown', () => {
  const table = seedTable({ file: undefined });
  const md = tableToMarkdown(table);
  const lines = md.split('\n');

  it('renders the seed flow (18 features + 4 fields) in well under 1,000 tokens (chars / 4)', () => {
    const tokens = Math.ceil(md.length / 4);
    expect(tokens).toBeLessThan(900);
    expect(tokens).toBeGreaterThan(400); // it did render the rows
  });

  it('starts with the score line and the identity', () => {
    expect(lines[0]).toBe(`Flow 3943031: score ${table.score!.value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')} (robust-z), rank 1 of 2001, threshold 3`);
    expect(lines[2]).toBe('TCP (6) from 2a0b:e43:1::21 port 443 to 2002:becf:7b73::becf:7b73 port 57360; 2019-10-02T07:53:06Z to 2019-10-02T07:54:11.870Z');
  });

  it('lists features in the table order (by |contribution|) with unit, baseline and definition', () => {
    const rows = lines.filter((l) => /^\| [a-zA-Z_]+ \|/.test(l) && !l.startsWith('| Feature') && !l.startsWith('| Field'));
    expect(rows.slice(0, table.features.length).map((l) => l.split(' | ')[0]!.slice(2))).toEqual(table.features.map((r) => r.name));
    expect(md).toContain('| IN_BYTES | 4761630 | bytes | ');
    expect(md).toContain('| Bytes sent from source to destination in this flow |');
  });

  it('shows null as "n/a (not applicable)" with the definition that says why', () => {
    const row = lines.find((l) => l.startsWith('| inter_arrival_ms |'))!;
    expect(row).toContain('| n/a (not applicable) | ms |');
    expect(row).toContain('null when there is no earlier flow from this source (not back-to-back packets)');
    expect(md).not.toMatch(/\| inter_arrival_ms \| 0 \|/);
  });

  it('drops the "null when" clause where the value is not null', () => {
    expect(lines.find((l) => l.startsWith('| avg_in_packet_size |'))).toMatch(/\| IN_BYTES divided by IN_PKTS \|$/);
  });

  it('lists data-quality notes and the window reason', () => {
    const t = seedTable({ window: { ms: 60_000, available: false, reason: 'the input has no time fields (nprobe-csv)' } });
    t.notes.push({ code: 'wrapped-duration', field: 'FLOW_DURATION_MILLISECONDS', value: 4294967, message: 'A wrapped counter.' });
    const text = tableToMarkdown(t);
    expect(text).toContain('Window: 60 s, window features not available: the input has no time fields (nprobe-csv).');
    expect(text).toContain('Data-quality notes:\n- FLOW_DURATION_MILLISECONDS (wrapped-duration): A wrapped counter.');
  });
});
