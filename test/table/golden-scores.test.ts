import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support.ts';

/**
 * The isolation forest's output pinned byte for byte (issue 14): every score of the scores file and
 * every table of the top flows, for a baseline fitted on the demo's first 3,000 flows and the next
 * 3,000 scored against it (so flows fall outside the trees' training ranges too). Speed work on the
 * walk, the attribution or the writers must leave these files unchanged. After a deliberate change
 * to the method, regenerate with FLOWLENS_UPDATE_GOLDEN=1 npx vitest run test/table/golden-scores.test.ts.
 */
const golden = resolve(import.meta.dirname, '../../fixtures/score/golden');
const demo = readFileSync(resolve(import.meta.dirname, '../../fixtures/flows/demo.csv'), 'utf8').split('\n');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-golden-'));
const baseline = join(dir, 'baseline.csv');
const input = join(dir, 'input.csv');
writeFileSync(baseline, `${demo.slice(0, 3001).join('\n')}\n`);
writeFileSync(input, `${[demo[0], ...demo.slice(3001, 6001)].join('\n')}\n`);

describe('isolation forest golden output', () => {
  it('writes the same scores file and tables as when pinned', async () => {
    const out = join(dir, 'tables');
    const scores = join(dir, 'scores.jsonl');
    const args = ['score', input, '--baseline', baseline, '--top', '5', '--out', out, '--scores', scores, '--quiet'];
    const { code, stderr } = await runCli(args);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const produced = new Map([['scores.jsonl', readFileSync(scores, 'utf8')]]);
    // The input file's temporary path appears in each table: pin it as a stable name.
    for (const name of readdirSync(out).sort()) produced.set(`table-${name}`, readFileSync(join(out, name), 'utf8').replaceAll(input, 'input.csv'));
    if (process.env.FLOWLENS_UPDATE_GOLDEN) {
      mkdirSync(golden, { recursive: true });
      for (const [name, text] of produced) writeFileSync(join(golden, name), text);
    }
    expect(existsSync(golden)).toBe(true);
    expect([...produced.keys()].sort()).toEqual(readdirSync(golden).sort());
    for (const [name, text] of produced) expect(text, name).toBe(readFileSync(join(golden, name), 'utf8'));
  }, 120_000);
});
