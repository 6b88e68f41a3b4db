import { BlockList, isIP } from 'node:net';
import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { PORT_SERVICES, PROTOCOL_NAMES } from '../lexicon/terms.ts';
import { memoised, stringRowContaining, textRows, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import type { Sides } from '../facts/endpoints.ts';
import { describeField, ndpiName, protocolValue, sideOf, toIso } from '../deps.ts';
import { sharedMemo } from '../facts/shared-memo.ts';
import { rowEvidence } from './evidence.ts';
import { validityEdge } from './certificate.ts';
import { sideOfWord } from '../lexicon/side-words.ts';

/** Canonical text of an address: IPv6 in RFC 5952 form (the URL parser normalises it), IPv4 as is. */
export function canonicalAddress(text: string): string {
  return text.includes(':') ? canonicalIPv6(text) : text;
}

const canonicalIPv6 = sharedMemo((text: string): string => {
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return text.toLowerCase();
  }
});

const SIDES = { src: 'source', dst: 'destination' } as const;

/**
 * An address or port against every row that holds one. A side named in the text must be a side
 * that holds the value (or a row with no side); a value no row holds is contradicted, unless a
 * text field of the record holds it (a payload, a URL, a host list).
 */
function checkEndpoint(role: 'src' | 'dst' | undefined, rows: Sides, equals: (r: FactRow) => boolean, label: string, facts: TableFacts, text: string | readonly string[] | RegExp | undefined, relays: readonly FactRow[] = []): Judgement {
  const { src, dst, either } = rows;
  const onSrc = src.find(equals);
  const onDst = dst.find(equals);
  const onEither = either.find(equals);
  if (!onSrc && !onDst && !onEither) {
    // a translated address or port is the record's too ("NATed to 198.51.100.5 port 21877")
    const relay = relays.find(equals);
    if (relay) return { verdict: 'supported', evidence: rowEvidence([relay]), reason: `It is ${relay.key}: the record gives this ${label} besides the flow's own ends.` };
    if (src.length + dst.length + either.length === 0) return inText(facts, text, label) ?? { verdict: 'unsupported', reason: `The table gives no ${label}.` };
    return inText(facts, text, label) ?? { verdict: 'contradicted', evidence: rowEvidence([...src, ...dst].slice(0, 4)), reason: `Neither the source nor the destination ${label} is this value.` };
  }
  if (role !== undefined && !onEither && !(role === 'src' ? onSrc : onDst)) {
    const hit = (onSrc ?? onDst)!;
    const hitRole = onSrc ? 'src' : 'dst';
    return { verdict: 'contradicted', evidence: rowEvidence([hit]), reason: `This is the ${SIDES[hitRole]} ${label}, not the ${SIDES[role]} one.` };
  }
  const hit = (role === 'dst' ? onDst ?? onSrc : onSrc ?? onDst) ?? onEither!;
  const where = hit === onSrc ? `the source ${label}` : hit === onDst ? `the destination ${label}` : `a ${label} of the record`;
  return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `It is ${where}.` };
}

/** A value that no identity row holds but a text field of the record contains (payload, URL, host list, a log line's "port 60198"). */
function inText(facts: TableFacts, text: string | readonly string[] | RegExp | undefined, label: string): Judgement | undefined {
  if (text instanceof RegExp) {
    const hit = textRows(facts).find((t) => text.test(t.lower));
    return hit ? { verdict: 'supported', evidence: rowEvidence([hit.row]), reason: `The ${label} appears in ${hit.row.key}.` } : undefined;
  }
  for (const t of typeof text === 'string' ? [text] : (text ?? [])) {
    const row = stringRowContaining(facts, t);
    if (row) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `The ${label} appears in ${row.key}.` };
  }
  return undefined;
}

/** A port as a log line writes it: "port 60198", or after an address ("10.0.0.5:60198", "[fe80::1]:443"), not after any colon ("13:443" is an application id). */
const portInTextMemo = new Map<number, RegExp>();
function portInText(port: number): RegExp {
  let re = portInTextMemo.get(port);
  if (re === undefined) {
    re = new RegExp(String.raw`(?:\bport\s+|\b\d{1,3}(?:\.\d{1,3}){3}:|\]:)${port}(?!\d)`);
    if (portInTextMemo.size < 10_000) portInTextMemo.set(port, re);
  }
  return re;
}

