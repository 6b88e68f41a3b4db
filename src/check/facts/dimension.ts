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

const CODE_NAMES = /^(?:PROTOCOL|PROTOCOL_NUM|L4_SRC_PORT|L4_DST_PORT|(?:CLIENT_|SERVER_)?TCP_FLAGS|L7_PROTO|DNS_QUERY_ID|DNS_QUERY_TYPE|ICMP_TYPE|ICMP_IPV4_TYPE|FTP_COMMAND_RET_CODE)$/i;

/** Dimension and factor to base units (bytes, bits, ms, …) of a table unit string. */
export function dimensionOfUnit(unit: string, name: string): { dim: Dimension; factor: number } {
  const u = unit.trim().toLowerCase();
  if (CODE_NAMES.test(name)) return { dim: 'code', factor: 1 };
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
      return { dim: 'instant', factor: 1 };
    case 'bitmask':
    case 'ndpi id':
    case 'id':
    case 'type':
    case 'code':
    case 'type·256+code':
      return { dim: 'code', factor: 1 };
    default:
      return { dim: 'number', factor: 1 };
  }
}
