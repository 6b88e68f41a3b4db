import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_MS, extractFeatures, FEATURES, FEATURE_NAMES, type FlowFeatures } from '../../src/features/index.ts';
import { openFlows } from '../../src/ingest/index.ts';

const REAL = resolve(import.meta.dirname, '../../../shared/data/real');
const NF_V2 = join(REAL, 'nf-v2-bot-iot/nf-bot-iot-v2_subset.csv');
const ZEEK = join(REAL, 'iot23-zeek-ctu34-1/conn.log.labeled');
const WINDOW = FEATURE_NAMES.filter((n) => FEATURES[n].group === 'window');
if (!existsSync(REAL)) console.warn(`skipping real-data feature tests: ${REAL} is absent`);

async function extract(file: string, reorderHoldFlows?: number): Promise<{ rows: FlowFeatures[]; late: number }> {
  const quarantineFile = join(tmpdir(), `flowlens-features-real-${process.pid}.jsonl`);
  const source = await openFlows(file, { quarantineFile, ...(reorderHoldFlows !== undefined ? { reorderHoldFlows } : {}) });
  const rows: FlowFeatures[] = [];
  for await (const batch of extractFeatures(source)) rows.push(...batch);
  return { rows, late: source.summary().late };
}

describe.skipIf(!existsSync(NF_V2))('NF-v2 (no time fields, wrapped durations)', () => {
  it('every window feature is null; durations are what ingest gave; rates null where the duration is', async () => {
    const { rows } = await extract(NF_V2);
    expect(rows.length).toBeGreaterThan(16_000);
    for (const { features } of rows) for (const name of WINDOW) expect(features[name]).toBeNull();
    const wrapped = rows.filter((r) => r.flow.notes.some((n) => n.code === 'wrapped-duration'));
    expect(wrapped.length).toBeGreaterThan(0);
    for (const { flow, features } of wrapped) {
      expect(features.duration_ms).toBe(flow.duration_ms);
      if (flow.duration_ms === null || flow.duration_ms === 0) expect(features.in_bytes_per_s).toBeNull();
    }
  });
});

describe.skipIf(!existsSync(ZEEK))('Zeek conn.log (dense, out-of-order ts)', () => {
  it('late flows get null window features; every other flow has consistent windows', async () => {
    // streamed with the window only (no whole-input hold), so the long connections Zeek logs late are late
    const { rows, late } = await extract(ZEEK, 0);
    expect(late).toBe(428);
    const nulls = rows.filter((r) => r.features.src_flows_in_window === null);
    expect(nulls.length).toBe(late);
    for (const { features: f } of rows.filter((r) => r.features.src_flows_in_window !== null)) {
      expect(f.src_flows_in_window).toBeGreaterThanOrEqual(1);
      expect(f.dst_flows_in_window).toBeGreaterThanOrEqual(1);
      expect(f.src_distinct_dst_addrs).toBeLessThanOrEqual(f.src_flows_in_window!);
      expect(f.dst_distinct_src_addrs).toBeLessThanOrEqual(f.dst_flows_in_window!);
      expect(f.src_syn_flows === null || f.src_syn_flows <= f.src_flows_in_window!).toBe(true);
      if (f.inter_arrival_ms !== null) expect(f.inter_arrival_ms).toBeLessThanOrEqual(DEFAULT_WINDOW_MS);
      if (f.src_flows_in_window === 1) expect(f.inter_arrival_ms).toBeNull();
    }
  });

  it('held whole by default (23,145 flows), no flow is late and every flow has window features', async () => {
    const { rows, late } = await extract(ZEEK);
    expect(late).toBe(0);
    expect(rows.filter((r) => r.features.src_flows_in_window === null)).toEqual([]);
  });
});
