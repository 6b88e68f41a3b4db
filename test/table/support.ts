import type { FeatureValues } from '../../src/features/registry.ts';
import type { Flow } from '../../src/ingest/flow-schema.ts';
import { createRobustZ, type Baseline } from '../../src/score/index.ts';
import { buildTable, type BuildTableInput } from '../../src/table/build-table.ts';
import type { FeatureTable } from '../../src/table/schema.ts';
import { makeFlow } from '../factories/flow.ts';
import { fitOn, makeNormalRows, makeValues } from '../score/support.ts';

export const baseline: Baseline = fitOn(makeNormalRows(2000));

/** The seed's flow (shared/seed/flow-3943031.md) as a canonical Flow and its features. */
export function seedFlow(): { flow: Flow; features: FeatureValues } {
  const flow = makeFlow({
    id: '3943031',
    line: 17,
    src_addr: '2a0b:e43:1::21',
    dst_addr: '2002:becf:7b73::becf:7b73',
    src_port: 443,
    dst_port: 57360,
    protocol: 6,
    start_ms: Date.UTC(2019, 9, 2, 7, 53, 6),
    duration_ms: 65_870,
    in_pkts: 3730,
    in_bytes: 4_761_630,
    out_bytes: null,
    out_pkts: null,
    tcp_flags: 24,
    fields: { L7_PROTO: '91.0', MIN_TTL: 57, score_Autoencoder: 0.93 },
    labels: { Label: '1', Attack: 'exfiltration' },
  });
  const features = makeValues({
    IN_PKTS: 3730,
    IN_BYTES: 4_761_630,
    OUT_BYTES: null,
    OUT_PKTS: null,
    duration_ms: 65_870,
    avg_in_packet_size: 1276.5764075067025,
    in_bytes_per_s: 72_288.6,
    in_pkts_per_s: 56.63,
    inter_arrival_ms: null,
    dst_flows_in_window: 3,
    src_entropy_protocol: 0,
    src_in_pkts_sum: 3730,
    src_in_bytes_sum: 4_761_630,
    src_flows_in_window: 1,
    src_syn_flows: 0,
    src_distinct_dst_ports: 1,
    src_distinct_dst_addrs: 1,
    dst_distinct_src_addrs: 1,
  });
  return { flow, features };
}

export function seedTable(overrides: Partial<BuildTableInput> = {}): FeatureTable {
  const { flow, features } = seedFlow();
  const result = createRobustZ(baseline).score(features);
  return buildTable({
    flow,
    features,
    result,
    method: 'robust-z',
    rank: 1,
    of: 2001,
    threshold: 3,
    baseline,
    window: { ms: 60_000, available: true },
    file: 'seed.csv',
    ...overrides,
  });
}
