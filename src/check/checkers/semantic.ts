import { describeField } from '../deps.ts';
import { checkCertificateState } from './certificate.ts';
import { alertFacts } from './flow-outcome.ts';
import { tableFlags } from './flags.ts';
import type { Claim, Judgement, PercentileBand } from '../claim.ts';
import { holdsAny, memoised, rowOf, rowsFor, stringRowContaining, textRows, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { textBacking } from '../facts/text-backing.ts';
import { isSizeBucket } from '../facts/derive.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { ANY_LAYER_KEYS } from '../facts/concepts.ts';
import { rowEvidence, show } from './evidence.ts';
import type { Evidence } from '../types.ts';
import { ALL_FLAGS, readFlags } from '../facts/flag-sources.ts';
import { HEDGE_RE, TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { decodeFlags } from './flags.ts';
import { checkOpener } from './initiator.ts';
import { OCCURRENCE_KEY } from './quantity.ts';

const CODE_KEYS = /FLAGS|PROTO|^protocol$|QUERY_ID|QUERY_TYPE|ICMP|RET_CODE/;

/** "high", "typical", "unusually large" against the row's baseline percentile; codes have no magnitude. */
export function checkComparative(claim: Claim<'comparative'>, facts: TableFacts): Judgement | null {
  const { direction, strong, word, mention } = claim.data;
  const rows = rowsFor(facts, mention.keys);
  const row = rows[0];
  if (!row || row.value === null) return null;
  if (row.key === 'src_port' || row.key === 'dst_port') return checkPortRange(word, direction, row);
  if (CODE_KEYS.test(row.key)) {
    if (direction !== 'high' && direction !== 'low') return null;
    return { verdict: 'contradicted', evidence: rowEvidence([row], `${row.key} is a ${row.unit || 'code'}, not a quantity`), reason: `${row.key} is a code (${row.unit || 'label'}); "${word}" treats it as a magnitude.` };
  }
  const p = row.baseline?.percentile;
  if (p === null || p === undefined) return null;
  const ev = rowEvidence([row], `${row.key} is at percentile ${p} of the baseline (median ${show(row.baseline?.median ?? null)}, p99 ${show(row.baseline?.p99 ?? null)})`);
  const above99 = typeof row.value === 'number' && row.baseline?.p99 != null && row.value > row.baseline.p99;
  const band = claim.data.band;
  const ok = band
    ? fitsBand(band, p)
    : direction === 'high' ? (strong ? p >= 90 || above99 : p >= 75) : direction === 'low' ? (strong ? p <= 10 : p <= 25) : direction === 'typical' ? p >= 10 && p <= 90 : p >= 90 || p <= 10;
  return ok
    ? { verdict: 'supported', evidence: ev, reason: `"${word}" fits percentile ${p} of the baseline.` }
    : { verdict: 'contradicted', evidence: ev, reason: `"${word}" does not fit percentile ${p} of the baseline.` };
}

/** "top decile" holds percentiles 90–100; "bottom 5 %" holds 0–5. */
function fitsBand(band: PercentileBand, p: number): boolean {
  return band.side === 'top' ? p >= 100 - band.width : p <= band.width;
}

function checkPortRange(word: string, direction: string, row: FactRow): Judgement | null {
  const port = row.value as number;
  const lower = word.toLowerCase();
  const high = /high|ephemeral/.test(lower);
  const low = /low|privileged|well-known/.test(lower);
  if (!high && !low) return null;
  const ok = high ? port >= 1024 : port < 1024;
  const ev = rowEvidence([row], 'ports below 1024 are well-known/privileged; 1024 and above are registered/ephemeral');
  void direction;
  return ok ? { verdict: 'supported', evidence: ev, reason: `${row.key} ${port} is ${high ? '≥' : '<'} 1024.` } : { verdict: 'contradicted', evidence: ev, reason: `${row.key} ${port} is ${high ? 'below' : 'at or above'} 1024.` };
}

/**
 * Events Zeek's conn history records as letters (upper case the originator, lower case the
 * responder; zeek/zeek base/protocols/conn/main.zeek): a retransmitted payload is t, a content gap g,
 * a zero window w. A record without a field of such counts still shows whether they happened.
 */
const HISTORY_EVENTS: ReadonlyArray<{ keys: RegExp; letter: string; what: string }> = [
  { keys: /^RETRANSMITTED_/, letter: 't', what: 'retransmitted payload' },
];

function historyShows(facts: TableFacts, keys: readonly string[]): Judgement | undefined {
  const event = HISTORY_EVENTS.find((e) => keys.some((k) => e.keys.test(k)));
  if (!event) return undefined;
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || describeField(row.key, row.value).unit !== 'flag letters') continue;
    const seen = row.value.toLowerCase().includes(event.letter);
    return { verdict: seen ? 'supported' : 'contradicted', evidence: rowEvidence([row]), reason: `${row.key} is ${row.value}: ${seen ? `'${event.letter}' marks ${event.what}` : `no '${event.letter}', so no ${event.what}`}.` };
  }
  return undefined;
}

