import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadRatioError, InputError, MissingColumnError } from '../../src/errors.ts';
import { openFlows, readAllFlows } from '../../src/ingest/index.ts';
import { fixture, readFixture, tempDir } from './support.ts';

/** A CSV of `rows` flows, one second apart, where `bad(i)` rows (1-based) have a non-numeric byte count. */
function writeRows(rows: number, bad: (i: number) => boolean): string {
  let text = 'IPV4_SRC_ADDR,IPV4_DST_ADDR,PROTOCOL,IN_BYTES,IN_PKTS,FLOW_START_MILLISECONDS\n';
  for (let i = 1; i <= rows; i++) text += `10.0.0.1,10.0.0.2,6,${bad(i) ? 'many' : 500},5,${1_704_067_200_000 + i * 1000}\n`;
  const file = join(tempDir(), 'rows.csv');
  writeFileSync(file, text);
  return file;
}

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

  it('stops early once the bad share is above --max-bad-ratio after 1,000 rows, naming the file and the counts', async () => {
    // every third row bad: 333 of the first 1,000 (33.3 %) against a 20 % limit
    const file = writeRows(20_000, (i) => i % 3 === 0);
    const quarantineFile = join(tempDir(), 'q.jsonl');
    const run = readAllFlows(file, { maxBadRatio: 0.2, quarantineFile });
    await expect(run).rejects.toThrow(BadRatioError);
    await expect(run).rejects.toThrow(`333 of 1000 rows in ${file} were quarantined (33.30 %), above --max-bad-ratio 0.2; the run stopped at line 1001`);
    const error = (await run.catch((e: unknown) => e)) as BadRatioError;
    expect([error.bad, error.total, error.stoppedAtLine]).toEqual([333, 1000, 1001]);
    // the bad rows read so far are in the quarantine file; the rest of the file was never read
    expect(readFileSync(quarantineFile, 'utf8').trim().split('\n')).toHaveLength(333);
  });

  it('does not stop early on bad rows at the top that the first 1,000 rows dilute below the limit', async () => {
    // rows 1..250 bad: 100 % at row 250, 25 % at row 1,000, 5 % at the end; the limit is 30 %
    const file = writeRows(5000, (i) => i <= 250);
    const { summary } = await readAllFlows(file, { maxBadRatio: 0.3, quarantineFile: join(tempDir(), 'q.jsonl') });
    expect(summary).toMatchObject({ read: 5000, quarantined: 250, accepted: 4750 });
  });

  it('stops at the first bad row that lifts the share above the limit after the minimum', async () => {
    // good rows 1..1,200, then bad ones: 10 % is first exceeded at the 134th bad row (row 1,334: 134 / 1,334 > 0.1)
    const file = writeRows(3000, (i) => i > 1200);
    const error = (await readAllFlows(file, { maxBadRatio: 0.1, quarantineFile: join(tempDir(), 'q.jsonl') }).catch((e: unknown) => e)) as BadRatioError;
    expect(error).toBeInstanceOf(BadRatioError);
    expect([error.bad, error.total, error.stoppedAtLine]).toEqual([134, 1334, 1335]);
  });

  it('quarantines a CICFlowMeter row with a negative Flow Duration, saying why', async () => {
    const { flows, quarantine, summary } = await readFixture('cic-negative-duration.csv');
    expect(flows.map((f) => f.line)).toEqual([2]);
    expect(quarantine).toEqual([
      {
        file: fixture('cic-negative-duration.csv'),
        line: 3,
        field: 'Flow Duration',
        value: '-1',
        reason: 'negative Flow Duration: a known CICFlowMeter artifact (CIC-IDS2017 has such rows); the flow has no usable duration or end time',
      },
    ]);
    expect(summary).toMatchObject({ read: 2, accepted: 1, quarantined: 1 });
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

  it('is an InputError, not a crash, when the input is a directory', async () => {
    const dir = tempDir();
    const error = await openFlows(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`Cannot read the input (it is a directory; pass a flow file) at ${dir}`);
  });
});
