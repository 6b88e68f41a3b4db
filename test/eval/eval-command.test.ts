import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { CI_SUITE, ciSuite, tempDir, writeSuite } from './support.ts';

describe('flowlens eval', () => {
  it('exits 0 on the CI suite and prints the headline per prompt', async () => {
    await using dir = tempDir();
    const { code, stdout } = await runCli(['eval', CI_SUITE, '--out', dir.path, '--quiet']);
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(/^explain-flow@v1: [\d.]+ hallucinated claims per 100 reports, supported share [\d.]+ % \(8 reports, \d+ claims\)$/m);
    expect(stdout).toMatch(/^pass: explain-flow@v2: supported share/m);
    expect(readFileSync(join(dir.path, 'summary.md'), 'utf8')).toMatch(/^# Eval: ci — PASSED/);
  });

  it('exits with EXIT.FINDINGS when a threshold fails', async () => {
    await using dir = tempDir();
    // Gate v1 too: its planted hallucinations fail both absolute thresholds.
    const suite = writeSuite(dir.path, ciSuite({ thresholds: { min_supported_share: 0.95, max_unsupported_per_report: 0 } }));
    const { code, stdout, stderr } = await runCli(['eval', suite, '--out', join(dir.path, 'out'), '--quiet']);
    expect(code).toBe(EXIT.FINDINGS);
    expect(stdout).toMatch(/^FAIL: explain-flow@v1: supported share [\d.]+ % < 95\.0 %$/m);
    expect(stdout).toMatch(/^FAIL: explain-flow@v1: at most [1-9]\d* unsupported claims in one report \(limit 0\)$/m);
    expect(stderr).toContain('flowlens: eval ci-copy FAILED');
    expect(readFileSync(join(dir.path, 'out', 'summary.md'), 'utf8')).toMatch(/^# Eval: ci-copy — FAILED/);
  });

  it('fails the gate when answers are missing (cassette misses are failed reports, never clean ones)', async () => {
    await using dir = tempDir();
    const suite = writeSuite(dir.path, ciSuite({ provider: { name: 'replay', cassettes: join(dir.path, 'empty'), model: 'other-model' }, thresholds: { min_supported_share: 0.5 } }));
    const { code, stdout } = await runCli(['eval', suite, '--out', join(dir.path, 'out'), '--quiet']);
    expect(code).toBe(EXIT.FINDINGS);
    expect(stdout).toContain('explain-flow@v1: 0 hallucinated claims per 100 reports, supported share 100.0 % (0 reports, 0 claims, 8 failed)');
    expect(readFileSync(join(dir.path, 'out', 'summary.md'), 'utf8')).toContain('- explain-flow@v1 flow 3943031 sample 0: CassetteMissError: ');
  });

  it('rejects a bad suite with EXIT.INPUT, naming the key', async () => {
    await using dir = tempDir();
    const suite = writeSuite(dir.path, ciSuite({ baseline: 'explain-flow@v9', repeats: 0 }));
    const { code, stderr } = await runCli(['eval', suite]);
    expect(code).toBe(EXIT.INPUT);
    expect(stderr).toMatch(/Invalid suite key `repeats`: .* at .*suite\.yaml/);
  });
});