/** A field name the table does not hold. */
export function checkAbsentField(claim: Claim<'absent-field'>, facts: TableFacts): Judgement | null {
  if (holdsAny(facts, claim.data.mention.keys)) return null;
  const shown = historyShows(facts, claim.data.mention.keys);
  if (shown) return shown;
  return { verdict: 'unsupported', hedgeable: false, reason: `The table has no ${claim.data.mention.phrase} row.` };
}

/**
 * Owners, countries, attacks, environments, payloads, CVE and ATT&CK ids: a flow's numbers cannot
 * show them, but the record may hold them as text (a signature name, URL, user agent, payload) or
 * as a field of that kind (an alert's `http_user_agent` backs "the user agent").
 */
export function checkEntity(claim: Claim<'entity'>, facts: TableFacts): Judgement | null {
  const { category, term } = claim.data;
  if (category === 'other flows') return checkOtherFlows(term, facts);
  if (category === 'enforcement action') return checkAction(term, facts);
  if (category === 'fingerprint attribution') return checkFingerprintOwner(term, facts);
  if (category === 'certificate state') return checkCertificateState(claim, facts);
  if (category === 'authentication outcome') return checkAuthOutcome(claim, facts);
  if (category === 'mail notification') return checkEmailed(facts);
  if (category === 'no mail notification') return checkNotEmailed(facts);
  // "MITRE technique T1071": the identifier is what the record must hold, not the words naming its kind
  // a kind of content ("certificate") is backed by a field that holds it, whatever the field is called
  const backing = textBacking(facts, category === 'vulnerability or technique identifier' ? (IDENTIFIER.exec(term)?.[0] ?? term) : term, category === 'payload or content' || category === 'reputation or threat intelligence');
  if (backing) return { verdict: 'supported', evidence: rowEvidence(backing.rows), reason: backing.reason };
  const named = category === 'attack or malware named as fact' ? (namedKind(claim, term, facts) ?? detectedAttacker(term, facts)) : category === 'host role or network zone' ? roleOfHost(term, facts) : undefined;
  if (named) return named;
  // an id is in the record or made up; a country or owner is a lookup no flow feature implies
  const firm = /country|owner|reputation|identifier/.test(category);
  return { verdict: 'unsupported', hedgeable: !firm, reason: `Nothing in the table shows this (${category}: "${term}").` };
}

/** Nouns for a host that a word before them qualifies: a "database server" is a database, a "backup host" a backup. */
const HOST_NOUN = /^(.+?)\s+(?:servers?|hosts?|machines?|boxes|box|nodes?|systems?|appliances?)$/i;
/** Fields that say what a host is for. */
const ROLE_FIELD_WORDS: ReadonlySet<string> = new Set(['role', 'roles', 'type', 'category', 'function', 'purpose', 'tag', 'tags', 'group', 'groups', 'class']);

