import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Anonymizer, filterAllowed, runBatch } from '../../src/run/index.ts';
import { fakeProvider, render, requestKey, table, tempDir } from './support.ts';

const row = (name: string, value: string | number | null) => ({ name, value, unit: '', description: 'x', baseline: null, contribution: null });

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

  it('replaces the flow id, addresses in every spelling and names that embed one', () => {
    const t = table('172.20.1.5-198.51.100.23-51004-4444-6', '172.20.1.5', '198.51.100.23');
    t.fields.push(
      row('padded', '010.020.030.040'),
      row('server_name', 'ec2-54-12-3-4.compute-1.amazonaws.com'),
      row('ptr', '4.3.12.54.in-addr.arpa'),
      row('bare_host', 'ip-10-1-2-3'),
      row('url', 'http://203.0.113.99:8080/login?next=/x'),
      row('v6', 'peer [2001:0DB8:0000:0000:0000:FF00:0042:8329]:443 and fe80::1%eth0'),
      row('mapped', '::ffff:100.64.7.9'),
      row('same_v4', 'again 10.20.30.40'),
      row('stamp', '2019-10-02T07:53:06Z'),
    );
    const [out] = new Anonymizer().anonymizeAll([t]);
    expect(out!.flow_id).toBe('flow-1');
    expect(out!.flow).toMatchObject({ src_addr: 'host-1', dst_addr: 'host-2' });
    expect(Object.fromEntries(out!.fields.map((f) => [f.name, f.value]))).toEqual({
      L7_PROTO: '7.178',
      padded: 'host-3',
      server_name: 'name-1',
      ptr: 'name-2',
      bare_host: 'name-3',
      url: 'http://host-4:8080/login?next=/x',
      v6: 'peer [host-5]:443 and host-6',
      mapped: 'host-7',
      same_v4: 'again host-3',
      stamp: '2019-10-02T07:53:06Z',
    });
  });

  it('never gives out a placeholder the data holds, so a real host-2 is not restored', () => {
    const a = table('1', '10.0.0.1', '10.0.0.2');
    a.fields.push(row('hostname', 'host-2'), row('peer', 'ec2-host-3-x'));
    const anonymizer = new Anonymizer();
    const [out] = anonymizer.anonymizeAll([a]);
    expect(out!.flow).toMatchObject({ src_addr: 'host-1', dst_addr: 'host-4' });
    expect(out!.fields.find((f) => f.name === 'hostname')!.value).toBe('host-2');
    expect(anonymizer.restore('host-1 and host-4 resolve as host-2; ec2-host-3-x too')).toBe('10.0.0.1 and 10.0.0.2 resolve as host-2; ec2-host-3-x too');
  });

  it('restores placeholders joined by a dash, in any case, but not inside longer words', () => {
    const anonymizer = new Anonymizer();
    anonymizer.anonymizeAll([table('a-b', '10.0.0.1', '10.0.0.2')]);
    expect(anonymizer.restore('host-1-host-2-51004-4444-6; Host-1 sent; flow-1 is it; xhost-1 and host-10 stay')).toBe(
      '10.0.0.1-10.0.0.2-51004-4444-6; 10.0.0.1 sent; a-b is it; xhost-1 and host-10 stay',
    );
  });

  it('replaces ports named in --anonymize-fields (identity and rows) and names the fields no table has', () => {
    const t = table('1');
    t.fields.push(row('L4_DST_PORT', 443), row('id.orig_p', 51000));
    const anonymizer = new Anonymizer(['src_port', 'DST_PORT', 'l4_dst_port', 'id.orig_p', 'no_such_field']);
    const [out] = anonymizer.anonymizeAll([t]);
    expect(out!.flow).toMatchObject({ src_port: null, dst_port: null });
    expect(Object.fromEntries(out!.fields.map((f) => [f.name, f.value]))).toMatchObject({ L4_DST_PORT: 'port-1', 'id.orig_p': 'port-2', src_port: 'port-1', dst_port: 'port-2' });
    expect(JSON.stringify(out)).not.toMatch(/\b(443|51000)\b/);
    expect(anonymizer.unmatchedFields()).toEqual(['no_such_field']);
    expect(anonymizer.restore('from port-1 to port-2')).toBe('from 443 to 51000');
  });

  it('warns in the run summary about an --anonymize-fields name no table has', async () => {
    const dir = tempDir();
    const summary = await runBatch([{ id: 'x', table: table('x') }], {
      provider: fakeProvider(),
      render,
      requestKey,
      resultsFile: join(dir, 'r.jsonl'),
      cacheDir: false,
      privacy: { anonymize: true, fields: ['L7_PROTO', 'srcport'] },
    });
    expect(summary.warnings).toEqual([
      '--anonymize-fields: no row or identity member is named `srcport` in any table, so nothing was replaced for it (names are matched ignoring case)',
    ]);
  });
});
