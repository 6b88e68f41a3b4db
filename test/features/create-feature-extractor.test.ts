import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { createFeatureExtractor, FEATURE_NAMES, type FeatureValues } from '../../src/features/index.ts';
import type { Flow } from '../../src/ingest/index.ts';
import { makeFlow } from '../factories/flow.ts';

const T = 1_704_067_200_000;
const W = 60_000;
const TCP = 6;
const UDP = 17;
const SYN_ACK = 0x12;
const SYN = 0x02;
const ACK = 0x10;

function run(flows: Flow[], options: { hasTime?: boolean; hasFlags?: boolean; windowMs?: number } = {}): FeatureValues[] {
  const extractor = createFeatureExtractor({ hasTime: options.hasTime ?? true, hasFlags: options.hasFlags ?? true, windowMs: options.windowMs ?? W });
  return flows.map((f) => extractor.next(f));
}

const WINDOW_NULLS = {
  src_flows_in_window: null,
  dst_flows_in_window: null,
  src_in_pkts_sum: null,
  src_in_bytes_sum: null,
  src_entropy_protocol: null,
  src_syn_flows: null,
  src_distinct_dst_ports: null,
  src_distinct_dst_addrs: null,
  dst_distinct_src_addrs: null,
  inter_arrival_ms: null,
};

// Five flows, hand-computed below. A and B are sources, X and Y destinations.
const a = makeFlow({ id: 'a', src_addr: '10.0.0.1', dst_addr: '10.0.0.9', dst_port: 443, protocol: TCP, start_ms: T, duration_ms: 1000, in_pkts: 10, in_bytes: 1000, out_pkts: 8, out_bytes: 4000, tcp_flags: SYN_ACK });
const b = makeFlow({ id: 'b', src_addr: '10.0.0.1', dst_addr: '10.0.0.53', dst_port: 53, protocol: UDP, start_ms: T + 1000, duration_ms: 0, in_pkts: 1, in_bytes: 60, out_pkts: 1, out_bytes: 120, tcp_flags: null });
const c = makeFlow({ id: 'c', src_addr: '10.0.0.2', dst_addr: '10.0.0.9', dst_port: 443, protocol: TCP, start_ms: T + 1000, duration_ms: 1000, in_pkts: 0, in_bytes: 0, out_pkts: null, out_bytes: null, tcp_flags: SYN });
const d = makeFlow({ id: 'd', src_addr: '10.0.0.1', dst_addr: '10.0.0.9', dst_port: 80, protocol: TCP, start_ms: T + W, duration_ms: 2000, in_pkts: 5, in_bytes: 500, tcp_flags: ACK });
const e = makeFlow({ id: 'e', src_addr: '10.0.0.1', dst_addr: '10.0.0.9', dst_port: 443, protocol: TCP, start_ms: T + W + 1, duration_ms: 500, in_pkts: 2, in_bytes: 200, tcp_flags: SYN });
const H_2_1 = -((2 / 3) * Math.log2(2 / 3) + (1 / 3) * Math.log2(1 / 3)); // 0.9182958340544896