/**
 * The side of the record a connection role names: the server is the side whose port is a service's
 * (well-known, or the lower of two registered ports), the client the other. undefined when the ports
 * do not tell (a side already given, or none).
 */
function sideOfRole(role: 'src' | 'dst' | 'client' | 'server' | undefined, facts: TableFacts): 'src' | 'dst' | undefined {
  if (role === undefined || role === 'src' || role === 'dst') return role;
  const server = memoised(facts, 'server-side', serverSide);
  if (server === null) return undefined;
  return role === 'server' ? server : server === 'src' ? 'dst' : 'src';
}

/** The side a party word names: client and server by the ports (roles of a connection), the others by the word (side-words.ts). */
export function partySide(party: string, facts: TableFacts): 'src' | 'dst' | undefined {
  return party === 'client' || party === 'server' ? sideOfRole(party, facts) : sideOfWord(party);
}

function serverSide(facts: TableFacts): 'src' | 'dst' | null {
  const src = facts.endpoints.ports.src.find((r) => typeof r.value === 'number')?.value as number | undefined;
  const dst = facts.endpoints.ports.dst.find((r) => typeof r.value === 'number')?.value as number | undefined;
  if (src === undefined || dst === undefined || src === dst) return null;
  const service = (p: number): boolean => p < 1024 || servicesOf(p).length > 0;
  if (service(dst) !== service(src)) return service(dst) ? 'dst' : 'src';
  return null;
}

export function checkAddress(claim: Claim<'address'>, facts: TableFacts): Judgement {
  if (claim.data.hardware) {
    const want = canonicalMac(claim.data.address);
    return checkEndpoint(sideOfRole(claim.data.role, facts), memoised(facts, 'mac-rows', macRows), (r) => canonicalMac(String(r.value)) === want, 'MAC address', facts, claim.data.address);
  }
  if (claim.data.prefix !== undefined) return checkNetwork(claim.data.address, claim.data.prefix, facts);
  const want = canonicalAddress(claim.data.address);
  return checkEndpoint(sideOfRole(claim.data.role, facts), facts.endpoints.addresses, (r) => canonicalAddress(String(r.value).trim()) === want, 'address', facts, claim.data.address, facts.endpoints.relays.addresses);
}

/** "hosts on 192.168.250.0/24": some address of the flow lies in the network. */
function checkNetwork(network: string, prefix: number, facts: TableFacts): Judgement {
  const family = isIP(network) === 4 ? 'ipv4' : 'ipv6';
  const net = new BlockList();
  net.addSubnet(network, prefix, family);
  const { src, dst, either } = facts.endpoints.addresses;
  const rows = [...src, ...dst, ...either].filter((r) => typeof r.value === 'string' && isIP(String(r.value).trim()) !== 0);
  if (rows.length === 0) return { verdict: 'unsupported', reason: 'The table gives no address.' };
  const inside: FactRow[] = [];
  for (const r of rows) {
    const value = String(r.value).trim();
    if (isIP(value) === (family === 'ipv4' ? 4 : 6) && net.check(value, family) && !inside.some((i) => String(i.value).trim() === value)) inside.push(r);
  }
  const cidr = `${network}/${prefix}`;
  return inside.length > 0
    ? { verdict: 'supported', evidence: rowEvidence(inside.slice(0, 2)), reason: `${inside.slice(0, 2).map((r) => `${r.key} ${String(r.value)}`).join(' and ')} ${inside.length > 1 ? 'lie' : 'lies'} in ${cidr}.` }
    : { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 2)), reason: `No address of the flow lies in ${cidr}.` };
}

/** A MAC address as twelve lower-case hex digits, whatever separators it was written with. */
function canonicalMac(text: string): string {
  return text.replace(/[^0-9a-f]/gi, '').toLowerCase();
}

const MAC_VALUE = /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

/** The record's MAC addresses by side (goflow2 src_mac, ECS source.mac, EVE ether.src_mac), read from the values' shape and the names' side. */
function macRows(facts: TableFacts): Sides {
  const out: Sides = { src: [], dst: [], either: [] };
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || !MAC_VALUE.test(row.value.trim())) continue;
    out[sideOf(describeField(row.key, row.value).role) ?? 'either'].push(row);
  }
  return out;
}