/** "the database server" where the record gives the host's role as "database" (an inventory or incident's hosts[].role). */
function roleOfHost(term: string, facts: TableFacts): Judgement | undefined {
  const qualifier = HOST_NOUN.exec(term)?.[1]?.toLowerCase();
  if (qualifier === undefined) return undefined;
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || row.value.toLowerCase() !== qualifier) continue;
    if (keyTokens(row.key).some((t) => ROLE_FIELD_WORDS.has(t))) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${row.value}.` };
  }
  return undefined;
}

/** The attacker as a party, and an exploit attempt: words any detection of an attack uses, naming no attack. */
const GENERIC_ATTACK = /^(?:attackers?|exploit(?:ation)?)$/i;
/** A signature that reports, not detects: Emerging Threats' and Snort GPL's INFO and POLICY rules ("ET INFO Cleartext WordPress Login"). */
const INFORMATIONAL = /^(?:[A-Z][A-Z0-9]*\s+)?(?:INFO|POLICY)\b/;
/** What a detection must name for "exploit" to be backed: an exploit, code execution, an injection, an overflow, a CVE. */
const EXPLOIT_NAMED = /exploit|code[\s._-]*execution|\brce\b|inject|overflow|traversal|deserializ|cve-\d/i;

/**
 * "The attacker", "an exploit": the record is a detection of an attack when it holds an alert's
 * signature (alertFacts), or a field of an attack, threat or signature (FortiGate's attack, PAN-OS's
 * threatid) or an attack label that names one (not benign).
 */
function detectedAttacker(term: string, facts: TableFacts): Judgement | undefined {
  if (!GENERIC_ATTACK.test(term)) return undefined;
  const row = memoised(facts, 'alert-facts', alertFacts).alert ?? memoised(facts, 'detection-row', detectionRow) ?? undefined;
  if (!row || INFORMATIONAL.test(String(row.value)) || (/^exploit/i.test(term) && !EXPLOIT_NAMED.test(String(row.value)))) return undefined;
  return { verdict: 'supported', evidence: rowEvidence([row]), reason: `The record is a detection: ${row.key} is ${String(row.value)}.` };
}

const DETECTION_WORDS: ReadonlySet<string> = new Set(['attack', 'threat', 'signature', 'sig', 'classification']);
/** An ATT&CK technique or tactic the alert maps to (Wazuh rule.mitre.technique): adversary behaviour detected. */
const ATTACK_MAPPING: ReadonlySet<string> = new Set(['technique', 'tactic']);
/** A rule's message ("msg", "Message") is a detection where the record names the rule (Snort's and Firepower's sid). */
const RULE_MESSAGE_WORDS: ReadonlySet<string> = new Set(['msg', 'message']);
const NOT_AN_ATTACK = /^(?:benign|normal|none|background|legitimate|clean|-|0|false)$/i;

function detectionRow(facts: TableFacts): FactRow | null {
  const namesRule = [...facts.rows.values()].some((r) => keyTokens(r.key).includes('sid'));
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || row.value.trim() === '' || NOT_AN_ATTACK.test(row.value.trim())) continue;
    const tokens = keyTokens(row.key);
    if (tokens.includes('id')) continue;
    if (tokens.some((t) => DETECTION_WORDS.has(t)) || (namesRule && tokens.some((t) => RULE_MESSAGE_WORDS.has(t))) || (tokens.includes('mitre') && tokens.some((t) => ATTACK_MAPPING.has(t)))) return row;
  }
  return null;
}

/** Words for the kind of a named malware or attack: "the Zeus botnet", "the Emotet trojan". */
const MALWARE_KIND = /^(?:botnets?|trojans?|malware|worms?|ransomware|family|families|campaigns?|bots?|rats?|loaders?|stealers?)$/i;
const NAME_BEFORE = /\b([A-Z][\w-]{2,})\s+$/;

/** A kind word after a name the record holds ("the Zeus botnet" where the signature names Zeus) is backed by that name. */
function namedKind(claim: Claim<'entity'>, term: string, facts: TableFacts): Judgement | undefined {
  if (!MALWARE_KIND.test(term)) return undefined;
  const { sentence } = claim;
  const before = NAME_BEFORE.exec(sentence.text.slice(Math.max(0, claim.start - sentence.start - 24), claim.start - sentence.start));
  const row = before ? stringRowContaining(facts, before[1]!) : undefined;
  return row ? { verdict: 'supported', evidence: rowEvidence([row]), reason: `The record names ${before![1]} in ${row.key}; "${term}" says what kind of thing it is.` } : undefined;
}

/** Fingerprint fields (JA3, JA3S, JA4, HASSH, certificate fingerprints): only one that names the tool ties a hash to it. */
const FINGERPRINT_TOKENS = new Set(['ja3', 'ja3s', 'ja4', 'ja4s', 'hassh', 'hasshserver', 'fingerprint']);

function checkFingerprintOwner(term: string, facts: TableFacts): Judgement {
  const want = term.toLowerCase();
  for (const row of facts.rows.values()) {
    if (typeof row.value !== 'string' || !keyTokens(row.key).some((t) => FINGERPRINT_TOKENS.has(t))) continue;
    if (row.value.toLowerCase().includes(want)) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${row.value}.` };
  }
  return { verdict: 'unsupported', hedgeable: true, reason: `No fingerprint field of the record names ${term}: a hash alone does not say which software made it.` };
}