describe('createFeatureExtractor: golden values', () => {
  const [fa, fb, fc, fd, fe] = run([a, b, c, d, e]);

  it('first flow of a source: window of one, inter_arrival null (not 0)', () => {
    expect(fa).toEqual({
      IN_BYTES: 1000, IN_PKTS: 10, OUT_BYTES: 4000, OUT_PKTS: 8,
      duration_ms: 1000, avg_in_packet_size: 100, in_bytes_per_s: 1000, in_pkts_per_s: 10,
      src_flows_in_window: 1, dst_flows_in_window: 1, src_in_pkts_sum: 10, src_in_bytes_sum: 1000,
      src_entropy_protocol: 0, src_syn_flows: 1, src_distinct_dst_ports: 1, src_distinct_dst_addrs: 1,
      dst_distinct_src_addrs: 1, inter_arrival_ms: null,
    });
  });

  it('zero duration: rates null; two protocols: entropy 1 bit', () => {
    expect(fb).toEqual({
      IN_BYTES: 60, IN_PKTS: 1, OUT_BYTES: 120, OUT_PKTS: 1,
      duration_ms: 0, avg_in_packet_size: 60, in_bytes_per_s: null, in_pkts_per_s: null,
      src_flows_in_window: 2, dst_flows_in_window: 1, src_in_pkts_sum: 11, src_in_bytes_sum: 1060,
      src_entropy_protocol: 1, src_syn_flows: 1, src_distinct_dst_ports: 2, src_distinct_dst_addrs: 2,
      dst_distinct_src_addrs: 1, inter_arrival_ms: 1000,
    });
  });

  it('zero packets: average null, rates a real 0; one-way counters stay null', () => {
    expect(fc).toEqual({
      IN_BYTES: 0, IN_PKTS: 0, OUT_BYTES: null, OUT_PKTS: null,
      duration_ms: 1000, avg_in_packet_size: null, in_bytes_per_s: 0, in_pkts_per_s: 0,
      src_flows_in_window: 1, dst_flows_in_window: 2, src_in_pkts_sum: 0, src_in_bytes_sum: 0,
      src_entropy_protocol: 0, src_syn_flows: 1, src_distinct_dst_ports: 1, src_distinct_dst_addrs: 1,
      dst_distinct_src_addrs: 2, inter_arrival_ms: null,
    });
  });

  it('a flow exactly W earlier is inside the window', () => {
    expect(fd).toMatchObject({
      src_flows_in_window: 3, dst_flows_in_window: 3, src_in_pkts_sum: 16, src_in_bytes_sum: 1560,
      src_syn_flows: 1, src_distinct_dst_ports: 3, src_distinct_dst_addrs: 2, dst_distinct_src_addrs: 2,
      inter_arrival_ms: W - 1000, avg_in_packet_size: 100, in_bytes_per_s: 250, in_pkts_per_s: 2.5,
    });
    expect(fd!.src_entropy_protocol).toBeCloseTo(H_2_1, 12);
  });

  it('a flow W + 1 ms earlier is out of the window', () => {
    // a left both windows: src 10.0.0.1 holds b, d, e; dst 10.0.0.9 holds c, d, e
    expect(fe).toMatchObject({
      src_flows_in_window: 3, dst_flows_in_window: 3, src_in_pkts_sum: 8, src_in_bytes_sum: 760,
      src_syn_flows: 1, src_distinct_dst_ports: 3, src_distinct_dst_addrs: 2, dst_distinct_src_addrs: 2,
      inter_arrival_ms: 1, in_bytes_per_s: 400, in_pkts_per_s: 4,
    });
    expect(fe!.src_entropy_protocol).toBeCloseTo(H_2_1, 12);
  });

  it('every registry feature is present in every row', () => {
    for (const row of [fa, fb, fc, fd, fe]) expect(Object.keys(row!)).toEqual([...FEATURE_NAMES]);
  });
});

