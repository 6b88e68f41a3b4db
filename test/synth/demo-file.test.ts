import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/features/index.ts';
import { openFlows } from '../../src/ingest/index.ts';
import { synthCsvChunks } from '../../src/synth/index.ts';
import { runCli } from '../cli/support.ts';

const DEMO = resolve(import.meta.dirname, '../../fixtures/flows/demo.csv');

describe('fixtures/flows/demo.csv', () => {
  it('is exactly what `flowlens synth --flows 20000 --seed 42` writes (fixtures/flows/README.md)', async () => {
    const { code, stdout } = await runCli(['synth', '--flows', '20000', '--seed', '42']);
    expect(code).toBe(0);
    const committed = readFileSync(DEMO, 'utf8');
    expect(stdout.length).toBe(committed.length);
    expect(stdout === committed).toBe(true);
    expect([...synthCsvChunks()].join('') === committed).toBe(true); // the defaults are the documented ones
  });

  it('ingests cleanly and gives the seed flow the seed’s window values, with inter_arrival_ms null', async () => {
    const source = await openFlows(DEMO, { quarantineFile: join(tmpdir(), `flowlens-demo-test-${process.pid}.quarantine.jsonl`) });
    let seed;
    let rows = 0;
    for await (const batch of extractFeatures(source)) {
      rows += batch.length;
      seed ??= batch.find((r) => r.flow.id === '3943031');
    }
    expect(rows).toBe(20_000);
    expect(source.summary()).toMatchObject({ read: 20_000, accepted: 20_000, quarantined: 0, late: 0, format: 'nprobe-csv' });
    expect(seed!.flow.labels).toEqual({ Label: '0', Attack: 'Benign' });
    expect(seed!.features).toMatchObject({
      IN_PKTS: 3730, IN_BYTES: 4_761_630, duration_ms: 65_870, src_flows_in_window: 1, dst_flows_in_window: 3,
      src_in_pkts_sum: 3730, src_entropy_protocol: 0, src_syn_flows: 0, inter_arrival_ms: null,
    });
    expect(seed!.features.avg_in_packet_size).toBeCloseTo(1276.5764075067, 9);
  });
});
