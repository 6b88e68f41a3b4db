import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { fullWord } from '../lexicon/key-abbreviations.ts';
import { memoised, stringRowContaining, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence } from './evidence.ts';
import { describeField, sideOf } from '../deps.ts';
import { ZEEK_CONN_STATES } from '../lexicon/zeek-conn-states.ts';

type Kind = Exclude<Claim<'literal'>['data']['kind'], 'version'>;
/** Kinds held by rows named for them; paths and host names are found in any text of the record. */
type RowKind = Exclude<Kind, 'path' | 'hostname' | 'label' | 'conn state' | 'asn' | 'software'>;

/** Which rows hold each kind of literal, by the words of their names. */
const HOLDS: Readonly<Record<RowKind, (tokens: readonly string[]) => boolean>> = {
  'http status': (t) => t.includes('status') && !t.includes('message'),
  'http method': (t) => t.includes('method'),
  // Security Onion and ECS give a Suricata rule's sid as rule.uuid
  'rule id': (t) => t.includes('sid') || ((t.includes('signature') || t.includes('rule')) && (t.includes('id') || t.includes('uuid'))),
};

function literalRows(facts: TableFacts): Record<RowKind, FactRow[]> {
  const out: Record<RowKind, FactRow[]> = { 'http status': [], 'http method': [], 'rule id': [] };
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    // in full words: Snort 2's sig_id is the signature id
    const tokens = keyTokens(row.key).map(fullWord);
    for (const kind of Object.keys(HOLDS) as Array<keyof typeof HOLDS>) if (HOLDS[kind](tokens)) out[kind].push(row);
  }
  return out;
}

/**
 * A value copied from the record: the row of its kind (status, method, rule id) must hold it; a
 * path or file name must be in one of the record's texts (URL, payload, …). A value no row of its
 * kind holds may still be quoted from the record's text (a payload that reads "GET /x").
 */
