import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAllFlows, type Flow, type IngestSummary, type ReadFlowsOptions } from '../../src/ingest/index.ts';
import { InputError } from '../../src/errors.ts';
import { reviveError, serializeError } from '../../src/ingest/parse-protocol.ts';
import { startParseThread } from '../../src/ingest/parse-thread.ts';
import { fixture, tempDir } from './support.ts';

/**
 * Rows of every kind the parse thread must hand over as the calling thread would read them: plain and
 * text ids, IPv4 and IPv6 addresses, missing ports and counts, quoted fields, three label sets, quality
 * notes, bad rows, and start times out of order (some late for a short window).
 */
function mixedCsv(rows: number): string {
  const lines = ['FLOW_ID,FLOW_START_MILLISECONDS,IPV4_SRC_ADDR,IPV4_DST_ADDR,IPV6_SRC_ADDR,L4_SRC_PORT,L4_DST_PORT,PROTOCOL,IN_BYTES,IN_PKTS,OUT_BYTES,OUT_PKTS,TCP_FLAGS,NOTE,Label,Attack'];
  for (let i = 0; i < rows; i++) {
    const late = i % 211 === 0 ? -5_000 : 0;
    const start = 1_704_067_200_000 + i * 10 + ((i * 7919) % 401) - 200 + late;
    const id = i % 5 === 0 ? `x${i}` : String(i + 1);
    const v6 = i % 13 === 0;
    const src = v6 ? '0.0.0.0' : `10.${i % 3}.${(i >> 8) & 255}.${i & 255}`;
    const src6 = v6 ? `2001:db8::${(i % 4096).toString(16)}` : '';
    const sport = i % 17 === 0 ? '' : String(1024 + (i % 60_000));
    const bytes = i % 997 === 0 ? 'lots' : String(i % 23 === 0 ? 1 : 40 + (i % 3000));
    const note = i % 101 === 0 ? '"a, quoted ""note"""' : i % 7 === 0 ? '' : `n${i % 4}`;
    const [label, attack] = i % 19 === 0 ? ['1', 'DoS'] : i % 31 === 0 ? ['1', 'scan'] : ['0', 'Benign'];
    const out = i % 29 === 0 ? ',' : `${i % 500},${1 + (i % 4)}`;
    lines.push(`${id},${start},${src},192.168.${i % 5}.${i % 7},${src6},${sport},${[443, 80, 53][i % 3]},${i % 9 === 0 ? 17 : 6},${bytes},${1 + (i % 9)},${out},${i % 9 === 0 ? '' : 27},${note},${label},${attack}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Read {
  flows?: Flow[];
  summary?: IngestSummary;
  error?: string;
  warnings: string[];
  quarantine: string;
}

/** A read of `path` on this thread or the parse thread: flows, summary (less its path), quarantine text, warnings; or the error. */
async function read(path: string, parseThread: boolean, options: ReadFlowsOptions = {}): Promise<Read> {
  const quarantineFile = join(tempDir(), 'q.jsonl');
  const warnings: string[] = [];
  const outcome = await readAllFlows(path, { ...options, quarantineFile, parseThread, onWarning: (w) => warnings.push(w) }).then(
    ({ flows, summary }): Omit<Read, 'warnings' | 'quarantine'> => ({ flows, summary: { ...summary, quarantineFile: undefined } }),
    (error: Error) => ({ error: `${error.name}: ${error.message}` }),
  );
  return { ...outcome, warnings, quarantine: existsSync(quarantineFile) ? readFileSync(quarantineFile, 'utf8') : '' };
}

async function expectSameRead(path: string, options: ReadFlowsOptions = {}): Promise<Read> {
  const here = await read(path, false, options);
  const threaded = await read(path, true, options);
  expect(threaded).toEqual(here);
  return here;
}

describe('the parse thread', () => {
  it('starts, and hands over every batch of a file', async () => {
    const dir = tempDir();
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, mixedCsv(3_000));
    const thread = await startParseThread({ file: path, format: 'nprobe-csv' }, {});
    expect(thread).toBeDefined();
    let flows = 0;
    let rows = 0;
    for await (const block of thread!.blocks()) {
      flows += block.count;
      rows += block.rows;
    }
    expect(rows).toBe(3_000);
    expect(flows).toBe(3_000 - 4); // the 'lots' bytes of rows 0, 997, 1994, 2991
  });

  it('gives the same flows, summary, quarantine and warnings as reading on the calling thread', async () => {
    const dir = tempDir();
    const text = mixedCsv(30_000);
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, text);
    const held = await expectSameRead(path);
    expect(held.summary).toMatchObject({ read: 30_000, quarantined: 31 });
    const late = await expectSameRead(path, { reorderWindowMs: 1_000, reorderHoldFlows: 0 });
    expect(late.summary?.late).toBeGreaterThan(100);
    // gzip stays on the calling thread, with the same result; with no late flow, since where a late
    // flow lands depends on a gunzip stream's pieces, whose sizes depend on timing (two reads on one
    // thread differed under load)
    writeFileSync(join(dir, 'mixed.csv.gz'), gzipSync(text));
    await expectSameRead(join(dir, 'mixed.csv.gz'));
  });

  it('stops with the same error and quarantine when --max-bad-ratio is passed', async () => {
    const dir = tempDir();
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, mixedCsv(5_000));
    const stopped = await expectSameRead(path, { maxBadRatio: 0.0001 });
    expect(stopped.error).toMatch(/^BadRatioError/);
  });

  it.each([
    ['suricata-eve.json', {}],
    ['zeek-conn.log', {}],
    ['cic-2017.csv', {}],
    ['sorted-by-source.csv', { reorderWindowMs: 1 }],
    ['mapped.csv', { mappingFile: fixture('mapping.yaml') }],
  ] as [string, ReadFlowsOptions][])('reads %s the same, on the thread', async (name, options) => {
    const here = await expectSameRead(fixture(name), options);
    // the thread did start for this format (a thread that fails to start leaves the read to this thread)
    const thread = await startParseThread({ file: fixture(name), format: here.summary!.format, ...(options.mappingFile ? { mappingFile: options.mappingFile } : {}) }, {});
    let taken = 0;
    for await (const block of thread!.blocks()) taken += block.count + block.bad.length;
    expect(taken).toBe(here.summary!.read);
  });
});

describe('errors from the parse thread', () => {
  it('come back with their class, context and message', () => {
    const input = new InputError({ file: 'f.csv', line: 7, field: 'IN_BYTES', value: 'x', expected: 'a count' });
    const back = reviveError(serializeError(input));
    expect(back).toBeInstanceOf(InputError);
    expect(back).toMatchObject({ message: input.message, file: 'f.csv', line: 7, field: 'IN_BYTES', value: 'x' });
    const reason = new InputError({ file: 'f.csv', line: 3 }, 'Cannot read the input (EIO)');
    expect(reviveError(serializeError(reason)).message).toBe(reason.message);
    const io = Object.assign(new Error('read failed'), { code: 'EIO' });
    expect(reviveError(serializeError(io))).toMatchObject({ message: 'read failed', code: 'EIO' });
  });
});
