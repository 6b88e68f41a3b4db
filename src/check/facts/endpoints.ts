import { endpointOf } from '../deps.ts';
import { isFeatureName } from './feature-rows.ts';
import type { FactRow } from './table-facts.ts';

/** The rows of one identity part, by side; `either` holds those whose name gives no side (`host.ip`, `related.ip`). */
export interface Sides {
  src: FactRow[];
  dst: FactRow[];
  either: FactRow[];
}

/**
 * A table's addresses, ports, protocols and flow times, found by what each row holds rather than
 * by its name in one schema: `src_addr`, `IPV4_SRC_ADDR`, `id.orig_h`, `source.ip` and
 * `suricata.flow.src_ip` are all source addresses. An alert may hold two views of one flow (ECS
 * `source` is the alerted packet's sender, EVE `flow.src_ip` the client), so a side has a list.
 */
export interface Endpoints {
  addresses: Sides;
  ports: Sides;
  /** Addresses and ports of the record that are not the flow's ends (after NAT, a next hop, the exporter). */
  relays: { addresses: FactRow[]; ports: FactRow[] };
  protocols: FactRow[];
  times: FactRow[];
  /** Which time rows are the flow's start and end (the others are instants such as an alert's @timestamp). */
  edges: Map<FactRow, 'start' | 'end' | undefined>;
}

export function endpointsOf(rows: ReadonlyMap<string, FactRow>): Endpoints {
  const out: Endpoints = { addresses: sides(), ports: sides(), relays: { addresses: [], ports: [] }, protocols: [], times: [], edges: new Map() };
  for (const row of rows.values()) {
    // the registry, not the vocabulary, says what the project's own features are
    if (row.value === null || isFeatureName(row.key)) continue;
    const e = endpointOf(row.key, row.value);
    if (e === undefined) continue;
    if (e.kind === 'protocol') out.protocols.push(row);
    else if (e.kind === 'relay') (e.of === 'address' ? out.relays.addresses : out.relays.ports).push(row);
    else if (e.kind === 'time') {
      out.times.push(row);
      out.edges.set(row, e.edge);
    }
    else (e.kind === 'address' ? out.addresses : out.ports)[e.role ?? 'either'].push(row);
  }
  return out;
}

function sides(): Sides {
  return { src: [], dst: [], either: [] };
}
