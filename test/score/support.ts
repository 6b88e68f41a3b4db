import { FEATURE_NAMES, type FeatureValues } from '../../src/features/registry.ts';
import { createPrng } from '../../src/score/prng.ts';
import { createBaselineFitter } from '../../src/score/fit-baseline.ts';
import type { Baseline } from '../../src/score/baseline-schema.ts';

/** A plain flow's features: every feature set, overrides on top. */
export function makeValues(overrides: Partial<FeatureValues> = {}): FeatureValues {
  const base = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 1])) as FeatureValues;
  return {
    ...base,
    IN_BYTES: 1000,
    IN_PKTS: 10,
    OUT_BYTES: 2000,
    OUT_PKTS: 8,
    duration_ms: 1000,
    avg_in_packet_size: 100,
    in_bytes_per_s: 1000,
    in_pkts_per_s: 10,
    src_entropy_protocol: 0,
    inter_arrival_ms: null,
    ...overrides,
  };
}

/** n ordinary flows with seeded log-normal-ish noise on the volume features. */
export function makeNormalRows(n: number, seed = 7): FeatureValues[] {
  const next = createPrng(seed);
  return Array.from({ length: n }, () => {
    const k = Math.exp(next() * 2);
    const pkts = Math.round(5 + next() * 20);
    const bytes = Math.round(pkts * (60 + next() * 400));
    const dur = Math.round(100 + k * 500);
    return makeValues({
      IN_PKTS: pkts,
      IN_BYTES: bytes,
      OUT_PKTS: Math.round(pkts * 0.8),
      OUT_BYTES: bytes * 2,
      duration_ms: dur,
      avg_in_packet_size: bytes / pkts,
      in_bytes_per_s: bytes / (dur / 1000),
      in_pkts_per_s: pkts / (dur / 1000),
      src_flows_in_window: 1 + Math.floor(next() * 3),
      inter_arrival_ms: next() < 0.5 ? null : Math.round(next() * 5000),
    });
  });
}

export function fitOn(rows: readonly FeatureValues[], source = 'test.csv'): Baseline {
  const fitter = createBaselineFitter({ source });
  for (const r of rows) fitter.add(r);
  return fitter.finish();
}
