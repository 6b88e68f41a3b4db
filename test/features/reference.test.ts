import { describe, expect, it } from 'vitest';
import { createFeatureExtractor, type FeatureValues } from '../../src/features/index.ts';
import { SlidingWindows } from '../../src/features/sliding-windows.ts';
import type { Flow } from '../../src/ingest/index.ts';
import { makeFlow } from '../factories/flow.ts';

/** Small seeded PRNG so the random streams are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFlows(n: number, seed: number): Flow[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let t = 1_704_067_200_000;
  return Array.from({ length: n }, (_, i) => {
    t += r() < 0.3 ? 0 : Math.floor(r() * 4000);
    const protocol = pick([6, 6, 17, 1, 47, 50]); // more than three protocols: the inline slots overflow
    return makeFlow({
      id: String(i + 1), line: i + 2, start_ms: t,
      src_addr: pick(['10.0.0.1', '10.0.0.2', '10.0.0.3', '2001:db8::1']),
      dst_addr: pick(['10.1.0.1', '10.1.0.2', '2001:db8::9']),
      protocol, dst_port: protocol === 1 || protocol > 17 ? null : pick([22, 53, 80, 443, 8080]),
      tcp_flags: protocol === 6 ? pick([0x02, 0x10, 0x12, 0x1b]) : null,
      in_pkts: Math.floor(r() * 20), in_bytes: Math.floor(r() * 5000),
    });
  });
}

/** The DESIGN.md definition, literally: scan every earlier flow (O(n²), for checking only). */
function reference(flows: Flow[], w: number, i: number): Partial<FeatureValues> {
  const f = flows[i]!;
  const t = f.start_ms!;
  const before = flows.slice(0, i + 1).filter((g) => g.start_ms! >= t - w);
  const src = before.filter((g) => g.src_addr === f.src_addr);
  const dst = before.filter((g) => g.dst_addr === f.dst_addr);
  const protocols = new Map<number, number>();
  for (const g of src) protocols.set(g.protocol, (protocols.get(g.protocol) ?? 0) + 1);
  let h = 0;
  for (const k of protocols.values()) if (k < src.length) h -= (k / src.length) * Math.log2(k / src.length);
  const previous = src.length > 1 ? src[src.length - 2]! : undefined;
  return {
    src_flows_in_window: src.length,
    dst_flows_in_window: dst.length,
    src_in_pkts_sum: src.reduce((s, g) => s + g.in_pkts, 0),
    src_in_bytes_sum: src.reduce((s, g) => s + g.in_bytes, 0),
    src_entropy_protocol: h,
    src_syn_flows: src.filter((g) => g.tcp_flags !== null && (g.tcp_flags & 2) !== 0).length,
    src_distinct_dst_ports: new Set(src.filter((g) => g.dst_port !== null).map((g) => g.dst_port)).size,
    src_distinct_dst_addrs: new Set(src.map((g) => g.dst_addr)).size,
    dst_distinct_src_addrs: new Set(dst.map((g) => g.src_addr)).size,
    inter_arrival_ms: previous === undefined ? null : t - previous.start_ms!,
  };
}

describe('window features agree with the literal definition', () => {
  it.each([
    [1, 10_000],
    [2, 60_000],
    [3, 0],
  ])('random stream %i, W = %i ms', (seed, w) => {
    const flows = randomFlows(1500, seed);
    const extractor = createFeatureExtractor({ hasTime: true, hasFlags: true, windowMs: w });
    flows.forEach((flow, i) => {
      const got = extractor.next(flow);
      const want = reference(flows, w, i);
      const { src_entropy_protocol: gotH, ...gotRest } = got;
      const { src_entropy_protocol: wantH, ...wantRest } = want;
      expect(gotRest).toMatchObject(wantRest);
      expect(gotH).toBeCloseTo(wantH!, 12);
    });
  });
});

describe('SlidingWindows memory', () => {
  it('holds only the window: idle keys are dropped however many distinct addresses pass', () => {
    const windows = new SlidingWindows(10_000);
    let maxHeld = 0;
    let maxKeys = 0;
    for (let i = 0; i < 50_000; i++) {
      // every flow a new source and destination, 1 s apart: at most 11 flows in any 10 s window
      const flow = makeFlow({ id: String(i + 1), src_addr: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, dst_addr: `172.16.${(i >> 8) & 255}.${i & 255}` });
      windows.insert(flow, i * 1000);
      maxHeld = Math.max(maxHeld, windows.held);
      maxKeys = Math.max(maxKeys, windows.keys);
    }
    expect(maxHeld).toBe(11);
    expect(maxKeys).toBe(22);
  });
});