export function checkPort(claim: Claim<'port'>, facts: TableFacts): Judgement {
  if (claim.data.port > 65535) return { verdict: 'contradicted', evidence: { rows: ['port'], values: [65535], derivation: 'ports are 16-bit: 0–65535' }, reason: 'A port number cannot exceed 65535.' };
  const { role, port } = claim.data;
  if (role === 'client' || role === 'server') {
    const ports = memoised(facts, 'role-ports', rolePorts);
    if (ports !== null && (port === ports.server.value || port === ports.client.value)) {
      const row = port === ports.server.value ? ports.server : ports.client;
      const other = role === 'server' ? ports.server : ports.client;
      const ev = rowEvidence([row], portDerivation(ports.server.value as number));
      return row === other
        ? { verdict: 'supported', evidence: ev, reason: `It is the ${role}'s port (${row.key}).` }
        : { verdict: 'contradicted', evidence: rowEvidence([row, other]), reason: `${port} is the ${role === 'server' ? 'client' : 'server'}'s port (${row.key}); the ${role}'s port is ${String(other.value)}.` };
    }
  }
  // a port a log line of the record names ("… from 203.0.113.91 port 60198", "10.0.0.5:60198")
  return checkEndpoint(sideOfRole(role, facts), facts.endpoints.ports, (r) => Number(r.value) === port, 'port', facts, portInText(port), facts.endpoints.relays.ports);
}

/**
 * The server's and the client's port by value: the service port (well-known, or one the lexicon
 * names) against the other. Read by value, not by side, because a record may give the flow twice
 * with the sides swapped (ECS source/destination of the alerting packet beside suricata.flow).
 */
function rolePorts(facts: TableFacts): { server: FactRow; client: FactRow } | null {
  const src = facts.endpoints.ports.src.find((r) => typeof r.value === 'number');
  const dst = facts.endpoints.ports.dst.find((r) => typeof r.value === 'number');
  const side = serverSide(facts);
  if (!src || !dst || side === null) return null;
  return side === 'dst' ? { server: dst, client: src } : { server: src, client: dst };
}

function servicesOf(port: number): readonly string[] {
  return PORT_SERVICES[port] ?? [];
}

/** Whether one of the names is the service, in any case (a loop, not a closure per claim). */
function namesService(names: readonly string[], service: string): boolean {
  const wanted = service.toLowerCase();
  for (const name of names) if (name.toLowerCase() === wanted) return true;
  return false;
}

/** "IANA well-known port 443: HTTPS", by port: the text depends on the port alone, and ports repeat. */
const portDerivation = sharedMemo((port: number): string => `IANA well-known port ${port}: ${servicesOf(port).join(', ') || 'none'}`, 1_000);

/** The well-known port whose services include the service, as the lexicon lists them. */
function homePort(service: string): string | undefined {
  for (const [port, names] of Object.entries(PORT_SERVICES)) if (namesService(names, service)) return port;
  return undefined;
}

