import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllFlows } from '../../src/ingest/index.ts';
import { fixture, readFixture, tempDir } from './support.ts';

describe('text handling', () => {
  it('reads an empty file as no flows', async () => {
    const { flows, summary, source } = await readFixture('empty.csv');
    expect(flows).toEqual([]);
    expect(source.format).toBe('empty');
    expect(summary).toMatchObject({ read: 0, accepted: 0, quarantined: 0 });
  });

  it('reads a header-only file as no flows of its format', async () => {
    const { flows, source } = await readFixture('header-only.csv');
    expect(flows).toEqual([]);
    expect(source.format).toBe('nprobe-csv');
    expect(source.header).toEqual(['IPV4_SRC_ADDR', 'IPV4_DST_ADDR', 'PROTOCOL', 'IN_BYTES', 'IN_PKTS']);
  });

  it('drops a BOM, handles CRLF and skips blank lines while counting physical lines', async () => {
    const { flows, source } = await readFixture('bom-crlf.csv');
    expect(source.header[0]).toBe('IPV4_SRC_ADDR');
    expect(flows.map((f) => [f.id, f.line, f.src_addr, f.labels.Attack])).toEqual([
      ['1', 2, '10.0.0.1', 'Benign'],
      ['2', 4, '10.0.0.3', 'DoS'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines inside', async () => {
    const { flows, summary } = await readFixture('quoted.csv');
    expect(summary).toMatchObject({ read: 3, accepted: 3 });
    expect(flows.map((f) => [f.line, f.fields.NOTE])).toEqual([
      [2, 'a, b and "c"'],
      [3, 'two\nlines'],
      [5, 'plain'],
    ]);
  });

  it('detects gzip by its magic bytes, whatever the file is called', async () => {
    const renamed = join(tempDir(), 'flows.txt');
    copyFileSync(fixture('gzipped-nprobe.csv.gz'), renamed);
    for (const path of [fixture('gzipped-nprobe.csv.gz'), renamed]) {
      const { flows, source } = await readAllFlows(path, { quarantineFile: join(tempDir(), 'q.jsonl') });
      expect(source.format).toBe('nprobe-csv');
      expect(flows.map((f) => f.start_ms)).toEqual([1704067200000, 1704067260000]);
    }
  });
});
