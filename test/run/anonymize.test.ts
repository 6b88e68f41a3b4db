import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Anonymizer, filterAllowed, runBatch } from '../../src/run/index.ts';
import { fakeProvider, render, requestKey, table, tempDir } from './support.ts';

describe('Anonymizer', () => {
  it('gives each address one placeholder across the run and maps answers back', () => {
    const anonymizer = new Anonymizer();
    const [a, b] = anonymizer.anonymizeAll([table('1', '10.0.0.1', '2001:db8::7'), table('2', '2001:db8::7', '10.0.0.9')]);
    expect(a!.flow).toMatchObject({ src_addr: 'host-1', dst_addr: 'host-2' });
    expect(b!.flow).toMatchObject({ src_addr: 'host-2', dst_addr: 'host-3' });
    expect(anonymizer.restore('host-1 talked to host-2; host-3 (and host-30) did not; ghost-1 stays.')).toBe(
      '10.0.0.1 talked to 2001:db8::7; 10.0.0.9 (and host-30) did not; ghost-1 stays.',
    );
  });

  it('replaces configured fields and address literals inside string fields', () => {
    const t = table('1');
    t.fields.push({ name: 'note', value: 'seen from 172.16.0.5 and fe80::1', unit: '', description: 'free text', baseline: null, contribution: null });
    const [out] = new Anonymizer(['L7_PROTO']).anonymizeAll([t]);
    expect(out!.fields.map((f) => f.value)).toEqual(['l7-proto-1', 'seen from host-3 and host-4']);
    expect(JSON.stringify(out)).not.toMatch(/10\.0\.0\.1|192\.168\.1\.20|172\.16\.0\.5|fe80::1|7\.178/);
  });

  it('sends only allowed rows, withholds identity members outside the list, and never the source path', () => {
    const out = filterAllowed(table('1'), ['in_bytes', 'dst_port', 'protocol']);
    expect(out.features.map((f) => f.name)).toEqual(['in_bytes']);
    expect(out.fields).toEqual([]);
    expect(out.flow).toMatchObject({ src_addr: '[withheld]', dst_addr: '[withheld]', src_port: null, dst_port: 51000, protocol_name: 'TCP' });
    expect(out.source).toBeUndefined();
  });

  it('keeps addresses off the wire in a batch and restores them in the recorded text', async () => {
    const provider = fakeProvider();
    const dir = tempDir();
    const summary = await runBatch([{ id: 'x', table: table('x', '10.9.8.7', '192.0.2.55') }], {
      provider,
      render,
      requestKey,
      resultsFile: join(dir, 'r.jsonl'),
      cacheDir: join(dir, 'cache'),
      privacy: { anonymize: true },
    });
    const sent = JSON.stringify(provider.seen);
    expect(sent).not.toContain('10.9.8.7');
    expect(sent).not.toContain('192.0.2.55');
    expect(sent).not.toContain('secret-case');
    expect(summary.records[0]).toMatchObject({
      status: 'done',
      anonymized: true,
      text: 'Flow x from 10.9.8.7 to 192.0.2.55 carried 4761630 bytes.',
    });
  });
});