/** "port 443 (HTTPS)": the well-known service of the port; a service with no port beside it is checked against the flow's ports. */
export function checkService(claim: Claim<'service'>, facts: TableFacts): Judgement {
  const { service, port } = claim.data;
  if (port >= 0) {
    const known = servicesOf(port);
    const ev = { rows: ['port'], values: [port], derivation: portDerivation(port) };
    if (namesService(known, service)) return { verdict: 'supported', evidence: ev, reason: `Port ${port} is the well-known port of ${service}.` };
    const home = homePort(service);
    if (known.length > 0 || home !== undefined) return { verdict: 'contradicted', evidence: ev, reason: `Port ${port} is ${known.length > 0 ? `the well-known port of ${known[0]}` : 'not a well-known port'}${home !== undefined ? `; ${service} is port ${home}` : ''}.` };
    return { verdict: 'unsupported', reason: `Nothing in the table ties port ${port} to ${service}.` };
  }
  let hit: FactRow | undefined;
  const { src, dst, either } = facts.endpoints.ports;
  for (const r of [...src, ...dst, ...either]) {
    if (typeof r.value === 'number' && namesService(servicesOf(r.value), service)) {
      hit = r;
      break;
    }
  }
  const apps = memoised(facts, 'application-rows', applicationRows);
  const named = apps.find((a) => appNames(a.name, service));
  if (named) return { verdict: 'supported', evidence: rowEvidence([named.row]), reason: `${named.row.key} is ${String(named.row.value)}${named.name === String(named.row.value) ? '' : ` (${named.name})`}.` };
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit], `IANA well-known port ${show(hit.value)}: ${servicesOf(hit.value as number).join(', ')}`), reason: `${service} is the well-known service of ${hit.key} ${String(hit.value)}.` };
  if (apps.length > 0) {
    const shown = apps.map((a) => `${a.row.key} is ${String(a.row.value)}${a.name === String(a.row.value) ? '' : ` (${a.name})`}`).join(', ');
    return { verdict: 'contradicted', evidence: rowEvidence(apps.map((a) => a.row)), reason: `${shown}, not ${service}; neither port is its well-known port.` };
  }
  // a host's own log names the program that logged it: Wazuh's decoder.name "sshd", a syslog program
  const said = memoised(facts, 'program-rows', programRows).find((r) => programNames(String(r.value), service));
  if (said) return { verdict: 'supported', evidence: rowEvidence([said]), reason: `${said.key} is ${String(said.value)}: the program is ${service}'s.` };
  // a record that holds the protocol's own fields (a method and a status, a query name, an SNI) shows it was spoken
  const own = OWN_FIELDS[service.toLowerCase()];
  const fields = own === undefined ? undefined : memoised(facts, 'protocol-field-rows', protocolFieldRows).find((r) => r.dimension === own);
  if (fields) return { verdict: 'supported', evidence: rowEvidence([fields.row]), reason: `The record holds ${service} fields (${fields.row.key} is ${String(fields.row.value)}).` };
  return { verdict: 'unsupported', reason: `Neither port of the flow is the well-known port of ${service}, and the table does not show the application.` };
}

/** The field dimension of the application protocols whose fields the vocabulary knows. */
const OWN_FIELDS: Readonly<Record<string, string>> = { http: 'http', dns: 'dns', tls: 'tls', ssl: 'tls' };

function protocolFieldRows(facts: TableFacts): Array<{ row: FactRow; dimension: string }> {
  const out: Array<{ row: FactRow; dimension: string }> = [];
  for (const row of facts.rows.values()) {
    // nProbe writes 0 in the DNS and HTTP fields of a flow that spoke neither
    if (row.value === null || row.value === '' || row.value === '-' || row.value === 0) continue;
    const dimension = describeField(row.key, row.value).dimension;
    if (dimension === 'http' || dimension === 'dns' || dimension === 'tls') out.push({ row, dimension });
  }
  return out;
}

/** Keys of the fields that name the program or service an event came from (decoder, program, process, daemon), not free text. */
const PROGRAM_WORDS: ReadonlySet<string> = new Set(['decoder', 'program', 'process', 'daemon', 'app', 'application', 'service', 'product']);

function programRows(facts: TableFacts): FactRow[] {
  return [...facts.rows.values()].filter((r) => typeof r.value === 'string' && r.value !== '' && keyTokens(r.key).some((t) => PROGRAM_WORDS.has(t)));
}

/** Whether a program's name is the service's or its daemon's ("sshd" for SSH, "httpd" for HTTP), as a whole word. */
function programNames(value: string, service: string): boolean {
  const s = service.toLowerCase();
  return value.toLowerCase().split(/[^a-z0-9]+/).some((word) => word === s || word === `${s}d`);
}

/** Names a detector gives the application that a service word also covers: TLS is how HTTPS shows. */
const SAME_SERVICE: Readonly<Record<string, readonly string[]>> = { https: ['tls', 'ssl', 'https', 'quic'], web: ['http', 'https', 'tls', 'ssl', 'quic'], ssl: ['tls', 'ssl'], tls: ['tls', 'ssl'] };

/** Whether the application a detector named (nDPI "HTTP.Amazon", Zeek "ssl,http", EVE "tls") is the service. */
function appNames(name: string, service: string): boolean {
  const wanted = SAME_SERVICE[service.toLowerCase()] ?? [service.toLowerCase()];
  return name.toLowerCase().split(/[.,/\s]+/).some((part) => wanted.includes(part));
}

