import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/features/registry.ts';
import { createRobustZ } from '../../src/score/index.ts';
import { buildTable } from '../../src/table/build-table.ts';
import { FeatureTableSchema } from '../../src/table/schema.ts';
import { fitOn, makeValues } from '../score/support.ts';
import { baseline, seedFlow, seedTable } from './support.ts';

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}

describe('buildTable', () => {
  const table = seedTable();

  it('validates against the schema and has the flow identity with the IANA protocol name', () => {
    expect(FeatureTableSchema.parse(table)).toEqual(table);
    expect(table.flow).toEqual({
      src_addr: '2a0b:e43:1::21',
      dst_addr: '2002:becf:7b73::becf:7b73',
      src_port: 443,
      dst_port: 57360,
      protocol: 6,
      protocol_name: 'TCP',
      start: '2019-10-02T07:53:06.000Z',
      end: '2019-10-02T07:54:11.870Z',
    });
    expect(table.score).toMatchObject({ method: 'robust-z', rank: 1, of: 2001, threshold: 3 });
    expect(table.source).toEqual({ file: 'seed.csv', line: 17 });
  });

  it('has every registry feature once, ordered by |contribution|, nulls last', () => {
    expect(table.features.map((r) => r.name).sort()).toEqual([...FEATURE_NAMES].sort());
    const mags = table.features.map((r) => (r.contribution === null || r.contribution === undefined ? -1 : Math.abs(r.contribution)));
    expect(mags).toEqual([...mags].sort((a, b) => b - a));
    expect(table.features[0]!.name).toMatch(/IN_BYTES|IN_PKTS|src_in_bytes_sum|src_in_pkts_sum|duration_ms/);
    expect(table.features[0]!.contribution).toBeGreaterThan(0);
  });

  it('keeps null as null, with the definition that says why', () => {
    const row = table.features.find((r) => r.name === 'OUT_BYTES')!;
    expect(row).toMatchObject({ value: null, contribution: null, baseline: { percentile: null } });
    expect(row.description).toMatch(/null when the exporter reports one direction only/);
  });

  it('gives each feature its unit, definition and baseline median / p99 / percentile', () => {
    const row = table.features.find((r) => r.name === 'IN_BYTES')!;
    expect(row.unit).toBe('bytes');
    expect(row.description).toBe('Bytes sent from source to destination in this flow');
    expect(row.baseline!.median).toBe(baseline.features.IN_BYTES.median);
    expect(row.baseline!.p99).toBe(baseline.features.IN_BYTES.p99);
    expect(row.baseline!.percentile).toBe(100);
  });

  it('never puts labels in the table', () => {
    const text = JSON.stringify(table);
    expect(text).not.toContain('exfiltration');
    expect(text).not.toMatch(/"(Label|Attack)"/);
  });

  it('carries the other fields with units and definitions, TCP flags decoded', () => {
    expect(table.fields.map((f) => f.name)).toEqual(['TCP_FLAGS', 'L7_PROTO', 'MIN_TTL', 'score_Autoencoder']);
    expect(table.fields[0]!.description).toMatch(/set here: PSH, ACK$/);
    expect(table.fields[2]).toMatchObject({ value: 57, unit: 'hops' });
    expect(seedTable({ omitFields: ['score_Autoencoder'] }).fields.map((f) => f.name)).not.toContain('score_Autoencoder');
  });

  it('says why window features are null when the input has no time', () => {
    const t = seedTable({ window: { ms: 60_000, available: false, reason: 'the input has no time fields (nprobe-csv)' } });
    expect(t.window).toEqual({ seconds: 60, available: false, reason: 'the input has no time fields (nprobe-csv)' });
  });

  it('has no NaN or Infinity anywhere, even with a constant baseline, a one-flow input and broken values', () => {
    const one = makeValues();
    const single = fitOn([one]);
    const { flow } = seedFlow();
    const broken = { ...one, IN_BYTES: Number.NaN, duration_ms: Number.POSITIVE_INFINITY };
    const t = buildTable({
      flow: { ...flow, fields: { X: Number.NaN } },
      features: broken,
      result: createRobustZ(single).score(broken),
      method: 'robust-z',
      rank: 1,
      of: 1,
      threshold: 3,
      baseline: single,
      window: { ms: 60_000, available: true },
    });
    expect(numbersIn(t).every(Number.isFinite)).toBe(true);
    expect(t.features.find((r) => r.name === 'IN_BYTES')!.value).toBeNull();
    expect(t.score!.value).toBe(0);
  });
});
