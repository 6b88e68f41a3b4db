import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support.ts';

/**
 * Every command against every kind of bad input (issue 12), in process. Each case asserts the exit
 * code the README documents, one clear `flowlens:` line on stderr naming the file (and the line or
 * field where there is one), no stack trace, nothing echoed raw from a binary file, and, wherever
 * rows were read, `read = accepted + quarantined` as printed, with the quarantine file holding
 * exactly the quarantined rows.
 */
const REPO = resolve(import.meta.dirname, '../..');
const MAPPING = join(REPO, 'fixtures/flows/ingest/mapping.yaml');
const CI_SUITE = join(REPO, 'eval/suites/ci.yaml');
const CI_TABLES = join(REPO, 'eval/suites/ci/tables');
const demo = readFileSync(join(REPO, 'fixtures/flows/demo.csv'), 'utf8').split('\n');
const [HEADER, ...ROWS] = demo;
const dir = mkdtempSync(join(tmpdir(), 'flowlens-matrix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const csv = (rows: string[]): string => `${[HEADER, ...rows].join('\n')}\n`;
const small = ROWS.slice(0, 40);
/** Demo rows with one byte counter replaced, at the given data rows (0-based). */
function withInBytes(replacements: Record<number, string>): string[] {
  const column = HEADER!.split(',').indexOf('IN_BYTES');
  return small.map((row, i) => {
    if (!(i in replacements)) return row;
    const cells = row.split(',');
    cells[column] = replacements[i]!;
    return cells.join(',');
  });
}
const gzipped = gzipSync(csv(ROWS.slice(0, 400)));

const INPUT = {
  missing: join(dir, 'missing.csv'),
  directory: (() => (mkdirSync(join(dir, 'a-directory')), join(dir, 'a-directory')))(),
  empty: put('empty.csv', ''),
  headerOnly: put('header-only.csv', `${HEADER}\n`),
  // control bytes, an escape sequence and invalid UTF-8: none of it may reach the terminal
  binary: put('garbage.bin', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256))),
  truncatedGzip: put('truncated.csv.gz', gzipped.subarray(0, Math.floor(gzipped.length / 2))),
  ragged: put('ragged.csv', csv([...small.slice(0, 5), '1,2,3', ...small.slice(5)])),
  nonUtf8: put('non-utf8.csv', Buffer.concat([Buffer.from(csv(small.slice(0, 5))), Buffer.from([0xff, 0xfe, 0x41, 0x2c, 0xc3, 0x28, 0x0a]), Buffer.from(`${small.slice(5).join('\n')}\n`)])),
  absurd: put('absurd-counters.csv', csv(withInBytes({ 2: '1.5', 4: '0x10', 6: '99999999999999999999999' }))),
  good: put('good.csv', csv(small)),
};
/** A regular file: any output path under it cannot be created, whoever runs the test (root included). */
const A_FILE = put('a-file', 'not a directory\n');
const UNWRITABLE = join(A_FILE, 'out');
const ALERTS = put(
  'alerts.jsonl',
  `${JSON.stringify({ event_type: 'alert', src_ip: '10.20.2.153', src_port: 50072, dest_ip: '10.0.0.25', dest_port: 993, proto: 'TCP', alert: { signature: 'test' } })}\n`,
);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The lines that report an error (not progress, summaries or warnings). */
function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('flowlens: ') && !l.startsWith('flowlens: warning: ') && !/^flowlens: \d+ flows: /.test(l));
}

function expectClean(r: Outcome): void {
  expect(r.stderr, 'no stack trace').not.toMatch(/^ {4}at /m);
  // eslint-disable-next-line no-control-regex
  expect(r.stderr, 'no raw control bytes or invalid text').not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\ufffd]/);
}

function expectOneError(r: Outcome, code: number, ...names: string[]): void {
  expectClean(r);
  const lines = errorLines(r.stderr);
  expect(lines, r.stderr).toHaveLength(1);
  for (const name of names) expect(lines[0], r.stderr).toContain(name);
  expect(r.code, r.stderr).toBe(code);
}

/** read = accepted + quarantined as printed, and the quarantine file holds exactly the quarantined rows, each with line and field. */
function expectReconciled(r: Outcome, quarantined: number, accepted?: number, where?: Array<{ line: number; field: string }>): void {
  const m = /read (\d+) = accepted (\d+) \+ quarantined (\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  const [read, acc, q] = [Number(m![1]), Number(m![2]), Number(m![3])];
  expect(read).toBe(acc + q);
  expect(q, r.stderr).toBe(quarantined);
  if (accepted !== undefined) expect(acc).toBe(accepted);
  if (q === 0) return;
  const file = /quarantined rows: (.+)/.exec(r.stderr)?.[1];
  expect(file && existsSync(file), r.stderr).toBe(true);
  const records = readFileSync(file!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; field: string; reason: string });
  expect(records).toHaveLength(q);
  for (const record of records) expect(record.line).toBeGreaterThan(1);
  if (where !== undefined) expect(records.map(({ line, field }) => ({ line, field }))).toEqual(where);
}

