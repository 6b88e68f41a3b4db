import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../run/support.ts';
import { runCli } from './support.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const eve = resolve(repoRoot, '../shared/data/real/suricata-eve-zeus-lab/eve.json');

describe.skipIf(!existsSync(eve))('flowlens enrich on the Zeus lab eve.json (skipped when /work/shared/data/real is absent)', () => {
  it('adds an explanation to the alerts joined to flows by flow_id and passes every line through in order', async () => {
    const dir = tempDir();
    const out = join(dir, 'enriched.jsonl');
    const { code, stderr } = await runCli(['enrich', eve, '--out', out, '--provider', 'offline', '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(stderr).toMatch(/869 lines: \d+ enriched/);
    expect(code).toBe(0);
    const input = readFileSync(eve, 'utf8').split('\n');
    const output = readFileSync(out, 'utf8').split('\n');
    expect(output).toHaveLength(input.length);
    let enriched = 0;
    output.forEach((line, i) => {
      if (line === input[i]) return;
      enriched++;
      // the original text is a prefix of the enriched line, byte for byte
      expect(line.startsWith(input[i]!.slice(0, input[i]!.lastIndexOf('}')))).toBe(true);
      const record = JSON.parse(line) as { event_type: string; explanation: Record<string, unknown> };
      expect(record.event_type).toBe('alert');
      expect(Object.keys(record.explanation)).toEqual(['text', 'provider', 'model', 'prompt', 'grounding']);
      expect(record.explanation).toMatchObject({ provider: 'offline', prompt: { id: 'explain-flow' } });
    });
    expect(enriched).toBeGreaterThan(100);
    expect(stderr).toContain(`${enriched} enriched`);
  }, 60_000);
});

describe('flowlens enrich with a saved baseline', () => {
  const fixture = resolve(repoRoot, 'fixtures/flows/ingest/suricata-eve.json');

  it('warns that a baseline fitted on the alerts file itself (2 flows) means little', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli(['enrich', fixture, '--out', join(dir, 'e.jsonl'), '--cache-dir', join(dir, 'cache'), '--quiet']);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: the baseline has only 2 flows');
    expect(stderr).toMatch(/suricata-eve\.json \(suricata-eve\): read 2 = accepted 2 \+ quarantined 0/);
  });

  it('scores against --baseline-file with the scoring options, without that warning', async () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.json');
    const fit = await runCli(['baseline', 'fit', resolve(repoRoot, 'fixtures/flows/demo.csv'), '--window', '90s', '--out', baseline, '--quiet']);
    expect(fit.code, fit.stderr).toBe(0);
    const out = join(dir, 'e.jsonl');
    const args = ['enrich', fixture, '--out', out, '--baseline-file', baseline, '--scorer', 'robust-z', '--cache-dir', join(dir, 'cache'), '--quiet'];
    const { code, stderr } = await runCli(args);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('warning: the baseline');
    const enriched = readFileSync(out, 'utf8').split('\n').filter((l) => l.includes('"explanation"'));
    expect(enriched).toHaveLength(1);
    expect(enriched[0]).toMatch(/robust-z/);
  }, 60_000);
});