const IDENTIFIER = /CVE-\d{4}-\d{4,7}|MS\d{2}-\d{3}|T\d{4}(?:\.\d{3})?/i;

/** Actions that stop the traffic, as IDS/IPS and firewalls write them (Suricata, ECS, PAN-OS reset-both, FortiGate dropped or reset_client). */
const STOPPED = /^(?:block|drop|reject|den(?:y|ied)|reset|sinkhole|quarantin|clear.session)/i;
/** Actions that let it through (an alert alone, FortiGate's detected or pass_session; a FortiGate traffic log's close, timeout, client-rst or server-rst: how an allowed session ended). */
const LET_THROUGH = /^(?:allow|pass|permit|alert|detected|accept|monitor|close|timeout|client-rst|server-rst)/i;

/**
 * "blocked by the sensor", "the traffic was allowed through": what the sensor did is the record's
 * action field (Suricata alert.action, ECS event.action). Without one the word is not judged: a
 * connection "denied" by its server is not a sensor's action.
 */
function checkAction(term: string, facts: TableFacts): Judgement | null {
  const row = memoised(facts, 'action-row', actionRow);
  if (row === null) return /reset/i.test(term) ? checkReset(facts) : null;
  // "only alerted", "merely logged": the sensor watched and did not stop it
  const said = /allow|permit|\blet\b|alerted|logged/i.test(term) ? 'let through' : 'stopped';
  const did = STOPPED.test(String(row.value)) ? 'stopped' : 'let through';
  return said === did
    ? { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${String(row.value)}.` }
    : { verdict: 'contradicted', evidence: rowEvidence([row]), reason: `${row.key} is ${String(row.value)}: the traffic was ${did}, not ${said}.` };
}

/** "The connection was reset" where no sensor acted: a TCP reset is an RST flag, which the flags fields show or rule out. */
function checkReset(facts: TableFacts): Judgement | null {
  const { rows, mask, known } = tableFlags(facts);
  const rst = TCP_FLAG_BITS['RST']!;
  if (rows.length === 0 || (known & rst) === 0) return null;
  const set = (mask & rst) !== 0;
  return { verdict: set ? 'supported' : 'contradicted', evidence: rowEvidence(rows), reason: `${rows.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}: RST is ${set ? '' : 'not '}set${set ? '' : ', so nothing reset the connection'}.` };
}

/** The record's action field, read once per table; null when it has none. */
function actionRow(facts: TableFacts): FactRow | null {
  // the key's last word: action, event.action, Firepower's AccessControlRuleAction
  for (const r of facts.rows.values()) if (typeof r.value === 'string' && keyTokens(r.key).at(-1) === 'action' && (STOPPED.test(r.value) || LET_THROUGH.test(r.value))) return r;
  return null;
}

/** What authentication log lines and rule names write of a login that worked, and of one that did not. */
const AUTH_SUCCESS = /\b(?:accepted\s+(?:password|publickey|keyboard-interactive)|authentication\s+success|login\s+success|logon\s+success|successful(?:ly)?\s+(?:login|logon|log\s?in|authenticat\w*)|session\s+opened\s+for\s+user)/i;
const AUTH_FAILURE = /\b(?:failed\s+(?:password|login|logins|logon|publickey|authentication)|authentication\s+failures?|authentication_failures?|login\s+failed|invalid\s+user|logon\s+failure|access\s+denied)\b/i;

/** A login said to have worked, against the record's authentication lines: a success shown backs it, failures alone contradict it. */
function checkAuthOutcome(claim: Claim<'entity'>, facts: TableFacts): Judgement {
  const rows = textRows(facts);
  const success = rows.find((r) => AUTH_SUCCESS.test(r.row.value as string));
  if (success) return { verdict: 'supported', evidence: rowEvidence([success.row]), reason: `${success.row.key} shows a login that worked.` };
  const failure = rows.find((r) => AUTH_FAILURE.test(r.row.value as string));
  // "may have gained access": failed attempts in this record do not rule out a login it does not show
  const hedged = HEDGE_RE.test(claim.sentence.text.slice(0, claim.start - claim.sentence.start));
  if (failure && !hedged) return { verdict: 'contradicted', evidence: rowEvidence([failure.row]), reason: `${failure.row.key} shows failed authentication, and nothing in the record shows a login that worked.` };
  return { verdict: 'unsupported', hedgeable: true, reason: 'Nothing in the record shows that a login worked.' };
}

/**
 * A notification by mail, against what the record keeps of it: a mail flag (Wazuh's rule.mail) or the
 * actions taken (Zeek's notice actions, Notice::ACTION_EMAIL). Unsupported where it keeps neither.
 */
function checkEmailed(facts: TableFacts): Judgement {
  const flags: FactRow[] = [];
  const actions: FactRow[] = [];
  for (const row of facts.rows.values()) {
    const tokens = keyTokens(row.key);
    if (tokens.includes('mail') || tokens.includes('email')) {
      if (typeof row.value === 'number') flags.push(row);
      else if (typeof row.value === 'string' && row.value.includes('@')) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${String(row.value)}: a mail went out.` };
    } else if ((tokens.includes('action') || tokens.includes('actions')) && typeof row.value === 'string') actions.push(row);
  }
  const mailed = [...flags.filter((r) => (r.value as number) > 0), ...actions.filter((r) => /mail/i.test(String(r.value)))];
  if (mailed.length > 0) return { verdict: 'supported', evidence: rowEvidence(mailed), reason: `${mailed[0]!.key} is ${String(mailed[0]!.value)}.` };
  const said = [...flags, ...actions];
  if (said.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(said), reason: `${said.map((r) => `${r.key} is ${String(r.value)}`).join(', ')}: no mail was sent.` };
  return { verdict: 'unsupported', reason: 'The record keeps no mail flag or actions taken.' };
}