export function checkLiteral(claim: Claim<'literal'>, facts: TableFacts): Judgement | null {
  const { kind, value } = claim.data;
  if (kind === 'version') return checkVersion(value, facts);
  if (kind === 'software') return checkSoftware(value, facts);
  if (kind === 'conn state') return checkConnState(value, facts);
  if (kind === 'asn') return checkAsn(value, claim.data.side, facts);
  if (kind !== 'path' && kind !== 'hostname' && kind !== 'label') {
    const rows = memoised(facts, 'literal-rows', literalRows)[kind];
    const hit = rows.find((r) => String(r.value).trim().toUpperCase() === value.toUpperCase());
    if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${String(hit.value)}.` };
    if (rows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 3)), reason: `${rows.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not ${value}.` };
  }
  // a record may write a path without its leading slash (PAN-OS URL/Filename "cgi-bin/luci/;stok=/locale")
  const text = stringRowContaining(facts, value) ?? (kind === 'path' && value.startsWith('/') ? stringRowContaining(facts, value.slice(1)) : undefined);
  if (text) return { verdict: 'supported', evidence: rowEvidence([text]), reason: `The record holds "${value}" in ${text.key}.` };
  if (kind === 'hostname') return checkHostname(value, facts);
  if (kind === 'label') return checkLabel(value, facts);
  return { verdict: 'unsupported', hedgeable: false, reason: `Nothing in the record holds this ${kind} (${value}).` };
}

/** A version as written in a record: "TLS 1.2", "TLSv1.2", "HTTP/1.1", "SSH-2.0-OpenSSH_8.9" → family and number. */
const VERSION_VALUE = /\b(tls|ssl|http|ssh|smb|snmp|dtls|quic)(?:\s?v|\/|-|\s)(\d(?:\.\d)?)/i;

/**
 * A protocol's version against the rows that give that protocol's version: a text value such as
 * "TLS 1.2" or "HTTP/1.1", or a `version` field of that protocol (tls.version, ssh.client.proto_version).
 * A version number alone is a label where the record gives none: not judged.
 */
function checkVersion(value: string, facts: TableFacts): Judgement | null {
  const [family, number] = value.split(' ') as [string, string];
  const rows: Array<{ row: FactRow; number: string }> = [];
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' && typeof row.value !== 'number') continue;
    const text = String(row.value);
    const m = VERSION_VALUE.exec(text);
    if (m && m[1]!.toUpperCase() === family) rows.push({ row, number: m[2]! });
    else if (!m && keyTokens(row.key).includes('version') && keyTokens(row.key).includes(family.toLowerCase()) && /^\d(?:\.\d)?$/.test(text.trim())) rows.push({ row, number: text.trim() });
  }
  if (rows.length === 0) return null;
  const same = (a: string, b: string): boolean => Number(a) === Number(b);
  const hit = rows.find((r) => same(r.number, number));
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit.row]), reason: `${hit.row.key} is ${String(hit.row.value)}.` };
  return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 3).map((r) => r.row)), reason: `${rows.slice(0, 3).map((r) => `${r.row.key} is ${String(r.row.value)}`).join(', ')}, not ${value}.` };
}

/** Rows that name a host: a DNS query or answer name, an SNI, an HTTP host, a certificate subject. */
const HOST_TOKENS = new Set(['host', 'hostname', 'sni', 'rrname', 'rdata', 'query', 'domain', 'fqdn', 'server_name', 'subject', 'cn', 'san']);

function hostRows(facts: TableFacts): FactRow[] {
  const out: FactRow[] = [];
  for (const row of facts.rows.values()) if (typeof row.value === 'string' && row.value !== '' && keyTokens(row.key).some((t) => HOST_TOKENS.has(t))) out.push(row);
  return out;
}

/** A host name no text of the record holds: another name where the record names hosts, else nothing backs it. */
function checkHostname(value: string, facts: TableFacts): Judgement {
  const rows = memoised(facts, 'host-rows', hostRows);
  if (rows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 3)), reason: `${rows.slice(0, 3).map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not ${value}.` };
  return { verdict: 'unsupported', hedgeable: false, reason: `No field of the record names the host ${value}.` };
}

/** Rows that name what fired: a signature, rule or alert name, a notice message. */
function labelRows(facts: TableFacts): FactRow[] {
  const out: FactRow[] = [];
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || row.value === '') continue;
    const t = keyTokens(row.key);
    const last = t[t.length - 1];
    if (last === 'signature' || last === 'msg' || last === 'message' || (last === 'name' && (t.includes('rule') || t.includes('alert') || t.includes('signature')))) out.push(row);
  }
  return out;
}

/** A label quoted from the record: a text of the record must hold it; another name where the record names what fired contradicts it. */
function checkLabel(value: string, facts: TableFacts): Judgement {
  const rows = memoised(facts, 'label-rows', labelRows);
  if (rows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 2)), reason: `${rows.slice(0, 2).map((r) => `${r.key} is "${String(r.value)}"`).join(', ')}; no text of the record reads "${value}".` };
  return { verdict: 'unsupported', hedgeable: false, reason: `No text of the record reads "${value}".` };
}

/** A Zeek connection state named by its code, against the record's conn_state; not judged without one (the code is then no claim of this record). */
function checkConnState(code: string, facts: TableFacts): Judgement | null {
  const row = [...facts.rows.values()].find((r) => typeof r.value === 'string' && keyTokens(r.key).join('_') === 'conn_state');
  if (!row) return null;
  const actual = String(row.value).trim();
  const meaning = (c: string): string => ZEEK_CONN_STATES[c] ?? 'unknown state';
  return actual === code
    ? { verdict: 'supported', evidence: rowEvidence([row], `${code}: ${meaning(code)}`), reason: `${row.key} is ${actual}.` }
    : { verdict: 'contradicted', evidence: rowEvidence([row], `${actual}: ${meaning(actual)}`), reason: `${row.key} is ${actual} (${meaning(actual)}), not ${code} (${meaning(code)}).` };
}

/** An AS number against the record's AS fields (of the side the text names, when it names one); an AS field of 0 means unknown. */
function checkAsn(value: string, side: 'src' | 'dst' | undefined, facts: TableFacts): Judgement {
  // AS 0 is reserved: an exporter writes it where it does not know the AS
  const all = [...facts.rows.values()].filter((r) => r.value !== null && r.value !== 0 && r.value !== '0' && describeField(r.key, r.value).dimension === 'asn');
  const rows = side === undefined ? all : all.filter((r) => sideOf(describeField(r.key, r.value).role) !== (side === 'src' ? 'dst' : 'src'));
  if (rows.length === 0) return { verdict: 'unsupported', hedgeable: false, reason: `The record gives no known AS number${all.length > 0 ? ` for the ${side === 'src' ? 'source' : 'destination'}` : ''} (0 means unknown).` };
  const hit = rows.find((r) => String(r.value).split(/[\s,]+/).includes(value));
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${String(hit.value)}.` };
  return { verdict: 'contradicted', evidence: rowEvidence(rows.slice(0, 2)), reason: `${rows.slice(0, 2).map((r) => `${r.key} is ${String(r.value)}`).join(', ')}, not AS ${value}.` };
}

/**
 * A program and its version ("libssh 0.9.6", "OpenSSH_8.2p1", "curl/7.68.0") against the record's
 * texts (an SSH banner, a user agent, a server header): the same name with that version backs it,
 * the same name with another version contradicts it; a name the record does not hold is unsupported.
 */
function checkSoftware(value: string, facts: TableFacts): Judgement {
  const [name, version] = value.split(' ') as [string, string];
  const named = new RegExp(String.raw`(?<![\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ _/-]?v?(\d+(?:\.\d+)+[a-z]?\d*)`, 'i');
  let other: { row: FactRow; version: string } | undefined;
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string') continue;
    const m = named.exec(row.value);
    if (!m) continue;
    // a version written less precisely is the same one: "OpenSSH 8.2" of OpenSSH_8.2p1
    const recorded = m[1]!.toLowerCase();
    if (recorded.startsWith(version.toLowerCase()) && !/^\d/.test(recorded.slice(version.length))) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${row.value}.` };
    other ??= { row, version: m[1]! };
  }
  if (other) return { verdict: 'contradicted', evidence: rowEvidence([other.row]), reason: `${other.row.key} is ${String(other.row.value)}: ${name} ${other.version}, not ${version}.` };
  // "PCI DSS 10.2.4" where a field named for it holds the number (Wazuh rule.pci_dss)
  const field = [...facts.rows.values()].find((r) => String(r.value) === version && keyTokens(r.key).includes(name.toLowerCase()));
  if (field) return { verdict: 'supported', evidence: rowEvidence([field]), reason: `${field.key} is ${String(field.value)}.` };
  return { verdict: 'unsupported', reason: `Nothing in the record names ${name} ${version}.` };
}
