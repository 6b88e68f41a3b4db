import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/features/registry.ts';
import { createRobustZ } from '../../src/score/robust-z.ts';
import { SCALE_FLOOR } from '../../src/score/fit-baseline.ts';
import { fitOn, makeNormalRows, makeValues } from './support.ts';

describe('robust-z scorer', () => {
  const rows = makeNormalRows(2000);
  const baseline = fitOn(rows);
  const scorer = createRobustZ(baseline);

  it('scores a flow with 1000x the usual bytes far above every normal flow', () => {
    const normal = rows.map((r) => scorer.score(r).score);
    const odd = scorer.score(makeValues({ ...rows[0], IN_BYTES: 5_000_000, in_bytes_per_s: 5_000_000, avg_in_packet_size: 1400 }));
    expect(odd.score).toBeGreaterThan(Math.max(...normal));
    const top = Object.entries(odd.contributions).sort((a, b) => Math.abs(b[1] ?? 0) - Math.abs(a[1] ?? 0))[0]!;
    expect(['IN_BYTES', 'in_bytes_per_s']).toContain(top[0]);
    expect(top[1]).toBeGreaterThan(0);
  });

  it('signs contributions by direction and makes |contributions| add up to the score', () => {
    const r = scorer.score(makeValues({ ...rows[3], IN_PKTS: 1, IN_BYTES: 40 }));
    expect(r.contributions.IN_PKTS).toBeLessThan(0);
    const sum = Object.values(r.contributions).reduce((s: number, c) => s + Math.abs(c ?? 0), 0);
    expect(sum).toBeCloseTo(r.score, 9);
  });

  it('leaves null features out: contribution null, not a stand-in 0', () => {
    const r = scorer.score(makeValues({ inter_arrival_ms: null, src_syn_flows: null }));
    expect(r.contributions.inter_arrival_ms).toBeNull();
    expect(r.contributions.src_syn_flows).toBeNull();
    expect(Number.isFinite(r.score)).toBe(true);
  });

  it('gives a constant feature (MAD 0) the floor scale and finite z', () => {
    const constant = fitOn(Array.from({ length: 50 }, () => makeValues()));
    expect(constant.features.IN_BYTES.scoring).toMatchObject({ scale: SCALE_FLOOR, scale_rule: 'floor' });
    expect(constant.features.IN_BYTES.mad).toBe(0);
    const r = createRobustZ(constant).score(makeValues({ IN_BYTES: 1e12 }));
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.score).toBeGreaterThan(0);
    for (const n of FEATURE_NAMES) expect(Number.isNaN(r.contributions[n] ?? 0)).toBe(false);
  });

  it('scores 0 for the only flow of a one-flow input', () => {
    const one = makeValues();
    expect(createRobustZ(fitOn([one])).score(one).score).toBe(0);
  });
});
