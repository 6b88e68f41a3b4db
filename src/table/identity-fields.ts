import { isIP } from 'node:net';
import { protocolNumber } from './protocol-names.ts';
import { describeField, tokenizeKey, type Role } from './vocabulary/index.ts';

/** The flow identity members a table field can stand for. */
export type IdentityMember = 'src_addr' | 'dst_addr' | 'src_port' | 'dst_port' | 'protocol' | 'start' | 'end';

/** What part of a flow's identity a field holds, and on which side: an address of either side (`host.ip`) has no role. */
export type Endpoint =
  | { kind: 'address' | 'port'; role: 'src' | 'dst' | undefined }
  | { kind: 'protocol' }
  | { kind: 'time'; edge: 'start' | 'end' | undefined }
  /** An address or port of the record that is not one of the flow's ends: after NAT, a next hop, the exporter. */
  | { kind: 'relay'; of: 'address' | 'port' };

/**
 * The identity part a field holds, from what the field vocabulary says of its name (a family's
 * entry, or the inference from its words) and from its value: `IPV4_SRC_ADDR`, `id.orig_h`,
 * `source.ip`, `suricata.flow.dest_port`, `sourceTransportPort`, `Dst Port`. An address must parse
 * as one, a port must be 0–65535, a protocol a number 0–255 or a transport name.
 *
 * @example
 * endpointOf('suricata.flow.dest_port', 80); // { kind: 'port', role: 'dst' }
 */
export function endpointOf(path: string, value: unknown): Endpoint | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const field = describeField(path, value);
  switch (field.dimension) {
    case 'address':
      if (typeof value !== 'string' || isIP(value.trim()) === 0) return undefined;
      return field.relay || isRelay(path) ? { kind: 'relay', of: 'address' } : { kind: 'address', role: sideOf(field.role) };
    case 'port':
      if (!isPortValue(value)) return undefined;
      return field.relay || isRelay(path) ? { kind: 'relay', of: 'port' } : { kind: 'port', role: sideOf(field.role) };
    case 'protocol':
      return protocolValue(value) !== undefined ? { kind: 'protocol' } : undefined;
    case 'time':
      return { kind: 'time', edge: edgeOf(path) };
    default:
      return undefined;
  }
}

/**
 * Which identity member a field is (endpointOf with a side, or a flow time with an edge).
 *
 * @example
 * identityMemberOf('id.orig_h', '10.0.0.1'); // "src_addr"
 */
export function identityMemberOf(path: string, value: unknown): IdentityMember | undefined {
  const e = endpointOf(path, value);
  if (e === undefined) return undefined;
  if (e.kind === 'protocol') return 'protocol';
  if (e.kind === 'relay') return undefined;
  // an exporter's uptime (NetFlow v9 FIRST_SWITCHED in ms) marks the flow's edges but is no date
  if (e.kind === 'time') return isClockTime(path, value) ? e.edge : undefined;
  if (e.role === undefined) return undefined;
  return e.kind === 'address' ? (e.role === 'src' ? 'src_addr' : 'dst_addr') : e.role === 'src' ? 'src_port' : 'dst_port';
}

/** A date: an ISO string or an epoch number, not a count of ms since the exporter started. */
function isClockTime(path: string, value: unknown): boolean {
  const unit = describeField(path, value).unit;
  return typeof value === 'string' || unit === '' || unit.startsWith('epoch');
}

/** A protocol field's value as an IANA number: 6, "6", "tcp", "TCP". */
export function protocolValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 255 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{1,3}$/.test(text)) return protocolValue(Number(text));
  return protocolNumber(text);
}

/** Client and server are the sides of a connection as the source and destination are of a flow record. */
export function sideOf(role: Role): 'src' | 'dst' | undefined {
  return role === 'source' || role === 'client' ? 'src' : role === 'destination' || role === 'server' ? 'dst' : undefined;
}

/** Addresses and ports that are not the flow's own ends: after NAT, next hops, the exporter or sensor. */
const RELAY_WORDS = new Set(['nat', 'xlate', 'translated', 'post', 'nexthop', 'next', 'hop', 'gateway', 'exporter', 'sampler', 'observer', 'agent', 'tunnel', 'parents']);

function isRelay(path: string): boolean {
  return pathWords(path).relay;
}

function isPortValue(value: unknown): boolean {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535;
}

const START_WORDS = new Set(['start', 'first', 'begin', 'ts']);
const END_WORDS = new Set(['end', 'last', 'stop']);

/** Whether a time field is the flow's start or end (`FIRST_SWITCHED`, `flow.start`, Zeek's `ts`), or another instant (an alert's `@timestamp`). */
function edgeOf(path: string): 'start' | 'end' | undefined {
  return pathWords(path).edge;
}

/** What a path's words say of it, read once per path: field names repeat from record to record. */
const pathMemo = new Map<string, { relay: boolean; edge: 'start' | 'end' | undefined }>();

function pathWords(path: string): { relay: boolean; edge: 'start' | 'end' | undefined } {
  let known = pathMemo.get(path);
  if (known === undefined) {
    const tokens = tokenizeKey(path);
    const edge = tokens.some((t) => START_WORDS.has(t)) ? 'start' : tokens.some((t) => END_WORDS.has(t)) ? 'end' : undefined;
    known = { relay: tokens.some((t) => RELAY_WORDS.has(t)), edge };
    // keys come from user files: bounded, built afresh past the limit
    if (pathMemo.size < 10_000) pathMemo.set(path, known);
  }
  return known;
}

/** `suricata.flow.dest_port` → `dest_port`; `host.ip[2]` → `ip`. */
export function lastSegment(path: string): string {
  const clean = path.replace(/\[\d+\]/g, '');
  return clean.slice(clean.lastIndexOf('.') + 1);
}
