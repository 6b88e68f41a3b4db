import { describeField, resolveFeatureName } from '../deps.ts';

/**
 * The physical dimension of a value, so a claim in MB can be compared with a row in bytes and a
 * claim in Kbps with a derived bytes × 8 / seconds. `code` values (protocol numbers, flags,
 * ids) are labels, never quantities.
 */
export type Dimension =
  | 'bytes'
  | 'bits'
  | 'packets'
  | 'time'
  | 'bytes/s'
  | 'bits/s'
  | 'packets/s'
  | 'percent'
  | 'ratio'
  | 'flows'
  | 'ports'
  | 'addresses'
  | 'hops'
  | 'entropy'
  | 'code'
  | 'instant'
  | 'number';

/** What the field vocabulary calls a label rather than a quantity: ports, protocols, flags, ids, types. */
const LABEL_KINDS: ReadonlySet<string> = new Set(['address', 'port', 'protocol', 'tcp-flags', 'icmp-type', 'icmp-code', 'l7-protocol', 'id', 'mac', 'asn', 'interface', 'label', 'text']);

/**
 * Dimension and factor to base units (bytes, bits, ms, …) of a table row, from its unit string;
 * a field the vocabulary calls a label (a port, flags, an id) is a `code` and a time field an `instant`, whatever its unit. The
 * project's own features are read from their registry unit alone.
 */
export function dimensionOfUnit(unit: string, name: string): { dim: Dimension; factor: number } {
  if (resolveFeatureName(name) === undefined) {
    const kind = describeField(name).dimension;
    if (LABEL_KINDS.has(kind)) return { dim: 'code', factor: 1 };
    // a time field is an instant whatever its unit says (Zeek's ts, an inferred "first_seen")
    if (kind === 'time') return { dim: 'instant', factor: 1 };
  }
  return dimensionOfUnitText(unit);
}

function dimensionOfUnitText(unit: string): { dim: Dimension; factor: number } {
  const u = unit.trim().toLowerCase();
  switch (u) {
    case 'bytes':
    case 'byte':
    case 'bytes/packet':
      return { dim: 'bytes', factor: 1 };
    case 'packets':
      return { dim: 'packets', factor: 1 };
    case 'ms':
      return { dim: 'time', factor: 1 };
    case 's':
      return { dim: 'time', factor: 1000 };
    case 'µs':
    case 'us':
      return { dim: 'time', factor: 1e-3 };
    case 'ns':
      return { dim: 'time', factor: 1e-6 };
    case 'bytes/s':
      return { dim: 'bytes/s', factor: 1 };
    case 'bits/s':
    case 'bps':
      return { dim: 'bits/s', factor: 1 };
    case 'packets/s':
      return { dim: 'packets/s', factor: 1 };
    case 'flows':
      return { dim: 'flows', factor: 1 };
    case 'ports':
      return { dim: 'ports', factor: 1 };
    case 'addresses':
      return { dim: 'addresses', factor: 1 };
    case 'hops':
      return { dim: 'hops', factor: 1 };
    case 'bits':
      return { dim: 'entropy', factor: 1 };
    case 'epoch ms':
    case 'epoch s':
    case 'epoch µs':
    case 'epoch ns':
    case 'iso8601':
      return { dim: 'instant', factor: 1 };
    case 'bitmask':
    case 'ndpi id':
    case 'id':
    case 'type':
    case 'code':
    case 'type·256+code':
    case 'hex bitmask':
    case 'flag letters':
      return { dim: 'code', factor: 1 };
    default:
      return { dim: 'number', factor: 1 };
  }
}
