import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { resolveConfig } from '../../src/config/index.ts';
import { prepareBatch, runBatch, type DoneRecord } from '../../src/run/index.ts';
import { table, tempDir } from './support.ts';

describe('anonymize with the offline narrator and the checker', () => {
  it('sends placeholders, restores the real addresses, and the checker grounds the restored text against the real table', async () => {
    const dir = tempDir();
    const config = resolveConfig({ provider: 'offline' }, { cwd: dir, env: {} });
    const real = table('a1', '203.0.113.77', '2001:db8::42');
    const plainSetup = await prepareBatch(config, { cacheDir: false });
    const anonSetup = await prepareBatch(config, { cacheDir: false, privacy: { anonymize: true } });
    const seen: string[] = [];
    const spy = { ...anonSetup.provider, id: anonSetup.provider.id, narrate: (r: Parameters<typeof anonSetup.provider.narrate>[0], o?: { signal?: AbortSignal }) => {
      seen.push(JSON.stringify(r.messages));
      return anonSetup.provider.narrate(r, o);
    } };
    const plain = (await runBatch([{ id: 'a1', table: real }], { ...plainSetup, resultsFile: join(dir, 'plain.jsonl') })).records[0] as DoneRecord;
    const anon = (await runBatch([{ id: 'a1', table: real }], { ...anonSetup, provider: spy, resultsFile: join(dir, 'anon.jsonl') })).records[0] as DoneRecord;
    expect(seen.join('')).not.toMatch(/203\.0\.113\.77|2001:db8::42/);
    expect(seen.join('')).toContain('host-1');
    expect(anon.text).toContain('203.0.113.77');
    expect(anon.text).toContain('2001:db8::42');
    expect(anon.text).not.toMatch(/\bhost-\d/);
    expect(anon.text).toBe(plain.text);
    const check = checkNarrative(anon.text, real);
    expect(check.summary).toEqual(checkNarrative(plain.text, real).summary);
    expect(check.claims.some((c) => c.text.includes('203.0.113.77') && c.verdict === 'supported')).toBe(true);
  });
});
