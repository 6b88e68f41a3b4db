import { FlowSchema, type Flow } from '../../src/ingest/flow-schema.ts';

/** Overrides for makeFlow: any Flow member; `fields`, `labels` and `notes` replace the defaults whole. */
export type FlowOverrides = Partial<Flow>;

/**
 * Build a valid canonical Flow for tests: a plain TCP flow of 10 packets / 1,000 bytes from
 * 10.0.0.1:50000 to 10.0.0.2:443 starting at 2024-01-01T00:00:00Z and lasting 1 s.
 * Overrides are spread over the defaults and the result is validated with FlowSchema, so a test
 * cannot build a flow ingest would never emit.
 *
 * @example
 * const f = makeFlow({ id: '7', src_addr: '10.0.0.9', start_ms: 1_700_000_000_000 });
 */
export function makeFlow(overrides: FlowOverrides = {}): Flow {
  const start = overrides.start_ms === undefined ? 1_704_067_200_000 : overrides.start_ms;
  const duration = overrides.duration_ms === undefined ? 1_000 : overrides.duration_ms;
  const end = overrides.end_ms === undefined ? (start === null || duration === null ? null : start + duration) : overrides.end_ms;
  const flow: Flow = {
    id: '1',
    line: 2,
    src_addr: '10.0.0.1',
    dst_addr: '10.0.0.2',
    src_port: 50_000,
    dst_port: 443,
    protocol: 6,
    in_bytes: 1_000,
    in_pkts: 10,
    out_bytes: 2_000,
    out_pkts: 8,
    tcp_flags: 0x1b, // FIN SYN PSH ACK: a complete, ordinary TCP conversation
    fields: {},
    labels: {},
    notes: [],
    ...overrides,
    start_ms: start,
    end_ms: end,
    duration_ms: duration,
  };
  return FlowSchema.parse(flow);
}

/** Build `n` flows from one source, `gapMs` apart, ids '1'..'n'; `each(i)` adds per-flow overrides. */
export function makeFlows(n: number, gapMs = 1_000, each: (i: number) => FlowOverrides = () => ({})): Flow[] {
  const base = 1_704_067_200_000;
  return Array.from({ length: n }, (_, i) =>
    makeFlow({ id: String(i + 1), line: i + 2, start_ms: base + i * gapMs, ...each(i) }),
  );
}
