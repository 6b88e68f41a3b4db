import { isIP } from 'node:net';
import { protocolNumber } from './protocol-names.ts';

/** The flow identity members a table field can stand for. */
export type IdentityMember = 'src_addr' | 'dst_addr' | 'src_port' | 'dst_port' | 'protocol' | 'start' | 'end';

/**
 * Which identity member a field is, read from its name's tokens and its value rather than from a
 * list of one exporter's names: `IPV4_SRC_ADDR`, `id.orig_h`, `source.ip`, `suricata.flow.dest_port`,
 * `sourceTransportPort`, `Dst Port`, `FLOW_START_MILLISECONDS`. The last path segment decides;
 * an address must parse as one, a port must be 0–65535, a protocol a number 0–255 or a transport name.
 *
 * @example
 * identityMemberOf('suricata.flow.dest_port', 80); // "dst_port"
 */
export function identityMemberOf(path: string, value: unknown): IdentityMember | undefined {
  const e = endpointOf(path, value);
  if (e === undefined) return undefined;
  if (e.kind === 'protocol') return 'protocol';
  if (e.kind === 'time') return e.edge;
  if (e.role === undefined) return undefined;
  return e.kind === 'address' ? (e.role === 'src' ? 'src_addr' : 'dst_addr') : e.role === 'src' ? 'src_port' : 'dst_port';
}

/** What part of a flow's identity a field holds, and on which side: an address of either side (`host.ip`) has no role. */
export type Endpoint =
  | { kind: 'address' | 'port'; role: 'src' | 'dst' | undefined }
  | { kind: 'protocol' }
  | { kind: 'time'; edge: 'start' | 'end' };

/** The identity part a field holds, from its name's tokens and its value (see identityMemberOf). */
export function endpointOf(path: string, value: unknown): Endpoint | undefined {
  const tokens = tokensOf(lastSegments(path));
  if (tokens.length === 0 || tokens.some((t) => NOT_IDENTITY.has(t))) return undefined;
  const role = roleOf(tokens);
  if (typeof value === 'string' && isIP(value.trim()) !== 0) return { kind: 'address', role };
  if (isPortName(tokens, role) && isPortValue(value)) return { kind: 'port', role };
  if (isProtocolName(tokens) && protocolValue(value) !== undefined) return { kind: 'protocol' };
  if (isTimeName(tokens) && value !== null && value !== undefined && value !== '') return { kind: 'time', edge: timeEdge(tokens) };
  return undefined;
}

function isPortName(tokens: readonly string[], role: 'src' | 'dst' | undefined): boolean {
  // Zeek's id.orig_p: "p" after a role word
  return tokens.includes('port') || tokens.includes('sport') || tokens.includes('dport') || (tokens.includes('p') && role !== undefined);
}

/** A protocol field's value as an IANA number: 6, "6", "tcp", "TCP". */
export function protocolValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 255 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{1,3}$/.test(text)) return protocolValue(Number(text));
  return protocolNumber(text);
}

const SRC = new Set(['src', 'source', 'orig', 'originator', 'client', 'sender', 'sip', 'saddr', 'sport']);
const DST = new Set(['dst', 'dest', 'destination', 'resp', 'responder', 'server', 'receiver', 'dip', 'daddr', 'dport']);
/** Tokens that make a field something else than an endpoint: counts, NAT, next hops, exporters, tunnels. */
const NOT_IDENTITY = new Set(['nat', 'xlate', 'translated', 'post', 'nexthop', 'hop', 'gateway', 'exporter', 'sampler', 'observer', 'tunnel', 'parents', 'count', 'distinct', 'unique', 'sum', 'bytes', 'pkts', 'packets', 'mask', 'prefix', 'as', 'asn', 'mac', 'vlan', 'geo', 'domain', 'flags', 'l7', 'app', 'application']);

function roleOf(tokens: readonly string[]): 'src' | 'dst' | undefined {
  // "h" and "p" after orig/resp (Zeek's id.orig_h) say host and port; the role word is what counts
  let role: 'src' | 'dst' | undefined;
  for (const t of tokens) {
    if (SRC.has(t)) role ??= 'src';
    else if (DST.has(t)) role ??= 'dst';
  }
  return role;
}

function isPortValue(value: unknown): boolean {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535;
}

function isProtocolName(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1]!;
  return tokens.length <= 2 && (last === 'proto' || last === 'protocol' || last === 'transport' || (last === 'num' && tokens[0] === 'protocol') || (tokens[0] === 'protocol' && last === 'identifier'));
}

const START = new Set(['start', 'first', 'begin', 'ts', 'switched']);
const END = new Set(['end', 'last', 'stop']);

function isTimeName(tokens: readonly string[]): boolean {
  if (tokens.includes('duration') || tokens.includes('delta') || tokens.includes('iat') || tokens.includes('age')) return false;
  if (tokens.length === 1) return tokens[0] === 'ts' || tokens[0] === 'start' || tokens[0] === 'end';
  return tokens.some((t) => START.has(t) || END.has(t)) && tokens.some((t) => /^(?:switched|milliseconds|seconds|ms|sec|time|timestamp|ts|ns|flow|start|end)$/.test(t));
}

function timeEdge(tokens: readonly string[]): 'start' | 'end' {
  if (tokens.includes('first') || tokens.includes('start') || tokens.includes('begin') || tokens.includes('ts')) return 'start';
  return tokens.some((t) => END.has(t)) ? 'end' : 'start';
}

/** `suricata.flow.dest_port` → `dest_port`; `host.ip[2]` → `ip`. */
export function lastSegment(path: string): string {
  const clean = path.replace(/\[\d+\]/g, '');
  return clean.slice(clean.lastIndexOf('.') + 1);
}

/** The last two segments of a path: ECS names the role in the parent (`source.ip`, `destination.port`). */
function lastSegments(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  return parts.slice(-2).join('.');
}

/** Lower-case tokens of a field name: snake_case, camelCase, dots, dashes and spaces split. */
export function tokensOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .flatMap(splitGlued);
}

/** Glued forms exporters use: "srcaddr", "dstport", "ipv4src". */
function splitGlued(token: string): string[] {
  const m = /^(src|dst|source|dest|orig|resp)(addr|address|ip|port|host|h|p)$/.exec(token) ?? /^(ipv[46])(src|dst)$/.exec(token);
  return m ? [m[1]!, m[2]!] : [token];
}
