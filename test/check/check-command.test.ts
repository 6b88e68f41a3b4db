import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support.ts';

const seed = resolve(import.meta.dirname, '../../eval/cases/flow-3943031.md');

function temp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flowlens-check-')), name);
  writeFileSync(file, text);
  return file;
}

describe('flowlens check', () => {
  it('checks the seed report on its own and exits 1 on its hallucinations', async () => {
    const { code, stdout } = await runCli(['check', seed, '--json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { claims: Array<{ text: string; start: number; end: number; verdict: string; evidence?: unknown }>; summary: { grounded: boolean; hallucinated: number } };
    const verdict = (text: string): string | undefined => out.claims.find((c) => c.text === text)?.verdict;
    expect(out.summary.grounded).toBe(false);
    expect(verdict('4.76 MB')).toBe('supported');
    expect(verdict('Approx. 577 Kbps')).toBe('supported');
    expect(verdict('within a data center')).toBe('unsupported');
    expect(verdict('back-to-back')).toBe('contradicted');
    expect(verdict('the vast majority of observed traffic')).toBe('unsupported');
    for (const c of out.claims) if (c.verdict === 'supported' || c.verdict === 'contradicted') expect(c.evidence).toBeDefined();
  });

  it('prints claims in plain text (no colour off a TTY) and exits 0 on a grounded narrative with --table', async () => {
    const table = temp('t.json', JSON.stringify({ IN_BYTES: 4761630, FLOW_DURATION_MILLISECONDS: 65870, PROTOCOL: 6, IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2' }));
    const text = temp('n.txt', 'The flow carried 4.76 MB over TCP in about 66 seconds.');
    const { code, stdout } = await runCli(['check', text, '--table', table]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).toContain('SUPPORTED    17-24 "4.76 MB"');
    expect(stdout).toMatch(/3 claims: 3 supported, 0 contradicted, 0 unsupported, 0 speculative; supported share 100.0 %; grounded/);
  });

  it('exits 2 on bad input, naming the file and what was expected', async () => {
    const text = temp('n.txt', 'Just text.');
    const missing = await runCli(['check', text]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`No feature table in ${text}; pass --table <file>`);
    const badTable = temp('bad.json', '[1, 2]');
    const bad = await runCli(['check', text, '--table', badTable]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected `table` to be a FeatureTable object, a flat {"FIELD": value} object or a nested alert object, got `[1,2]` (object) at');
    expect((await runCli(['check', '/nonexistent/report.md'])).code).toBe(2);
  });
});

describe('flowlens check on reports flowlens wrote', () => {
  it('reads the table back from a rendered report and finds the offline narrative grounded', async () => {
    const { readFileSync } = await import('node:fs');
    const { readTable } = await import('../../src/table/read.ts');
    const { narrateOffline } = await import('../../src/llm/index.ts');
    const { renderReport } = await import('../../src/report/index.ts');
    const table = readTable(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../eval/cases/tables/upload-tls.json'), 'utf8')));
    const markdown = renderReport({ table, explanation: { text: narrateOffline(table), provider: 'offline', model: 'offline', template: { id: 'explain-flow', version: 'v1' } } }, undefined);
    const { code, stdout } = await runCli(['check', temp('flow-88120.md', markdown), '--json']);
    const out = JSON.parse(stdout) as { summary: { grounded: boolean; supported: number } };
    expect(out.summary.grounded).toBe(true);
    expect(out.summary.supported).toBeGreaterThan(20);
    expect(code).toBe(0);
  });
});