/** The record's application-protocol rows by name: L7_PROTO read through nDPI's ids, app_proto, Zeek's service, ECS network.protocol. Unknowns ("-", "failed", 0) name nothing. */
function applicationRows(facts: TableFacts): Array<{ row: FactRow; name: string }> {
  const out: Array<{ row: FactRow; name: string }> = [];
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '' || describeField(row.key, row.value).dimension !== 'l7-protocol') continue;
    const name = typeof row.value === 'number' || /^\d+(?:\.\d+)?$/.test(String(row.value)) ? ndpiName(String(row.value)) : String(row.value);
    if (name === undefined || /^(?:-|unknown|failed|none)$/i.test(name)) continue;
    out.push({ row, name });
  }
  return out;
}

const show = (v: unknown): string => String(v);

/** The record's transport protocol: the identity row first, then any row that holds one ("tcp" or 6). */
export function protocolRow(facts: TableFacts): { row: FactRow; number: number } | undefined {
  return memoised(facts, 'protocol-row', findProtocolRow) ?? undefined;
}

function findProtocolRow(facts: TableFacts): { row: FactRow; number: number } | null {
  for (const row of facts.endpoints.protocols) {
    const number = protocolValue(row.value);
    if (number !== undefined && number >= 0) return { row, number };
  }
  return null;
}

/** "IANA protocol 6 = TCP" (read once per table). */
function protocolDerivation(facts: TableFacts): string {
  const { number } = protocolRow(facts)!;
  return `IANA protocol ${number} = ${protocolKeyword(number)}`;
}

function protocolKeyword(number: number): string {
  for (const [name, n] of Object.entries(PROTOCOL_NAMES)) if (n === number) return name;
  return `protocol ${number}`;
}

export function checkProtocol(claim: Claim<'protocol'>, facts: TableFacts): Judgement {
  const found = protocolRow(facts);
  if (!found) return { verdict: 'unsupported', reason: 'The table gives no protocol number.' };
  const { row, number: actual } = found;
  const { name, number } = claim.data;
  const named = name === undefined ? undefined : PROTOCOL_NAMES[name.toUpperCase()];
  const ev = rowEvidence([row], memoised(facts, 'protocol', protocolDerivation));
  if (number !== undefined && number !== actual) return { verdict: 'contradicted', evidence: ev, reason: `The protocol number is ${actual}, not ${number}.` };
  if (named !== undefined && named !== actual) return { verdict: 'contradicted', evidence: ev, reason: `Protocol ${actual} is not ${name}.` };
  return { verdict: 'supported', evidence: ev, reason: `The protocol number is ${actual}${name ? ` (${name})` : ''}.` };
}

export function checkAddressFamily(claim: Claim<'address-family'>, facts: TableFacts): Judgement {
  const { src, dst } = facts.endpoints.addresses;
  const rows = [src[0], dst[0]].filter((r): r is FactRow => typeof r?.value === 'string');
  if (rows.length === 0) return { verdict: 'unsupported', reason: 'The table gives no addresses.' };
  const v6 = rows.every((r) => String(r.value).includes(':'));
  const ok = claim.data.family === 6 ? v6 : rows.every((r) => !String(r.value).includes(':'));
  return ok
    ? { verdict: 'supported', evidence: rowEvidence(rows), reason: `Both addresses are IPv${claim.data.family}.` }
    : { verdict: 'contradicted', evidence: rowEvidence(rows), reason: `The addresses are IPv${v6 ? 6 : 4}, not IPv${claim.data.family}.` };
}

/** Time rows: the flow's start and end, and nProbe's *SWITCHED / *_MILLISECONDS fields (not durations). */
/** A time of day or date row; FIRST_SWITCHED read as the exporter's uptime in ms (unit "ms", not "epoch …") is no clock time. */
function isInstant(r: FactRow): boolean {
  return r.value !== null && r.unit !== 'ms' && (r.dim === 'instant' || ((r.key.includes('SWITCHED') || r.key.endsWith('_MILLISECONDS')) && !r.key.includes('DURATION')));
}

/** A time row with its ISO form, worked out when a claim first compares with it (most claims stop at the start time). */
interface Instant {
  row: FactRow;
  iso: string | undefined | null;
}

function isoOf(t: Instant): string | undefined {
  if (t.iso === null) t.iso = toIso(t.row.value as number | string);
  return t.iso;
}

