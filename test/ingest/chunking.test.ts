import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllFlows } from '../../src/ingest/index.ts';
import { tempDir } from './support.ts';

/** 30,000 rows (≈ 2 MB, several 256 KiB chunks) with start times jittered by up to ±2 s around a 10 ms step. */
function jitteredCsv(rows: number): { text: string; starts: number[] } {
  const starts: number[] = [];
  const lines = ['FLOW_ID,FLOW_START_MILLISECONDS,IPV4_SRC_ADDR,IPV4_DST_ADDR,PROTOCOL,IN_BYTES,IN_PKTS,NOTE'];
  for (let i = 0; i < rows; i++) {
    const start = 1_704_067_200_000 + i * 10 + ((i * 7919) % 4001) - 2000;
    starts.push(start);
    // a quoted field now and then sends that chunk through the quote-aware path
    const note = i % 9973 === 0 ? '"quoted, with comma"' : 'plain';
    lines.push(`f${i},${start},10.0.${(i >> 8) & 255}.${i & 255},192.168.0.${i % 7},6,${100 + (i % 50)},${1 + (i % 5)},${note}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, starts };
}

describe('chunked reading', () => {
  it('keeps every row, its physical line and the (start, input order) across chunk boundaries, plain or gzip', async () => {
    const dir = tempDir();
    const { text, starts } = jitteredCsv(30_000);
    writeFileSync(join(dir, 'big.csv'), text);
    writeFileSync(join(dir, 'big.csv.gz'), gzipSync(text));
    const expected = starts.map((start, i) => ({ start, line: i + 2 })).sort((a, b) => a.start - b.start || a.line - b.line);
    for (const name of ['big.csv', 'big.csv.gz']) {
      const { flows, summary } = await readAllFlows(join(dir, name), { quarantineFile: join(dir, 'q.jsonl') });
      expect(summary).toMatchObject({ read: 30_000, accepted: 30_000, quarantined: 0, late: 0 });
      expect(flows.map((f) => ({ start: f.start_ms, line: f.line }))).toEqual(expected);
      expect(flows.every((f) => f.id === `f${f.line - 2}`)).toBe(true);
      expect(flows.filter((f) => f.fields.NOTE === 'quoted, with comma')).toHaveLength(4);
    }
  });

  it('streams a JSON array whose strings hold braces and brackets', async () => {
    const dir = tempDir();
    const path = join(dir, 'flows.json');
    writeFileSync(
      path,
      '[{"flow_id": 1, "IPV4_SRC_ADDR": "10.0.0.1", "IPV4_DST_ADDR": "10.0.0.2", "PROTOCOL": 6, "IN_BYTES": 100, "IN_PKTS": 2, "NOTE": "a } ] { [ \\" b"},\n' +
        ' {"flow_id": 2, "IPV4_SRC_ADDR": "10.0.0.3", "IPV4_DST_ADDR": "10.0.0.4", "PROTOCOL": 17, "IN_BYTES": 90, "IN_PKTS": 1, "NOTE": "x"}]\n',
    );
    const { flows, source } = await readAllFlows(path, { quarantineFile: join(dir, 'q.jsonl') });
    expect(source.format).toBe('nf-batch-json');
    expect(flows.map((f) => [f.id, f.line, f.fields.NOTE])).toEqual([
      ['1', 1, 'a } ] { [ " b'],
      ['2', 2, 'x'],
    ]);
  });
});

describe('stopping early', () => {
  it('lets a consumer break out of batches() and read the file again', async () => {
    const dir = tempDir();
    const { text } = jitteredCsv(30_000);
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    const { openFlows } = await import('../../src/ingest/index.ts');
    // no whole-input hold: flows leave as the window passes
    const source = await openFlows(path, { quarantineFile: join(dir, 'q.jsonl'), reorderWindowMs: 10_000, reorderHoldFlows: 0 });
    let seen = 0;
    for await (const batch of source.batches()) {
      seen += batch.length;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect(source.summary().read).toBeLessThan(30_000);
    const again = await readAllFlows(path, { quarantineFile: join(dir, 'q.jsonl') });
    expect(again.flows).toHaveLength(30_000);
  });
});

describe('text decoding', () => {
  it('keeps a UTF-8 character that straddles a 256 KiB read boundary after pure-ASCII text', async () => {
    const dir = tempDir();
    const header = 'IPV4_SRC_ADDR,IPV4_DST_ADDR,PROTOCOL,IN_BYTES,IN_PKTS,NOTE\n';
    const row = '10.0.0.1,10.0.0.2,6,100,2,plain\n';
    let text = header;
    while (Buffer.byteLength(text) + row.length < 262_144 - 40) text += row;
    // pad so that the two bytes of "é" sit at offsets 262143 and 262144
    const prefix = '10.0.0.3,10.0.0.4,6,100,2,';
    const pad = 262_143 - Buffer.byteLength(text) - prefix.length;
    text += `${prefix}${'x'.repeat(pad)}é\n${row}`;
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.subarray(262_143, 262_145)).toEqual(Buffer.from('é', 'utf8'));
    writeFileSync(join(dir, 'utf8.csv'), bytes);
    const { flows } = await readAllFlows(join(dir, 'utf8.csv'), { quarantineFile: join(dir, 'q.jsonl') });
    const special = flows.find((f) => f.src_addr === '10.0.0.3');
    expect(special?.fields.NOTE).toBe(`${'x'.repeat(pad)}é`);
    expect(flows.at(-1)?.fields.NOTE).toBe('plain');
  });
});
