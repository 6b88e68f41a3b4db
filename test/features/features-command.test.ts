import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/commands/parse-duration.ts';
import { FEATURE_NAMES } from '../../src/features/index.ts';
import { runCli } from '../cli/support.ts';

const INPUT = resolve(import.meta.dirname, '../../fixtures/flows/ingest/nprobe-v3.csv');
const dir = mkdtempSync(join(tmpdir(), 'flowlens-features-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quarantine = ['--quarantine', join(dir, 'q.jsonl')];

describe('flowlens features', () => {
  it('writes one JSONL row per flow: id, canonical fields, labels, every feature by registry name, null for n/a', async () => {
    const { code, stdout, stderr } = await runCli(['features', INPUT, ...quarantine, '--quiet']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    for (const name of FEATURE_NAMES) expect(rows[0]).toHaveProperty(name);
    expect(rows[0]).toMatchObject({ src_addr: '10.0.0.1', dst_port: 443, protocol: 6, labels: { Label: '0', Attack: 'Benign' }, inter_arrival_ms: null, src_flows_in_window: 1 });
    expect(rows[1]).toMatchObject({ duration_ms: 0, in_bytes_per_s: null, in_pkts_per_s: null, avg_in_packet_size: 74 });
    // 10.0.0.1 again 3 s later: both flows in its window, both with SYN
    expect(rows[2]).toMatchObject({
      src_flows_in_window: 2, inter_arrival_ms: 3000, src_syn_flows: 2, src_distinct_dst_ports: 2, src_distinct_dst_addrs: 2,
      src_in_pkts_sum: 11, src_in_bytes_sum: 1260, src_entropy_protocol: 0, dst_flows_in_window: 1,
    });
    expect(stderr).toContain('read 3 = accepted 3 + quarantined 0');
  });

  it('--window 2s leaves the flow 3 s earlier out', async () => {
    const { stdout } = await runCli(['features', INPUT, '--window', '2s', ...quarantine, '--quiet']);
    const last = JSON.parse(stdout.trim().split('\n')[2]!) as Record<string, unknown>;
    expect([last.src_flows_in_window, last.inter_arrival_ms]).toEqual([1, null]);
  });

  it('--out file.csv writes CSV with a header and empty cells for null', async () => {
    const out = join(dir, 'features.csv');
    const { code } = await runCli(['features', INPUT, '--out', out, ...quarantine, '--quiet']);
    expect(code).toBe(0);
    const [header, first] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(header!.slice(0, 12)).toEqual(['id', 'src_addr', 'dst_addr', 'src_port', 'dst_port', 'protocol', 'start_ms', 'end_ms', 'tcp_flags', 'notes', 'Label', 'Attack']);
    expect(header!.slice(12)).toEqual([...FEATURE_NAMES]);
    expect(first![header!.indexOf('inter_arrival_ms')]).toBe('');
    expect(first![header!.indexOf('IN_BYTES')]).toBe('1200');
  });

  it('rejects a window it cannot read (exit 2)', async () => {
    const { code, stderr } = await runCli(['features', INPUT, '--window', '5x']);
    expect(code).toBe(2);
    expect(stderr).toContain('Expected a duration like 60s, 5m or 1500ms, got `5x`');
  });
});

describe('parseDuration', () => {
  it.each([
    ['60s', 60_000],
    ['5m', 300_000],
    ['1500ms', 1500],
    ['1h', 3_600_000],
    ['2.5s', 2500],
    ['90', 90_000],
  ])('%s → %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