/** A time field that holds a calendar date and no time of day ("2025-06-11"). */
const isDateOnly = (row: FactRow): boolean => typeof row.value === 'string' && DATE_ONLY.test(row.value);
const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
/** A field that holds a time of day alone ("03:42:19"), as logs that write the date and the time apart do (FortiGate's date and time). */
const TIME_OF_DAY = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$/;

/** The time-of-day field that reads `want` ("HH:MM" or "HH:MM:SS", cut to the claim's precision), if any. */
function clockRow(facts: TableFacts, want: string): FactRow | undefined {
  for (const row of memoised(facts, 'time-of-day-rows', timeOfDayRows)) {
    const m = TIME_OF_DAY.exec(row.value as string)!;
    const clock = `${m[1]!.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
    if (clock.slice(0, want.length) === want) return row;
  }
  return undefined;
}

function timeOfDayRows(facts: TableFacts): FactRow[] {
  return [...facts.rows.values()].filter((r) => typeof r.value === 'string' && TIME_OF_DAY.test(r.value) && keyTokens(r.key).some((t) => TIME_WORDS.has(t)));
}
const TIME_WORDS: ReadonlySet<string> = new Set(['time', 'clock', 'hour', 'at']);

/** Words before a time in its clause that say it is the record's start or its end. */
const START_SAID = /\b(?:first\s+seen|first\s+observed|started|starts|began|begins|start(?:ed)?\s+(?:time|at)|first\s+packet|opened|beginning)\b[^.;,]{0,30}$/i;
const END_SAID = /\b(?:last\s+seen|last\s+observed|ended|ends|finished|end(?:ed)?\s+(?:time|at)|last\s+packet|closed|stopped)\b[^.;,]{0,30}$/i;

function edgeNamed(claim: Claim<'timestamp'>): 'start' | 'end' | undefined {
  const before = claim.sentence.text.slice(Math.max(0, claim.start - claim.sentence.start - 60), claim.start - claim.sentence.start);
  const start = START_SAID.exec(before);
  const end = END_SAID.exec(before);
  // "began at 14:50:21 and ended at 14:51:09": the nearer word names the edge
  if (start && end) return start.index > end.index ? 'start' : 'end';
  return start ? 'start' : end ? 'end' : undefined;
}

/** The time rows that give a time of day (not a date alone), read once per table. */
function clockInstants(facts: TableFacts): Instant[] {
  return memoised(facts, 'instants', instantsOf).filter((t) => !isDateOnly(t.row));
}

/** The table's time rows, read once per table. */
function instantsOf(facts: TableFacts): Instant[] {
  const out: Instant[] = [];
  for (const row of facts.rows.values()) if (isInstant(row)) out.push({ row, iso: null });
  return out;
}


/**
 * The earliest and latest time rows when `want` (cut to the claim's precision) lies between them:
 * the record's times (flow start and end, alert time, evidence times) set its span.
 */
function withinSpan(times: Instant[], want: string, timeOnly: boolean, len: number): [FactRow, FactRow] | undefined {
  let first: { row: FactRow; iso: string } | undefined;
  let last: { row: FactRow; iso: string } | undefined;
  for (const time of times) {
    const iso = isoOf(time);
    if (iso === undefined) continue;
    if (!first || iso < first.iso) first = { row: time.row, iso };
    if (!last || iso > last.iso) last = { row: time.row, iso };
  }
  if (!first || !last || first.row === last.row) return undefined;
  // a clock time compared across midnight would mislead: only a span within one day is read by the clock
  if (timeOnly && first.iso.slice(0, 10) !== last.iso.slice(0, 10)) return undefined;
  const cut = (iso: string): string => (timeOnly ? iso.slice(11, len) : iso.slice(0, len));
  return want >= cut(first.iso) && want <= cut(last.iso) ? [first.row, last.row] : undefined;
}

/** The clock time a row writes ("2024-05-14T09:12:44.2+0200" → 09:12:44), before any offset is applied. */
const WRITTEN_CLOCK = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)/;

function writtenClock(row: FactRow): { day: string; clock: string } | undefined {
  if (typeof row.value !== 'string') return undefined;
  const m = WRITTEN_CLOCK.exec(row.value);
  return m ? { day: m[1]!, clock: m[2]!.padEnd(8, ':00') } : undefined;
}

/** A row whose written clock reads `want`: a time with no zone may be in the clock the record writes. */
function writtenClockRow(times: Instant[], want: string): FactRow | undefined {
  return times.find((t) => writtenClock(t.row)?.clock.startsWith(want))?.row;
}

/** The first and last rows by written clock, on one day, when `want` lies between them. */
function withinWrittenSpan(times: Instant[], want: string): [FactRow, FactRow] | undefined {
  const clocks = times.flatMap((t) => {
    const w = writtenClock(t.row);
    return w ? [{ row: t.row, ...w }] : [];
  });
  if (clocks.length < 2 || clocks.some((c) => c.day !== clocks[0]!.day)) return undefined;
  clocks.sort((a, b) => (a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0));
  const first = clocks[0]!, last = clocks[clocks.length - 1]!;
  return want >= first.clock.slice(0, want.length) && want <= last.clock.slice(0, want.length) ? [first.row, last.row] : undefined;
}

/** The fields of a certificate's validity (validityEdge reads which a key names). */
function validityRows(facts: TableFacts, which: 'not-after' | 'not-before'): FactRow[] {
  return [...facts.rows.values()].filter((r) => r.value !== null && validityEdge(keyTokens(r.key)) === which);
}

/** A text of the record that dates the certificate's expiry or start: Zeek's notice msg "Certificate … expired on 2026-10-30 00:00:00 UTC". */
const DATED_IN_TEXT: Readonly<Record<'not-after' | 'not-before', RegExp>> = {
  'not-after': /\b(?:expired|expires|expiring|valid\s+(?:until|through|to)|not\s+after)\b\D{0,12}(\d{4}-\d{2}-\d{2})/i,
  'not-before': /\b(?:valid\s+(?:from|since)|not\s+before|issued\s+on)\b\D{0,12}(\d{4}-\d{2}-\d{2})/i,
};

function validityInText(want: string, which: 'not-after' | 'not-before', facts: TableFacts): Judgement | undefined {
  for (const { row } of textRows(facts)) {
    const m = DATED_IN_TEXT[which].exec(String(row.value));
    if (!m) continue;
    return m[1] === want
      ? { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} dates it ${m[1]}.` }
      : { verdict: 'contradicted', evidence: rowEvidence([row]), reason: `${row.key} dates it ${m[1]}, not ${want}.` };
  }
  return undefined;
}