/** "The notice was not emailed": the mail check turned over; where the record keeps no mail flag or actions, not judged. */
function checkNotEmailed(facts: TableFacts): Judgement | null {
  const mailed = checkEmailed(facts);
  if (mailed.verdict === 'unsupported') return null;
  return mailed.verdict === 'supported'
    ? { verdict: 'contradicted', evidence: mailed.evidence, reason: mailed.reason }
    : { verdict: 'supported', evidence: mailed.evidence, reason: mailed.reason };
}

/** One flow's record says nothing of other flows; the window features say how many there were. */
function checkOtherFlows(term: string, facts: TableFacts): Judgement {
  const window = ['src_flows_in_window', 'dst_flows_in_window'].map((k) => facts.rows.get(k)).filter((r): r is FactRow => typeof r?.value === 'number');
  const many = window.find((r) => (r.value as number) > 1);
  if (many) return { verdict: 'supported', evidence: rowEvidence([many]), reason: `${many.key} is ${show(many.value)}: there were other flows in the window.` };
  if (window.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(window), reason: `${window.map((r) => `${r.key} is ${show(r.value)}`).join(', ')}: no other flow in the window.` };
  // an alert that counts its own firings (Wazuh's rule.firedtimes, a hit count) shows the repetition
  const counted = [...facts.rows.values()].find((r) => typeof r.value === 'number' && r.value > 1 && OCCURRENCE_KEY.test(r.key));
  if (counted) return { verdict: 'supported', evidence: rowEvidence([counted]), reason: `${counted.key} is ${show(counted.value)}: it happened more than once.` };
  return { verdict: 'unsupported', reason: `The table is one flow's record; it shows no other flows ("${term}").` };
}