describe('createFeatureExtractor: edge cases', () => {
  it('equal timestamps: input order decides, the later one sees a real gap of 0', () => {
    const first = makeFlow({ id: '1', start_ms: T, dst_port: 443 });
    const second = makeFlow({ id: '2', start_ms: T, dst_port: 22 });
    const [r1, r2] = run([first, second]);
    expect([r1!.src_flows_in_window, r1!.inter_arrival_ms, r1!.src_distinct_dst_ports]).toEqual([1, null, 1]);
    expect([r2!.src_flows_in_window, r2!.inter_arrival_ms, r2!.src_distinct_dst_ports]).toEqual([2, 0, 2]);
    const [s1, s2] = run([second, first]);
    expect([s1!.src_flows_in_window, s1!.inter_arrival_ms]).toEqual([1, null]);
    expect([s2!.src_flows_in_window, s2!.inter_arrival_ms]).toEqual([2, 0]);
  });

  it('the seed flow (ID 3943031, IPv6, alone): inter_arrival_ms null, exact per-flow values', () => {
    const seed = makeFlow({
      id: '3943031', src_addr: '2a0b:e43:1::21', dst_addr: '2002:becf:7b73::becf:7b73', src_port: 443, dst_port: 57360,
      protocol: TCP, in_pkts: 3730, in_bytes: 4761630, out_pkts: null, out_bytes: null, duration_ms: 65870,
      start_ms: Date.UTC(2019, 9, 2, 7, 53, 6), tcp_flags: 0x1b,
    });
    const [row] = run([seed]);
    expect(row).toEqual({
      IN_BYTES: 4761630, IN_PKTS: 3730, OUT_BYTES: null, OUT_PKTS: null,
      duration_ms: 65870, avg_in_packet_size: 4761630 / 3730, in_bytes_per_s: 4761630 / 65.87, in_pkts_per_s: 3730 / 65.87,
      src_flows_in_window: 1, dst_flows_in_window: 1, src_in_pkts_sum: 3730, src_in_bytes_sum: 4761630,
      src_entropy_protocol: 0, src_syn_flows: 1, src_distinct_dst_ports: 1, src_distinct_dst_addrs: 1,
      dst_distinct_src_addrs: 1, inter_arrival_ms: null,
    });
    expect(row!.avg_in_packet_size).toBeCloseTo(1276.5764, 4);
  });

  it('IPv6 sources and destinations are windowed like IPv4 ones', () => {
    const p = { src_addr: '2001:db8::1', protocol: TCP };
    const rows = run([
      makeFlow({ ...p, id: '1', dst_addr: '2001:db8::a', dst_port: 443, start_ms: T }),
      makeFlow({ ...p, id: '2', dst_addr: '2001:db8::b', dst_port: 443, start_ms: T + 10 }),
      makeFlow({ ...p, id: '3', src_addr: '2001:db8::2', dst_addr: '2001:db8::a', dst_port: 443, start_ms: T + 20 }),
    ]);
    expect(rows.map((r) => [r.src_flows_in_window, r.src_distinct_dst_addrs, r.src_distinct_dst_ports, r.dst_distinct_src_addrs, r.inter_arrival_ms])).toEqual([
      [1, 1, 1, 1, null],
      [2, 2, 1, 1, 10],
      [1, 1, 1, 2, null],
    ]);
  });

  it('an input without TCP flags: src_syn_flows null, the other window features computed', () => {
    const rows = run([makeFlow({ tcp_flags: null, start_ms: T }), makeFlow({ id: '2', tcp_flags: null, start_ms: T + 1 })], { hasFlags: false });
    expect(rows.map((r) => [r.src_syn_flows, r.src_flows_in_window])).toEqual([[null, 1], [null, 2]]);
  });

  it('an input without time (NF-v2): every window feature null, per-flow ones computed', () => {
    const rows = run([makeFlow({ start_ms: null, end_ms: null, duration_ms: null }), makeFlow({ id: '2', start_ms: null, end_ms: null, duration_ms: null })], { hasTime: false });
    for (const row of rows) expect(row).toEqual({ IN_BYTES: 1000, IN_PKTS: 10, OUT_BYTES: 2000, OUT_PKTS: 8, duration_ms: null, avg_in_packet_size: 100, in_bytes_per_s: null, in_pkts_per_s: null, ...WINDOW_NULLS });
  });

  it('a late flow gets null window features and does not join anyone else’s window', () => {
    const late = makeFlow({ id: 'late', start_ms: T - 5000, notes: [{ code: 'late-flow', field: 'start_ms', value: T - 5000, message: 'late' }] });
    const rows = run([makeFlow({ id: '1', start_ms: T }), late, makeFlow({ id: '3', start_ms: T + 100 })]);
    expect(rows[1]).toMatchObject(WINDOW_NULLS);
    expect(rows[1]!.IN_BYTES).toBe(1000);
    expect([rows[2]!.src_flows_in_window, rows[2]!.inter_arrival_ms]).toEqual([2, 100]);
  });

  it('a flow out of order without a note is treated as late rather than corrupting the windows', () => {
    const rows = run([makeFlow({ id: '1', start_ms: T }), makeFlow({ id: '2', start_ms: T - 1 }), makeFlow({ id: '3', start_ms: T + 1 })]);
    expect(rows[1]).toMatchObject(WINDOW_NULLS);
    expect(rows[2]!.src_flows_in_window).toBe(2);
  });

  it('a wrapped duration that ingest nulled gives null duration and rates', () => {
    const wrapped = makeFlow({ duration_ms: null, start_ms: T, end_ms: T + 4_294_967_000, notes: [{ code: 'wrapped-duration', field: 'duration_ms', value: 4_294_967_000, message: 'wrapped' }] });
    expect(run([wrapped])[0]).toMatchObject({ duration_ms: null, in_bytes_per_s: null, in_pkts_per_s: null, src_flows_in_window: 1 });
  });

  it('ICMP (no ports) does not count as a destination port', () => {
    const rows = run([makeFlow({ protocol: 1, src_port: null, dst_port: null, tcp_flags: null, start_ms: T }), makeFlow({ id: '2', start_ms: T + 1 })]);
    expect(rows.map((r) => [r.src_distinct_dst_ports, r.src_syn_flows, r.src_entropy_protocol])).toEqual([[0, 0, 0], [1, 1, 1]]);
  });

  it('rejects a negative window', () => {
    expect(() => createFeatureExtractor({ hasTime: true, hasFlags: true, windowMs: -1 })).toThrow(ConfigError);
  });
});
