import { describe, expect, it } from 'vitest';
import { BadRatioError, InputError, MissingColumnError } from '../../src/errors.ts';
import { openFlows } from '../../src/ingest/index.ts';
import { fixture, readFixture } from './support.ts';

describe('bad rows', () => {
  it('quarantines each bad row with file, line, field, value and reason, and goes on', async () => {
    const { flows, summary, quarantine, quarantineFile } = await readFixture('bad-rows.csv');
    const file = fixture('bad-rows.csv');
    expect(flows.map((f) => f.line)).toEqual([2, 9]);
    expect(quarantine).toEqual([
      { file, line: 3, field: 'IN_BYTES', value: 'many', reason: 'not a number' },
      { file, line: 4, field: 'IN_BYTES', value: '-40', reason: 'negative count' },
      { file, line: 5, field: 'IPV4_SRC_ADDR', value: '10.0.0.999', reason: 'not an IPv4 or IPv6 address' },
      { file, line: 6, field: 'FLOW_START_MILLISECONDS', value: 'yesterday', reason: 'unparseable time' },
      { file, line: 7, field: '(row)', value: '10.0.0.1,1005,10.0.0.2,80,6,500', reason: 'expected 8 fields, got 6' },
      // plain digits reach the coercers as numbers (the CSV fast path parses them without making strings)
      { file, line: 8, field: 'L4_DST_PORT', value: 70000, reason: 'port out of range 0..65535' },
    ]);
    expect(summary).toMatchObject({ read: 8, accepted: 2, quarantined: 6, quarantineFile });
    expect(summary.read).toBe(summary.accepted + summary.quarantined);
  });

  it('keeps the 1-based data row number as id when rows before were quarantined', async () => {
    const { flows } = await readFixture('bad-rows.csv');
    expect(flows.map((f) => f.id)).toEqual(['1', '8']);
  });

  it('turns too many bad rows into BadRatioError once the input is read', async () => {
    await expect(readFixture('bad-rows.csv', { maxBadRatio: 0.5 })).rejects.toThrow(BadRatioError);
    await expect(readFixture('bad-rows.csv', { maxBadRatio: 0.5 })).rejects.toThrow('6 of 8 rows');
    const ok = await readFixture('bad-rows.csv', { maxBadRatio: 0.75 });
    expect(ok.summary.accepted).toBe(2);
  });

  it('does not create a quarantine file when nothing is bad', async () => {
    const { summary, quarantine } = await readFixture('nprobe-v3.csv');
    expect(quarantine).toEqual([]);
    expect(summary.quarantineFile).toBeUndefined();
  });

  it('quarantines invalid JSON lines in JSON formats', async () => {
    const { writeFileSync } = await import('node:fs');
    const { tempDir } = await import('./support.ts');
    const path = `${tempDir()}/g.jsonl`;
    writeFileSync(path, '{"src_addr":"10.0.0.1","dst_addr":"10.0.0.2","proto":6,"bytes":10,"packets":1,"time_flow_start_ns":1704067200000000000}\n{"src_addr": oops\n');
    const source = await openFlows(path, { quarantineFile: `${path}.q` });
    for await (const batch of source.batches()) void batch;
    expect(source.summary()).toMatchObject({ format: 'goflow2-jsonl', read: 2, accepted: 1, quarantined: 1 });
  });
});

describe('bad files', () => {
  it('names the missing column and shows the header found', async () => {
    const error = await openFlows(fixture('missing-column.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingColumnError);
    expect((error as MissingColumnError).field).toBe('IN_BYTES');
    expect((error as MissingColumnError).header).toEqual(['IPV4_SRC_ADDR', 'L4_SRC_PORT', 'IPV4_DST_ADDR', 'L4_DST_PORT', 'PROTOCOL', 'IN_PKTS']);
    expect((error as Error).message).toBe(
      'Missing required column `IN_BYTES` for format nprobe-csv; the header has: IPV4_SRC_ADDR, L4_SRC_PORT, IPV4_DST_ADDR, L4_DST_PORT, PROTOCOL, IN_PKTS at ' +
        `${fixture('missing-column.csv')}:1`,
    );
  });

  it('rejects a header it cannot recognise, asking for --format or --mapping', async () => {
    const { writeFileSync } = await import('node:fs');
    const { tempDir } = await import('./support.ts');
    const path = `${tempDir()}/odd.csv`;
    writeFileSync(path, 'a,b,c\n1,2,3\n');
    const error = await openFlows(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('Cannot tell the format from the first line `a,b,c`; pass --format');
  });

  it('with --format, a file of another family fails on its missing columns', async () => {
    await expect(openFlows(fixture('nprobe-v3.csv'), { format: 'zeek-tsv' })).resolves.toMatchObject({ header: [] });
    await expect(openFlows(fixture('nprobe-v3.csv'), { format: 'cic-csv' })).rejects.toThrow("Missing required column `Src IP (or Source IP)` for format cic-csv");
  });
});

describe('unreadable input', () => {
  it('is an InputError naming the file', async () => {
    const error = await openFlows('/nonexistent/flows.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('Cannot read the input (ENOENT) at /nonexistent/flows.csv');
  });
});