/**
 * Who opened the connection: a flow record does not say (the seed's source is the server side).
 * Whether the handshake completed, it may: Zeek's conn_state says so, and the TCP flags show whether
 * a SYN and an ACK were seen at all (PSH|ACK alone is a flow caught mid-connection, no handshake).
 */
export function checkInitiation(claim: Claim<'initiation'>, facts: TableFacts): Judgement {
  const unknown: Judgement = { verdict: 'unsupported', reason: `The table does not show which side initiated the connection or how the handshake went ("${claim.data.phrase}").` };
  if (!/handshake/i.test(claim.data.phrase)) return checkOpener(claim, facts) ?? unknown;
  const seen = handshakeSeen(facts);
  if (seen === undefined) return unknown;
  const said = claim.data.negated !== true;
  return said === seen.completed
    ? { verdict: 'supported', evidence: seen.evidence, reason: seen.reason }
    : { verdict: 'contradicted', evidence: seen.evidence, reason: seen.reason };
}

/** Zeek conn_state codes of a connection that was established (the handshake completed) or not. */
const ESTABLISHED = new Set(['S1', 'SF', 'S2', 'S3', 'RSTO', 'RSTR']);
const NOT_ESTABLISHED = new Set(['S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH']);

/** What the record shows of the handshake: Zeek's conn_state, else the flags (no SYN, or no ACK: none completed). */
function handshakeSeen(facts: TableFacts): { completed: boolean; evidence: Evidence; reason: string } | undefined {
  const state = [...facts.rows.values()].find((r) => typeof r.value === 'string' && /(?:^|\.)conn_state$/.test(r.key));
  const code = state ? String(state.value).trim() : '';
  if (state && (ESTABLISHED.has(code) || NOT_ESTABLISHED.has(code))) {
    const completed = ESTABLISHED.has(code);
    return { completed, evidence: rowEvidence([state]), reason: `${state.key} is ${code}: the connection was ${completed ? '' : 'not '}established.` };
  }
  const syn = TCP_FLAG_BITS['SYN']!;
  const ack = TCP_FLAG_BITS['ACK']!;
  const psh = TCP_FLAG_BITS['PSH']!;
  // each side's flags, where the record keeps them: the server's SYN-ACK and the client's ACK complete it
  const client = rowOf(facts, 'CLIENT_TCP_FLAGS');
  const server = rowOf(facts, 'SERVER_TCP_FLAGS');
  const c = client ? readFlags(client) : undefined;
  const sv = server ? readFlags(server) : undefined;
  if (client && server && c?.known === ALL_FLAGS && sv?.known === ALL_FLAGS && (c.mask & syn) !== 0) {
    const completed = (sv.mask & syn) !== 0 && (sv.mask & ack) !== 0 && (c.mask & ack) !== 0;
    return { completed, evidence: rowEvidence([client, server]), reason: `${client.key} ${decodeFlags(c.mask)}, ${server.key} ${decodeFlags(sv.mask)}: the handshake ${completed ? 'completed' : 'did not complete'}.` };
  }
  const { rows, mask, known } = tableFlags(facts);
  if (rows.length === 0 || (known & syn) === 0 || (known & ack) === 0) return undefined;
  const evidence = rowEvidence(rows);
  if ((mask & syn) === 0) return { completed: false, evidence, reason: `${rows[0]!.key} shows no SYN: no handshake was seen in this record.` };
  if ((mask & ack) === 0) return { completed: false, evidence, reason: `${rows[0]!.key} shows a SYN but no ACK: the handshake did not complete.` };
  // SYN and ACK alone may be a SYN answered by RST-ACK; data pushed needs an established connection
  if ((known & psh) !== 0 && (mask & psh) !== 0) return { completed: true, evidence, reason: `${rows[0]!.key} shows SYN, ACK and PSH: data moved over an established connection.` };
  return undefined;
}