type FlowCommand = (input: string, out: string, extra: string[]) => string[];
let outs = 0;
const outDir = (): string => join(dir, `out-${++outs}`);

/** Every command that reads flows, with the bad input where its flows come from. */
const FLOW_COMMANDS: Record<string, FlowCommand> = {
  ingest: (input, out, extra) => ['ingest', input, '--out', join(out, 'flows.jsonl'), '--quiet', ...extra],
  features: (input, out, extra) => ['features', input, '--out', join(out, 'features.jsonl'), '--quiet', ...extra],
  'baseline fit': (input, out, extra) => ['baseline', 'fit', input, '--out', join(out, 'baseline.json'), '--quiet', ...extra],
  score: (input, out, extra) => ['score', input, '--top', '2', '--out', join(out, 'tables'), '--quiet', ...extra],
  run: (input, out, extra) => ['run', input, '--top', '2', '--out', join(out, 'run'), '--no-cache', '--quiet', ...extra],
  enrich: (input, out, extra) => ['enrich', ALERTS, '--flows', input, '--out', join(out, 'enriched.jsonl'), '--no-cache', '--quiet', ...extra],
};

/** Exit code of a command that ran to the end on usable rows: 0 (every offline explanation is grounded). */
const OK = 0;

describe.each(Object.entries(FLOW_COMMANDS))('flowlens %s on bad input', (_name, command) => {
  const run = (input: string, extra: string[] = [], out = outDir()): Promise<Outcome> => runCli(command(input, out, extra));

  it('a missing file: exit 2, naming it', async () => expectOneError(await run(INPUT.missing), 2, 'missing.csv'));
  it('a directory: exit 2, naming it', async () => expectOneError(await run(INPUT.directory), 2, 'a-directory'));
  it('an empty file: exit 2, naming it', async () => expectOneError(await run(INPUT.empty), 2, 'empty.csv', 'empty'));
  it('a header only: exit 2, naming it', async () => expectOneError(await run(INPUT.headerOnly), 2, 'header-only.csv', 'no data rows'));
  it('binary garbage: exit 2, naming it, echoing none of it', async () => expectOneError(await run(INPUT.binary), 2, 'garbage.bin', 'binary'));

  it('a truncated gzip: the rows before the cut kept and counted, the cut line quarantined, exit 2 naming file and line', async () => {
    const r = await run(INPUT.truncatedGzip);
    expectClean(r);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/truncated\.csv\.gz: the gzip data ends early \(the file is truncated\) at line \d+/);
    expectReconciled(r, 1);
  });

  it('a ragged CSV row: quarantined with its line, the rest kept', async () => {
    const r = await run(INPUT.ragged);
    expectClean(r);
    expect(r.code, r.stderr).toBe(OK);
    expectReconciled(r, 1, 40, [{ line: 7, field: '(row)' }]);
  });

  it('non-UTF-8 bytes: that row quarantined, the rest kept', async () => {
    const r = await run(INPUT.nonUtf8);
    expectClean(r);
    expect(r.code, r.stderr).toBe(OK);
    expectReconciled(r, 1, 40, [{ line: 7, field: '(row)' }]);
  });

  it('absurd counters (a fraction, hex, above 2^64): quarantined, each with its reason', async () => {
    const r = await run(INPUT.absurd);
    expectClean(r);
    expect(r.code, r.stderr).toBe(OK);
    expectReconciled(r, 3, 37, [4, 6, 8].map((line) => ({ line, field: 'IN_BYTES' })));
  });

  it('an unknown --format: exit 2 before reading', async () => expectOneError(await run(INPUT.good, ['--format', 'foo']), 2, 'foo'));
  it('a wrong --format that reads no rows: exit 2, naming the file', async () => expectOneError(await run(INPUT.good, ['--format', 'zeek-tsv']), 2, 'good.csv', 'zeek-tsv'));
  it('a wrong --format that quarantines every row: exit 2, naming the file and the first bad line', async () =>
    expectOneError(await run(INPUT.good, ['--format', 'zeek-jsonl']), 2, 'good.csv', 'Every row was quarantined (41 of 41)', 'line 1, field (record)'));
  it('a wrong --format whose columns are not there: exit 2, naming the file and the column', async () =>
    expectOneError(await run(INPUT.good, ['--format', 'cic-csv']), 2, 'good.csv:1', 'Missing required column `Src IP'));
  it('conflicting flags (--format beside --mapping): exit 2', async () => expectOneError(await run(INPUT.good, ['--format', 'nprobe-csv', '--mapping', MAPPING]), 2, '--mapping'));
  it('an output directory that cannot be created: exit 2, naming it', async () => expectOneError(await run(INPUT.good, [], UNWRITABLE), 2, UNWRITABLE));

  it('an output directory that does not exist yet: created', async () => {
    const r = await run(INPUT.good, [], join(outDir(), 'not', 'yet'));
    expectClean(r);
    expect(r.code, r.stderr).toBe(OK);
    expectReconciled(r, 0, 40);
  });
});

