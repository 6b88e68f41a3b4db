import { describe, expect, it } from 'vitest';
import { createIsolationForest } from '../../src/score/isolation-forest.ts';
import { fitOn, makeNormalRows, makeValues } from './support.ts';

describe('isolation forest scorer', () => {
  const rows = makeNormalRows(3000);
  const baseline = fitOn(rows);

  it('gives the same scores on every run (seeded)', () => {
    const a = createIsolationForest(baseline, { trees: 60 });
    const b = createIsolationForest(baseline, { trees: 60 });
    for (const r of rows.slice(0, 50)) expect(a.score(r)).toEqual(b.score(r));
  });

  it('puts a flood flow above every normal flow and credits the volume features', () => {
    const forest = createIsolationForest(baseline);
    const normal = rows.slice(0, 500).map((r) => forest.score(r).score);
    const flood = forest.score(makeValues({ ...rows[0], IN_PKTS: 90_000, IN_BYTES: 90_000_000, in_pkts_per_s: 90_000, in_bytes_per_s: 90_000_000 }));
    expect(flood.score).toBeGreaterThan(Math.max(...normal));
    expect(flood.score).toBeGreaterThan(0.5);
    const sum = Object.values(flood.contributions).reduce((s: number, c) => s + Math.abs(c ?? 0), 0);
    expect(sum).toBeCloseTo(flood.score, 9);
    const top = Object.entries(flood.contributions).sort((a, b) => Math.abs(b[1] ?? 0) - Math.abs(a[1] ?? 0))[0]!;
    expect(['IN_PKTS', 'IN_BYTES', 'in_pkts_per_s', 'in_bytes_per_s']).toContain(top[0]);
    expect(top[1]).toBeGreaterThan(0);
  });

  it('gives null features a null contribution', () => {
    const r = createIsolationForest(baseline, { trees: 60 }).score(makeValues({ inter_arrival_ms: null }));
    expect(r.contributions.inter_arrival_ms).toBeNull();
  });

  it('scores 0 with no forest to grow (a one-flow input)', () => {
    const one = makeValues();
    expect(createIsolationForest(fitOn([one])).score(one).score).toBe(0);
  });
});

describe('isolation forest views', () => {
  const rows = makeNormalRows(1500, 11);
  const baseline = fitOn(rows);

  it('scores every view alone and mixed, finite and with contributions that add up to the score', () => {
    const odd = makeValues({ ...rows[0], IN_PKTS: 1, in_pkts_per_s: 0.01, duration_ms: 100_000, src_flows_in_window: 40 });
    for (const views of [['log'], ['rank'], ['normal'], ['log', 'rank', 'normal']] as const) {
      const r = createIsolationForest(baseline, { trees: 30, views }).score(odd);
      expect(Number.isFinite(r.score)).toBe(true);
      const sum = Object.values(r.contributions).reduce((s: number, c) => s + Math.abs(c ?? 0), 0);
      expect(sum).toBeCloseTo(r.score, 9);
    }
  });

  it('scores differ by view (the views draw thresholds on different scales)', () => {
    const probe = rows.slice(0, 20);
    const log = createIsolationForest(baseline, { trees: 30, views: ['log'] }).scores(probe);
    const rank = createIsolationForest(baseline, { trees: 30, views: ['rank'] }).scores(probe);
    expect(rank).not.toEqual(log);
  });

  it('gives the same scores to the bit on 1, 2 and 3 threads', async () => {
    const probe = [...rows, ...rows, ...rows, makeValues({ ...rows[0], IN_PKTS: 1e6, inter_arrival_ms: null })]; // 2 blocks
    const one = createIsolationForest(baseline, { trees: 30, threads: 1 });
    const expected = one.scores(probe);
    expect(await one.scoresAsync(probe)).toEqual(expected);
    for (const threads of [2, 3]) {
      const got = await createIsolationForest(baseline, { trees: 30, threads }).scoresAsync(probe);
      expect(got.every((s, i) => Object.is(s, expected[i]))).toBe(true);
    }
  });

  it('scores a flow the same to the bit alone (with attribution) and in a batch (scores only)', () => {
    const forest = createIsolationForest(baseline, { trees: 30 });
    const odd = makeValues({ ...rows[0], IN_PKTS: 1e6, inter_arrival_ms: null, duration_ms: 0 });
    const probe = [...rows.slice(0, 50), odd];
    const batch = forest.scores(probe);
    probe.forEach((r, i) => expect(Object.is(forest.score(r).score, batch[i])).toBe(true));
  });
});