/** inter_arrival_ms is the gap between flow starts from one source, never a gap between packets. */
export function checkNullReading(claim: Claim<'null-reading'>, facts: TableFacts): Judgement | null {
  const row = facts.rows.get('inter_arrival_ms');
  if (!row) return null;
  const flows = facts.rows.get('src_flows_in_window');
  const rows = flows ? [row, flows] : [row];
  if (facts.noEarlierFlow) {
    return { verdict: 'contradicted', evidence: rowEvidence(rows, `inter_arrival_ms = ${show(row.value)} with src_flows_in_window = ${show(flows?.value ?? null)}: no earlier flow from this source`), reason: 'inter_arrival_ms here means there was no earlier flow from this source, not packets arriving back-to-back.' };
  }
  if (/^(?:zero|0)/i.test(claim.data.phrase) && row.value === 0) return { verdict: 'supported', evidence: rowEvidence(rows), reason: 'inter_arrival_ms is 0 with earlier flows in the window.' };
  return { verdict: 'contradicted', evidence: rowEvidence(rows, 'inter_arrival_ms is the start-time gap between flows from one source'), reason: 'inter_arrival_ms is the gap between flow starts from the same source, not between packets.' };
}

const BUCKETS = { small: ['NUM_PKTS_UP_TO_128_BYTES', 'NUM_PKTS_128_TO_256_BYTES'], large: ['NUM_PKTS_1024_TO_1514_BYTES'] } as const;

/** "Most packets were small", "the majority of traffic flowed from the source", "balanced". */
export function checkShare(claim: Claim<'share'>, facts: TableFacts): Judgement {
  const { subject, direction, balanced, size, none } = claim.data;
  if (size) return checkSizeShare(size, facts);
  if (none) return direction === 'out' ? checkNothingBack(subject, facts) : checkNone(facts);
  const bytes = subject !== 'packets';
  // bytes at any layer: CICFlowMeter counts the payload (TotLen Fwd Pkts), Zeek both payload and IP bytes
  const inRow = rowOf(facts, bytes ? 'IN_BYTES' : 'IN_PKTS') ?? (bytes ? rowOf(facts, ANY_LAYER_KEYS.src) : undefined);
  const outRow = rowOf(facts, bytes ? 'OUT_BYTES' : 'OUT_PKTS') ?? (bytes ? rowOf(facts, ANY_LAYER_KEYS.dst) : undefined);
  if (typeof inRow?.value !== 'number' || typeof outRow?.value !== 'number') {
    return { verdict: 'unsupported', reason: `The table has no ${bytes ? 'OUT_BYTES' : 'OUT_PKTS'} (destination-to-source) value, so it cannot compare the two directions.` };
  }
  const a = inRow.value;
  const b = outRow.value;
  const ev = rowEvidence([inRow, outRow], `${inRow.key} / (${inRow.key} + ${outRow.key}) = ${a + b === 0 ? 'n/a' : ((100 * a) / (a + b)).toFixed(1)} %`);
  let ok: boolean;
  if (balanced !== undefined) ok = balanced === (Math.min(a, b) / Math.max(a, b, 1) >= 0.6);
  else ok = direction === 'in' ? a > b : b > a;
  return ok ? { verdict: 'supported', evidence: ev, reason: `${inRow.key} ${show(a)} vs ${outRow.key} ${show(b)}.` } : { verdict: 'contradicted', evidence: ev, reason: `${inRow.key} ${show(a)} vs ${outRow.key} ${show(b)} does not bear this out.` };
}