describe('conflicting selection and scoring flags', () => {
  it.each([
    ['score --top with --threshold', FLOW_COMMANDS['score']!, ['--threshold', '0.3'], '--threshold'],
    ['run --top with --threshold', FLOW_COMMANDS['run']!, ['--threshold', '0.3'], '--threshold'],
    ['enrich --baseline with --baseline-file', FLOW_COMMANDS['enrich']!, ['--baseline', INPUT.good, '--baseline-file', join(dir, 'b.json')], '--baseline-file'],
    ['run --window not a duration', FLOW_COMMANDS['run']!, ['--window', 'soon'], 'soon'],
  ])('%s: exit 2 before any work', async (_name, command, extra, names) => {
    expectOneError(await runCli(command(INPUT.good, outDir(), extra)), 2, names);
  });

  it('run --window takes a duration, as score does', async () => {
    const r = await runCli(FLOW_COMMANDS['run']!(INPUT.good, outDir(), ['--window', '90s']));
    expect(r.code, r.stderr).toBe(OK);
  });
});

describe('flowlens enrich on a bad alerts file', () => {
  it.each([
    ['missing', join(dir, 'missing.jsonl'), 'missing.jsonl'],
    ['a directory', INPUT.directory, 'a-directory'],
    ['empty', INPUT.empty, 'empty.csv'],
  ])('%s: exit 2, naming it', async (_name, alerts, names) => {
    expectOneError(await runCli(['enrich', alerts, '--out', join(outDir(), 'e.jsonl'), '--quiet', '--no-cache']), 2, names);
  });
});

describe.each([
  ['explain', (input: string, out: string) => ['explain', input, '--out', out, '--quiet', '--no-cache']],
  ['check', (input: string) => ['check', input]],
  ['eval', (input: string, out: string) => ['eval', input, '--out', out, '--quiet']],
])('flowlens %s on bad input', (name, command) => {
  const run = (input: string): Promise<Outcome> => runCli(command(input, outDir()));
  it('a missing file: exit 2, naming it', async () => expectOneError(await run(INPUT.missing), 2, 'missing.csv'));
  it('a directory: exit 2, naming it', async () => expectOneError(await run(INPUT.directory), 2, 'a-directory'));
  it('an empty file: exit 2, naming it', async () => expectOneError(await run(INPUT.empty), 2, 'empty.csv'));
  it('binary garbage: exit 2, naming it, echoing none of it', async () => expectOneError(await run(INPUT.binary), 2, 'garbage.bin'));
  it('non-UTF-8 bytes: exit 2, naming it', async () => expectOneError(await run(INPUT.nonUtf8), 2, 'non-utf8.csv'));
  it.runIf(name !== 'check')('an output directory that cannot be created: exit 2, naming it', async () => {
    const input = name === 'explain' ? CI_TABLES : CI_SUITE;
    expectOneError(await runCli(command(input, UNWRITABLE)), 2, UNWRITABLE);
  });
});

describe('flowlens check with a bad --table', () => {
  it('a missing table file: exit 2, naming it', async () => {
    expectOneError(await runCli(['check', INPUT.good, '--table', join(dir, 'missing-table.json')]), 2, 'missing-table.json');
  });
});

describe('flowlens eval --judge', () => {
  it('with every judge call missing from the cassettes: exit 3, not "passed"', async () => {
    const r = await runCli(['eval', CI_SUITE, '--judge', '--out', outDir(), '--quiet']);
    expectClean(r);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/judge calls failed \(first: judge call failed: CassetteMissError/);
    expect(r.stderr).not.toMatch(/eval ci passed/);
  }, 60_000);
});
