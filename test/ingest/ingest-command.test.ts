import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerIngest } from '../../src/cli/commands/ingest.ts';
import { defaultQuarantinePath, readAllFlows } from '../../src/ingest/index.ts';
import { fixture, tempDir } from './support.ts';

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _enc, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

async function runIngest(args: string[]) {
  const io = { stdout: sink(), stderr: sink() };
  let code = -1;
  const program = new Command('flowlens').exitOverride();
  registerIngest(program, io, (c) => {
    code = c;
  });
  await program.parseAsync(['ingest', ...args, '--quiet'], { from: 'user' });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('flowlens ingest', () => {
  it('writes canonical JSONL to --out, quarantines next to it, and prints the reconciled summary', async () => {
    const dir = tempDir();
    const out = join(dir, 'flows.jsonl');
    const { code, stderr } = await runIngest([fixture('bad-rows.csv'), '--out', out]);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([2, 9]);
    const quarantine = join(dir, 'flows.quarantine.jsonl');
    expect(readFileSync(quarantine, 'utf8').trim().split('\n')).toHaveLength(6);
    expect(stderr).toBe(
      `${fixture('bad-rows.csv')} (nprobe-csv): read 8 = accepted 2 + quarantined 6; late 0\nnotes: none\n` +
        `warning: 6 of 8 rows were quarantined; is ${fixture('bad-rows.csv')} in another format than nprobe-csv?\nquarantined rows: ${quarantine}\n`,
    );
  });

  it('round-trips: its JSONL output reads back as canonical-jsonl with the same flows', async () => {
    const dir = tempDir();
    const out = join(dir, 'zeek.jsonl');
    await runIngest([fixture('zeek-conn.log'), '--out', out]);
    const first = await readAllFlows(fixture('zeek-conn.log'), { quarantineFile: join(dir, 'q1') });
    const again = await readAllFlows(out, { quarantineFile: join(dir, 'q2') });
    expect(again.source.format).toBe('canonical-jsonl');
    expect(again.source.hasTime).toBe(true);
    expect(again.flows.map(({ line: _l, ...f }) => f)).toEqual(first.flows.map(({ line: _l, ...f }) => f));
    expect(again.flows.map((f) => f.line)).toEqual([1, 2, 3]);
  });

  it('honours --format, --reorder-window and --max-bad-ratio', async () => {
    const dir = tempDir();
    const late = await runIngest([fixture('reorder.csv'), '--reorder-window', '1m', '--reorder-hold', '0', '--out', join(dir, 'r.jsonl')]);
    // r3 arrives after r2 (30 s earlier: reordered), r6 after r5 (300 s earlier: late)
    expect(late.stderr).toContain('late 1 (out of time order 2, reordered or late)\nnotes: late-flow 1');
    await expect(runIngest([fixture('bad-rows.csv'), '--max-bad-ratio', '0.1', '--out', join(dir, 'b.jsonl')])).rejects.toThrow('6 of 8 rows');
    await expect(runIngest([fixture('nprobe-v3.csv'), '--format', 'nfdump-csv', '--out', join(dir, 'n.jsonl')])).rejects.toThrow(
      'Missing required column `ts`',
    );
  });

  it('warns on stderr when the input is not in time order, and --reorder-window all sorts it whole', async () => {
    const dir = tempDir();
    const input = fixture('sorted-by-source.csv');
    const streamed = await runIngest([input, '--reorder-hold', '0', '--out', join(dir, 's.jsonl')]);
    expect(streamed.stderr).toContain('late 22 (out of time order 22, reordered or late)\nnotes: late-flow 22\n');
    // once at the first 1,000 flows (this file has fewer) and in the summary
    expect(streamed.stderr.match(/warning: /g)).toHaveLength(1);
    expect(streamed.stderr).toContain(`warning: ${input} is not in time order: 22 of 36 flows (61.1 %)`);
    const whole = await runIngest([input, '--reorder-window', 'all', '--reorder-hold', '0', '--out', join(dir, 'w.jsonl')]);
    expect(whole.stderr).toContain('late 0 (out of time order 22, reordered or late)\nnotes: none\n');
    expect(whole.stderr).not.toContain('warning');
    const starts = readFileSync(join(dir, 'w.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { start_ms: number }).start_ms);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // by default the first 50,000 flows are held whole: this small file is sorted without being asked
    const byDefault = await runIngest([input, '--out', join(dir, 'd.jsonl')]);
    expect(byDefault.stderr).toContain('late 0 (out of time order 22, reordered or late)\nnotes: none\n');
    await expect(runIngest([input, '--reorder-hold', '-1', '--out', join(dir, 'x.jsonl')])).rejects.toThrow('Expected a whole number of flows');
  });

  it('documents the default quarantine path', () => {
    expect(defaultQuarantinePath('data/in.csv.gz', 'out/flows.jsonl', '/w')).toBe('/w/out/flows.quarantine.jsonl');
    expect(defaultQuarantinePath('data/in.csv.gz', undefined, '/w')).toBe('/w/in.csv.quarantine.jsonl');
    expect(existsSync('/w')).toBe(false);
  });
});