/** The packet-size bucket rows (NUM_PKTS_*), read once per table. */
function sizeBuckets(facts: TableFacts): FactRow[] {
  const out: FactRow[] = [];
  for (const r of facts.rows.values()) if (isSizeBucket(r) && typeof r.value === 'number') out.push(r);
  return out;
}

function checkSizeShare(size: 'small' | 'large', facts: TableFacts): Judgement {
  const all = memoised(facts, 'size-buckets', sizeBuckets);
  if (all.length === 0) return { verdict: 'unsupported', reason: 'The table has no packet-size buckets (NUM_PKTS_*).' };
  const total = all.reduce((s, r) => s + (r.value as number), 0);
  const part = all.filter((r) => (BUCKETS[size] as readonly string[]).includes(r.key)).reduce((s, r) => s + (r.value as number), 0);
  const share = total === 0 ? 0 : part / total;
  const ev = rowEvidence(all, `${size} buckets ${part} of ${total} packets = ${(100 * share).toFixed(1)} %`);
  return share > 0.5 ? { verdict: 'supported', evidence: ev, reason: `${(100 * share).toFixed(1)} % of packets fall in the ${size} buckets.` } : { verdict: 'contradicted', evidence: ev, reason: `Only ${(100 * share).toFixed(1)} % of packets fall in the ${size} buckets.` };
}

/**
 * "No data came back", "the server never responded": the destination's side of the record must be
 * empty. Data is bytes at any layer (payload or IP); a response is any packet back.
 */
function checkNothingBack(subject: 'traffic' | 'packets' | 'bytes', facts: TableFacts): Judgement {
  const keys = subject === 'bytes' ? ['OUT_BYTES', ANY_LAYER_KEYS.dst] : ['OUT_PKTS', 'OUT_BYTES', ANY_LAYER_KEYS.dst];
  const rows = rowsFor(facts, keys).filter((r) => typeof r.value === 'number');
  if (rows.length === 0) return { verdict: 'unsupported', reason: 'The table gives no counts for the destination-to-source direction.' };
  const back = rows.filter((r) => (r.value as number) > 0);
  return back.length > 0
    ? { verdict: 'contradicted', evidence: rowEvidence(back), reason: `${back.map((r) => `${r.key} is ${show(r.value)}`).join(', ')}: something came back.` }
    : { verdict: 'supported', evidence: rowEvidence(rows), reason: `${rows.map((r) => r.key).join(', ')}: nothing came back.` };
}

/** "No data was transferred": any byte counted in either direction says otherwise. */
function checkNone(facts: TableFacts): Judgement {
  const rows = ['IN_BYTES', 'OUT_BYTES'].map((k) => rowOf(facts, k)).filter((r): r is FactRow => typeof r?.value === 'number');
  if (rows.length === 0) return { verdict: 'unsupported', reason: 'The table gives no byte counts.' };
  const moved = rows.filter((r) => (r.value as number) > 0);
  return moved.length > 0
    ? { verdict: 'contradicted', evidence: rowEvidence(moved), reason: `${moved.map((r) => `${r.key} is ${show(r.value)}`).join(', ')}: bytes were transferred.` }
    : { verdict: 'supported', evidence: rowEvidence(rows), reason: 'Both byte counts are 0.' };
}