/** A date said of a certificate's expiry or start of validity, against that field only: the other one is another date. */
function checkValidityDate(claim: Claim<'timestamp'>, facts: TableFacts): Judgement {
  const which = claim.data.validity!;
  const what = which === 'not-after' ? 'expiry' : 'start of validity';
  const rows = validityRows(facts, which);
  if (rows.length === 0) return validityInText(claim.data.iso.slice(0, 10), which, facts) ?? { verdict: 'unsupported', reason: `The record gives no certificate ${what} date.` };
  const want = claim.data.iso.slice(0, 10);
  const hit = rows.find((r) => toIso(r.value as number | string)?.slice(0, 10) === want);
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${String(hit.value)}.` };
  return { verdict: 'contradicted', evidence: rowEvidence(rows), reason: `${rows.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}: the ${what} is not ${want}.` };
}

/** Why no time of day can be checked: no time fields, or only an exporter's uptime (NetFlow v9 FIRST_SWITCHED in ms). */
function noClockReason(facts: TableFacts): string {
  const uptime = [...facts.rows.values()].filter((r) => r.unit === 'ms' && r.dim === 'instant').map((r) => r.key);
  return uptime.length > 0 ? `The table has no time of day: ${uptime.join(' and ')} count the exporter's uptime in ms.` : 'The table has no time fields.';
}

