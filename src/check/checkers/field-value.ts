import type { Claim, Judgement } from '../claim.ts';
import { fullWord } from '../lexicon/key-abbreviations.ts';
import { sharedMemo } from '../facts/shared-memo.ts';
import { holdsAll, keyTokens, singular } from '../facts/key-tokens.ts';
import { rowsNamedBy, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { NO_POSITIONS, planned, positionsBy } from '../facts/schema-plan.ts';
import { rowEvidence, show } from './evidence.ts';

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** Values of a severity, priority or risk level (Fortinet, PAN-OS, ECS severity labels). */
const LEVEL_WORD = /^(?:info(?:rmational)?|low|medium|moderate|high|critical|severe|major|minor|warning|notice|emergency|alert)$/i;
const UNSET = /^(?:-|\(empty\)|none|null|n\/a|)$/i;

/**
 * The rows a field named in the text may be: by its key (exact, any case, or as the last part of a
 * dotted path: "tcp_flags_ts" for tcp.tcp_flags_ts), or by its words, all among the key's words and
 * the last of them the key's last (fewest extra words first: "alert severity" is alert.severity).
 */
function rowsNamed(facts: TableFacts, named: string, value: string, quoted: boolean): FactRow[] {
  // "the addl field says …": the word "field" names no part of the field
  const field = named.replace(/\s+(?:field|column|value)$/i, '');
  const byKey = rowsNamedBy(facts, field);
  if (byKey.length > 0 || /[_.]/.test(field)) return byKey;
  const rows = rowsByWords(facts, field);
  if (rows.length > 0) return rows;
  // "the rule revision" is Snort's rev, "the packet TTL" a ttl: the record's kind before a field's word is no part of its name
  const words = field.split(/\s+/);
  if (words.length > 1 && RECORD_KINDS.has(singular(words[0]!))) {
    const bare = rowsByWords(facts, words.slice(1).join(' '));
    if (bare.length > 0) return bare;
  }
  for (const other of FIELD_SAID_AS[field.toLowerCase()] ?? []) {
    const found = rowsByWords(facts, other);
    if (found.length > 0) return found;
  }
  // "the source prefix was /16": a measure's noun without the word the key ends in (sourceIPv4PrefixLength)
  for (const tail of KEY_TAILS) {
    const found = rowsByWords(facts, `${field} ${tail}`);
    if (found.length > 0) return found;
  }
  // "the targeted account", "the affected host": a participle before the field's noun says which, not what
  if (words.length > 1 && PARTICIPLE.test(words[0]!)) return rowsNamed(facts, words.slice(1).join(' '), value, quoted);
  // "the agent is web-prod-04", "the decoder was web-accesslog": a thing the record keeps as an object
  // (agent.name, agent.id, agent.ip) is named by its name or id, when the value is written as one
  if (quoted || IDENTIFIER_LIKE.test(value)) {
    // "the weird was SMB_truncated": a record named by its kind holds its name in its own field
    for (const other of RECORD_NAME_FIELDS[field.toLowerCase()] ?? []) {
      const found = rowsByWords(facts, other);
      if (found.length > 0) return found;
    }
    for (const member of OBJECT_NAMES) {
      const found = rowsByWords(facts, `${field} ${member}`);
      if (found.length > 0) return found;
    }
  }
  return [];
}

/** Words a key adds after a measure's noun: a prefix's length, a flag's count. */
const KEY_TAILS = ['length', 'count'];
/** A participle or agent adjective qualifying a field's noun ("targeted", "affected", "offending", "attacking"). */
const PARTICIPLE = /^[a-z]{3,}(?:ed|ing)$/i;

/** Where a record of a kind keeps its name: a Zeek weird's name, a notice's note. */
const RECORD_NAME_FIELDS: Readonly<Record<string, readonly string[]>> = { weird: ['name'], notice: ['note'] };

/** The members by which a record names a thing it keeps as an object. */
const OBJECT_NAMES = ['name', 'hostname', 'id'];
/** A value written as a name or id, not a word of description: it holds a digit, "-", "_" or ".". */
const IDENTIFIER_LIKE = /[\d_.-]/;

const RECORD_KINDS: ReadonlySet<string> = new Set(['rule', 'alert', 'signature', 'flow', 'packet', 'event', 'record', 'connection', 'session']);

/** Names a record gives a field that a text names otherwise: a sampling rate "one in N" is IPFIX's and NetFlow v9's sampling interval. */
const FIELD_SAID_AS: Readonly<Record<string, readonly string[]>> = {
  'sampling rate': ['sampling interval', 'sampling packet interval'],
  // a compound noun names the field its first word keys: Wazuh's data.srcuser for "the username"
  username: ['user name', 'user'],
  'user name': ['user'],
  hostname: ['host name', 'host'],
  // British spelling of an X.509 attribute (a distinguished name's organization)
  organisation: ['organization'],
  // an account is a user's: Windows targetUserName, PAN-OS srcuser
  account: ['user name', 'user', 'account name'],
  // a rule's id by any of its names: Suricata signature_id, ECS rule.uuid (Security Onion), Snort 2's sig_id
  sid: ['signature id', 'rule uuid', 'rule id'],
  'signature id': ['sid', 'rule uuid', 'rule id'],
  'rule id': ['sid', 'signature id', 'rule uuid'],
  // a side's network prefix length: NetFlow v9 SRC_MASK, IPFIX sourceIPv4PrefixLength, nfdump src4_mask
  'source mask': ['source prefix length', 'source prefix', 'source ipv4 mask', 'source ipv6 mask'],
  'destination mask': ['destination prefix length', 'destination prefix', 'destination ipv4 mask', 'destination ipv6 mask'],
  'source prefix length': ['source mask'],
  'destination prefix length': ['destination mask'],
  // a rule's class: Snort's class, Firepower's Classification, ECS rule.category
  classification: ['class', 'classtype', 'rule category', 'category'],
  category: ['classification', 'class', 'classtype'],
  // the Zeek worker that logged a weird or notice
  worker: ['peer', 'peer descr'],
  // the device that logged the record: PAN-OS device_name, FortiGate devname, ECS observer.name
  firewall: ['device name', 'devname', 'observer name'],
  sensor: ['sensor name', 'observer name', 'device name', 'devname'],
  appliance: ['device name', 'devname', 'observer name'],
  device: ['device name', 'devname'],
  // the router interface a flow came in on and went out of: IPFIX ingressInterface, NetFlow v9 INPUT_SNMP, goflow2 in_if
  // FortiGate srcintf / dstintf: the session entered on its source's interface and left on its destination's
  'ingress interface': ['input snmp', 'in if', 'inbound interface', 'input interface', 'source interface'],
  'egress interface': ['output snmp', 'out if', 'outbound interface', 'output interface', 'destination interface'],
  // the firewall zone a session came from and went to: Firepower IngressZone, PAN-OS from / to, FortiGate srcintfrole
  'ingress zone': ['source zone', 'from zone', 'src zone', 'from'],
  'egress zone': ['destination zone', 'to zone', 'dst zone', 'to'],
};

/** A key's words in full and singular ("src_pkts" → source, packet), once across tables. */
const fullTokens = sharedMemo((key: string): string[] => keyTokens(key).flatMap(sideGlued).map((t) => fullWord(singular(t))), 5_000);

/** A side glued to the word it qualifies ("srcuser", "dstport" in Wazuh's data.*) is two words. */
const SIDE_GLUED = /^(src|dst|dest)([a-z]{2,})$/;
const sideGlued = (token: string): string[] => {
  const m = SIDE_GLUED.exec(token);
  return m ? [m[1]!, m[2]!] : [token];
};

/** A key's last word, lower case ("Impact", "alert.impact" → impact). */
const lastWord = (key: string): string | undefined => keyTokens(key).at(-1);

/** Every row whose key ends in the field's one-word noun, however many words come before it (Priority, EventPriority). */
function rowsEndingIn(facts: TableFacts, field: string): FactRow[] {
  if (/\s/.test(field)) return [];
  return lastWordPositions(facts, fullWord(singular(field.toLowerCase()))).map((i) => facts.list[i]!);
}

/** The rows whose key's words hold all the field's words and end in its last word, the closest first. */
function rowsByWords(facts: TableFacts, field: string): FactRow[] {
  const words = field.split(/\s+/).map((w) => fullWord(singular(w)));
  const head = words[words.length - 1]!;
  const scored: Array<{ row: FactRow; extra: number }> = [];
  // only the rows whose key ends in the last word can match: the schema's keys by their last word
  for (const i of lastWordPositions(facts, head)) {
    const tokens = fullTokens(facts.plan.keys[i]!);
    if (!holdsAll(tokens, words)) continue;
    scored.push({ row: facts.list[i]!, extra: tokens.length - words.length });
  }
  if (scored.length === 0) return [];
  const fewest = Math.min(...scored.map((s) => s.extra));
  return scored.filter((s) => s.extra === fewest).map((s) => s.row);
}

/** The positions of the rows whose key's last full word is `head`. */
const lastWordPositions = (facts: TableFacts, head: string): readonly number[] => planned(facts.plan, 'by-last-word', byLastWord).get(head) ?? NO_POSITIONS;

/** The schema's row positions by the last of their key's full words. */
const byLastWord = (keys: readonly string[]): Map<string, number[]> => positionsBy(keys, (key) => fullTokens(key).slice(-1));

/** Text as compared: lower case, runs of "_", "-" and spaces as one space. */
const norm = (text: string): string => text.toLowerCase().replace(/[_\s-]+/g, ' ').trim();

/** Whether the ids a name carries in parentheses include the number; undefined when it carries none. */
function idInName(name: string, value: string): boolean | undefined {
  const ids = [...name.matchAll(/\((\d{3,})\)/g)].map((m) => m[1]!);
  return ids.length === 0 ? undefined : ids.includes(value);
}

function matches(written: string, row: FactRow): boolean | undefined {
  // a prefix length written the CIDR way ("/24") against a mask field that holds its number
  const value = /^\/\d{1,3}$/.test(written) && typeof row.value === 'number' ? written.slice(1) : written;
  const numeric = NUMBER.exec(value);
  const raw = row.value;
  // Zeek writes an unset field as "-" or "(empty)": it holds no value to compare
  if (raw === null || (typeof raw === 'string' && UNSET.test(raw.trim()))) return undefined;
  const rowNumber = typeof raw === 'number' ? raw : NUMBER.test(String(raw).trim()) ? Number(raw) : undefined;
  if (numeric) {
    // "Netgear … Command Injection Vulnerability(92353)": a name that carries its id in parentheses
    if (rowNumber === undefined) return typeof raw === 'string' ? idInName(raw, value) : undefined;
    // exact to the digits written: a field's value is often an id or a code, where a round figure is no estimate
    const decimals = value.split('.')[1]?.length ?? 0;
    return Math.abs(rowNumber - Number(value)) < 0.5 * 10 ** -decimals;
  }
  if (typeof raw !== 'string' || rowNumber !== undefined) return undefined;
  const said = norm(value);
  const held = norm(raw);
  return said === held || (said.length >= 3 && held.includes(said)) || (held.length >= 3 && said.includes(held));
}

/**
 * A field given a value in the text against the row of that name: equal (a number to the precision
 * written, a text in any case and spacing, or one holding the other) or not. Not judged when no row
 * has that name or the value is of another type than the row's.
 */
export function checkFieldValue(claim: Claim<'field-value'>, facts: TableFacts): Judgement | null {
  const { field } = claim.data;
  // "2,072,515": thousands separators are no part of the number
  const value = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(claim.data.value) ? claim.data.value.replace(/,/g, '') : claim.data.value;
  // a level word is held beside a numeric level: ECS event.severity_label, a product's severity name
  // a level word is held beside a numeric level too: Firepower EventPriority "High" beside Priority 2
  const rows = claim.data.judgement || LEVEL_WORD.test(value) ? [...rowsNamed(facts, field, value, claim.data.quoted), ...rowsByWords(facts, `${field} label`), ...rowsByWords(facts, `${field} name`), ...rowsEndingIn(facts, field)] : rowsNamed(facts, field, value, claim.data.quoted);
  const judged: FactRow[] = [];
  for (const row of rows) {
    const m = matches(value, row);
    if (m === true) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${show(row.value)}.` };
    if (m === false) judged.push(row);
  }
  // an adjective of judgement is a value where the field holds such words: "the severity was rated high" against critical
  // a field named by its very key, with its value copied as the record writes one, is judged whatever its words: Firepower's Impact "Unknown" against "Vulnerable"
  const copied = claim.data.quoted || /^[A-Z]/.test(value);
  if (judged.length === 0 || (claim.data.judgement && !judged.some((r) => LEVEL_WORD.test(String(r.value).trim()) || (copied && lastWord(r.key) === field.toLowerCase())))) return null;
  return { verdict: 'contradicted', evidence: rowEvidence(judged.slice(0, 3)), reason: `${judged.slice(0, 3).map((r) => `${r.key} is ${show(r.value)}`).join(', ')}, not ${value}.` };
}
