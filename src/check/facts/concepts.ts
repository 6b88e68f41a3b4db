import { describeField, sideOf } from '../deps.ts';
import { keyTokens } from './key-tokens.ts';
import { isFeatureName } from './feature-rows.ts';
import type { FactRow } from './table-facts.ts';

/**
 * The project's row names stand for concepts that every schema has under its own name: the bytes
 * the source sent are `IN_BYTES` in nProbe, `orig_bytes` in Zeek, `flow.bytes_toserver` in EVE,
 * `source.bytes` in ECS, `Tot Fwd Byts`… in CICFlowMeter. Mentions and checkers ask for the
 * project's name; a table that lacks it answers with the rows the field vocabulary says mean the
 * same (dimension and side), so no checker keeps a list of one exporter's names.
 */
export function conceptsOf(rows: Iterable<FactRow>): Map<string, FactRow[]> {
  const out = new Map<string, FactRow[]>();
  for (const row of rows) {
    if (row.value === null || isFeatureName(row.key)) continue;
    for (const concept of conceptKeys(row.key, row.value)) {
      const list = out.get(concept);
      if (list) list.push(row);
      else out.set(concept, [row]);
    }
  }
  return out;
}

/** Words that make a byte or packet field a statistic or a part, not the flow's total. */
const NOT_TOTAL = new Set(['min', 'max', 'mean', 'avg', 'average', 'std', 'stddev', 'var', 'variance', 'size', 'win', 'window', 'header', 'hdr', 'seg', 'segment', 'init', 'bulk', 'subflow', 'retransmitted', 'retrans', 'missed', 'second', 'per', 'rate', 'num', 'up', 'to', 'throughput', 'ttl', 'ratio']);
/**
 * Words that make a byte field the side's total at another layer: Zeek's `orig_ip_bytes` beside the
 * payload `orig_bytes`, CICFlowMeter's payload "TotLen Fwd Pkts". Such a row is not the record's
 * IN_BYTES, but "the client sent N bytes" may mean either (see ANY_LAYER_KEYS).
 */
const OTHER_LAYER = new Set(['len', 'length', 'payload', 'ip']);
/** The concept every total of one side's bytes answers for, at whatever layer it counts. */
export const ANY_LAYER_KEYS = { src: 'IN_BYTES_ANY_LAYER', dst: 'OUT_BYTES_ANY_LAYER' } as const;
/** Words that make a duration something else than the flow's length: gaps, idle and active times, one direction's span. */
const NOT_FLOW_LENGTH = new Set(['iat', 'idle', 'active', 'in', 'out', 'min', 'max', 'mean', 'std', 'avg', 'age', 'uptime']);

function conceptKeys(key: string, value: number | string): string[] {
  const field = describeField(key, value);
  const tokens = keyTokens(key);
  const side = sideOf(field.role);
  switch (field.dimension) {
    case 'bytes':
      if (tokens.some((t) => NOT_TOTAL.has(t))) return [];
      if (tokens.some((t) => OTHER_LAYER.has(t))) return side === 'src' || side === 'dst' ? [ANY_LAYER_KEYS[side]] : [];
      return side === 'src' ? ['IN_BYTES', ANY_LAYER_KEYS.src] : side === 'dst' ? ['OUT_BYTES', ANY_LAYER_KEYS.dst] : ['bytes'];
    case 'packets':
      if (tokens.some((t) => NOT_TOTAL.has(t) || OTHER_LAYER.has(t))) return [];
      return side === 'src' ? ['IN_PKTS'] : side === 'dst' ? ['OUT_PKTS'] : ['packets'];
    case 'duration':
      return tokens.some((t) => NOT_FLOW_LENGTH.has(t)) ? [] : ['duration_ms'];
    case 'tcp-flags':
      return side === 'src' ? ['CLIENT_TCP_FLAGS'] : side === 'dst' ? ['SERVER_TCP_FLAGS'] : ['TCP_FLAGS'];
    case 'ttl':
      return tokens.includes('min') ? ['MIN_TTL'] : tokens.includes('max') ? ['MAX_TTL'] : ['MIN_TTL', 'MAX_TTL'];
    case 'l7-protocol':
      return ['L7_PROTO'];
    case 'bits/s':
      return side === 'dst' ? ['DST_TO_SRC_AVG_THROUGHPUT'] : ['SRC_TO_DST_AVG_THROUGHPUT'];
    case 'bytes/s':
      return side === 'dst' ? ['DST_TO_SRC_SECOND_BYTES'] : ['SRC_TO_DST_SECOND_BYTES'];
    default:
      return [];
  }
}