/** "on 21 November": a month and day against the record's dates, their year aside. */
function checkDayOfMonth(want: string, times: Instant[]): Judgement {
  const dated = times.flatMap((t) => {
    const iso = isoOf(t);
    return iso === undefined ? [] : [{ row: t.row, iso }];
  });
  if (dated.length === 0) return { verdict: 'unsupported', reason: `The record's times are in a form not read as dates.` };
  const hit = dated.find((t) => t.iso.slice(5, 10) === want);
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit.row]), reason: `${hit.row.key} is ${String(hit.row.value)}.` };
  const days = dated.map((t) => t.iso.slice(0, 10)).sort();
  // a span within one year holds every day between its first and last
  if (days[0]!.slice(0, 4) === days[days.length - 1]!.slice(0, 4) && want > days[0]!.slice(5) && want < days[days.length - 1]!.slice(5)) return { verdict: 'supported', evidence: rowEvidence(dated.map((t) => t.row)), reason: `${want} lies within the record's span, ${days[0]} to ${days[days.length - 1]}.` };
  return { verdict: 'contradicted', evidence: rowEvidence(dated.slice(0, 3).map((t) => t.row)), reason: `The record's dates are ${[...new Set(days)].join(', ')}, none of them on ${want} (month-day).` };
}

export function checkTimestamp(claim: Claim<'timestamp'>, facts: TableFacts): Judgement {
  const times = memoised(facts, 'instants', instantsOf);
  if (claim.data.validity) return checkValidityDate(claim, facts);
  if (times.length === 0) return { verdict: 'unsupported', reason: noClockReason(facts) };
  if (claim.data.yearless) return checkDayOfMonth(claim.data.iso.slice(5, 10), times);
  const { iso, precision, timeOnly } = claim.data;
  const len = precision === 'day' ? 10 : precision === 'minute' ? 16 : 19;
  const want = timeOnly ? iso.slice(11, len) : iso.slice(0, len);
  const clock = precision === 'day' ? undefined : clockRow(facts, iso.slice(11, len));
  if (clock) return { verdict: 'supported', evidence: rowEvidence([clock]), reason: `${clock.key} is ${String(clock.value)}.` };
  // a date alone says nothing of the time of day: a clock time is judged against the times that give one
  const usable = precision === 'day' ? times : memoised(facts, 'clock-instants', clockInstants);
  if (usable.length === 0) return { verdict: 'unsupported', reason: `The record gives the date (${times.map((t) => `${t.row.key} ${String(t.row.value)}`).join(', ')}) but no time of day.` };
  let hit: FactRow | undefined;
  const cut = (t: string): string => (timeOnly ? t.slice(11, len) : t.slice(0, len));
  // "the flow started at 09:00:00": a time said of an edge the record gives is that edge's, not any of its times
  const edge = edgeNamed(claim);
  const edgeRows = edge === undefined ? [] : usable.filter((t) => facts.endpoints.edges.get(t.row) === edge);
  for (const time of edgeRows.length > 0 ? edgeRows : usable) {
    const t = isoOf(time);
    if (t !== undefined && cut(t) === want) {
      hit = time.row;
      break;
    }
  }
  hit ??= claim.data.zoneless ? writtenClockRow(usable, want) : undefined;
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${String(hit.value)}.` };
  const written = claim.data.zoneless ? withinWrittenSpan(usable, want) : undefined;
  if (written) return { verdict: 'supported', evidence: rowEvidence(written), reason: `${want} lies within the record's span as it writes its clock, ${String(written[0]!.value)} to ${String(written[1]!.value)}.` };
  // "first seen at 01:30", "the flow ended at 02:10": a time said of the record's start or end is that edge's, not any time within the span
  if (edgeRows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(edgeRows.map((t) => t.row)), reason: `The record's ${edge} is ${edgeRows.map((t) => `${t.row.key} ${String(t.row.value)}`).join(', ')}, not ${want}.` };
  const inside = withinSpan(usable, want, timeOnly, len);
  if (inside) return { verdict: 'supported', evidence: rowEvidence(inside), reason: `${want} lies within the record's span, ${String(inside[0]!.value)} to ${String(inside[1]!.value)}.` };
  // times the record writes in a form not read say nothing either way
  if (!usable.some((t) => isoOf(t) !== undefined)) {
    const clocks = precision === 'day' ? [] : memoised(facts, 'time-of-day-rows', timeOfDayRows);
    if (clocks.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(clocks), reason: `${clocks.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not ${iso.slice(11, len)}.` };
    return { verdict: 'unsupported', reason: `The record's times (${usable.map((t) => `${t.row.key} ${String(t.row.value)}`).join(', ')}) are in a form not read as dates.` };
  }
  return { verdict: 'contradicted', evidence: rowEvidence(usable.map((t) => t.row)), reason: `No time of the record is ${want}, and it lies outside the record's span.` };
}
