import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureTableSchema } from '../../../src/table/index.ts';
import { writeFlowsCsv } from '../../table/flows-csv.ts';
import { runCli } from '../support.ts';
import { spawnCli } from '../../support/spawn-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowlens-cli-score-'));
const flows = writeFlowsCsv(dir, 'flows.csv', 120, [{ inBytes: 50_000_000, inPkts: 40_000, duration: 500, attack: 'dos' }]);

describe('flowlens score / baseline / schema', () => {
  it('writes one FeatureTable per selected flow and every score', async () => {
    const out = join(dir, 'tables');
    const scores = join(dir, 'scores.jsonl');
    const r = await runCli(['score', flows, '--top', '2', '--window', '60s', '--out', out, '--scores', scores, '--quiet']);
    expect(r.stderr).toContain(`scores: ${scores}`);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(2);
    const table = FeatureTableSchema.parse(JSON.parse(readFileSync(join(out, 'flow-121.json'), 'utf8')));
    expect(table.score).toMatchObject({ method: 'isolation-forest', rank: 1, of: 121 });
    expect(readFileSync(scores, 'utf8').trim().split('\n')).toHaveLength(121);
  });

  it('writes the same scores file with --threads 1 and --threads 3, and refuses --threads 0', async () => {
    const files = [];
    for (const threads of ['1', '3']) {
      const scores = join(dir, `scores-${threads}.jsonl`);
      const r = await runCli(['score', flows, '--threads', threads, '--out', join(dir, `t${threads}`), '--scores', scores, '--quiet']);
      expect(r.code).toBe(0);
      files.push(readFileSync(scores, 'utf8'));
    }
    expect(files[0]!.split('\n')).toHaveLength(122);
    expect(files[1]).toBe(files[0]);
    const bad = await runCli(['score', flows, '--threads', '0', '--out', join(dir, 'none'), '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected a whole number ≥ 1, got `0`');
  });

  it('exits when its work is done though a walk thread got no block (121 flows, 3 threads)', async () => {
    const cli = spawnCli(['score', flows, '--threads', '3', '--out', join(dir, 'exits'), '--quiet']);
    // a guard against hanging for good, not a measure of speed: an idle worker once held the process open
    const guard = setTimeout(() => cli.kill(), 60_000);
    const { code, signal } = await cli.exited;
    clearTimeout(guard);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('refuses --top 0 with exit code 2 and a clear message', async () => {
    const r = await runCli(['score', flows, '--top', '0', '--out', join(dir, 'none'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Expected `--top` to be a whole number ≥ 1, got `0`');
  });

  it('fits and saves a baseline, then scores with it; a baseline of another version is exit 2', async () => {
    const file = join(dir, 'baseline.json');
    const fit = await runCli(['baseline', 'fit', flows, '--out', file, '--quiet']);
    expect(fit.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'flowlens-baseline', version: 1, rows: 121 });
    const ok = await runCli(['score', flows, '--top', '1', '--baseline-file', file, '--out', join(dir, 'with-baseline'), '--quiet']);
    expect(ok.code).toBe(0);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), version: 0 }));
    const bad = await runCli(['score', flows, '--baseline-file', file, '--out', join(dir, 'bad'), '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('baseline format version 0, this flowlens reads version 1');
  });

  it('prints the FeatureTable JSON Schema', async () => {
    const r = await runCli(['schema', 'table']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['flow_id', 'features']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['score', 'features', 'fields', 'notes', 'window']));
  });
});
