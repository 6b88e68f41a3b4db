import { isIP } from 'node:net';
import { PORT_SERVICES, PROTOCOL_RE, SERVICE_RE } from '../lexicon/terms.ts';
import { clauseBounds, isNegated, type Sentence } from '../text/segment.ts';
import { MONTH_NAME_SOURCE, monthNumber } from '../text/months.ts';
import { isDigitAt, isHexAt, passes, scanTextBySentence, stickyMatch } from './anchored-scan.ts';
import { stickyOf, triggered } from './triggers.ts';
import { addClaim, digitRunAt, gatedSentences, isTaken, lowerGate, reserve, scan, scanSentences, scanTriggers, scanTriggersIn, sentenceAt, textGate, type ExtractContext } from './context.ts';

/** Service and protocol names are tried only at their words (triggers.ts), not by a pass over the whole text. */
const SERVICE = triggered(SERVICE_RE);
const PROTOCOL = triggered(PROTOCOL_RE);
const IPV4_RE = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)/g;
const IPV6_RE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|:|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
const IPV4_Y = stickyOf(IPV4_RE);
const IPV6_Y = stickyOf(IPV6_RE);
const ROLE_RE = /(?<![a-z])(source|src|from|originat\w*|initiator|sender|sent by|scanner|destination|dst|dest|to|destined|target\w*|towards|recipient|receiver|responder|client|server)(?![a-z])/gi;
const PORT_RE = /(?<![\w])(?:(?:source |src |destination |dst |dest )?ports?|L4_(?:SRC|DST)_PORT)(?![\w])[\s`:=*()"']{0,6}(?:(?:number|is|was|being|of|at|equal to|set to)[\s`:=*()"']{1,4})?(\d{1,5})(?![\d.]\d)|(?<![\w.])(\d{1,5})\/(?:tcp|udp)\b/gi;
const PORT = triggered(PORT_RE);
/** Where PORT_RE can start: at a word (its first way in), or at a run of at most 5 digits with "/" after it ("443/tcp", the second); most figures are neither. */
export const portMayStart = (text: string, at: number): boolean => {
  const digits = digitRunAt(text, at);
  return digits === 0 || (digits <= 5 && text.charCodeAt(at + digits) === 47);
};
const PROTO_NUM_RE = /\bprotocol(?:_num)?(?: number)?[\s`:=*()"']{0,5}(\d{1,3})(?![\d.])/gi;
const PROTO_NUM = triggered(PROTO_NUM_RE);
const FAMILY = triggered(/\bIPv([46])(?![\w-])/g);
const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:\s?(Z|UTC)|([+-]\d{2}:?\d{2}))?)?(?![\d:])/g;
// a fraction of a second is read to the second: "11:34:02.01 UTC"
const CLOCK_RE = /(?<![\d:.-])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(?:UTC|Z|GMT)\b/g;
const MONTH_RE = new RegExp(String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)? )?(${MONTH_NAME_SOURCE})\.?(?: (\d{1,2})(?:st|nd|rd|th)?,?)? (\d{4})\b`, 'g');

/** Which side a role word before `at` (same clause, within 40 characters) puts the value on. */
export function roleBefore(ctx: ExtractContext, at: number): Role | undefined {
  const sentence = sentenceAt(ctx, at);
  if (!sentence) return undefined;
  const clause = clauseBounds(sentence, at);
  const from = Math.max(clause.start, at - 40, sentence.start);
  const window = ctx.text.slice(from, at);
  // the last role word decides
  let last: RegExpExecArray | null = null;
  ROLE_RE.lastIndex = 0;
  for (let m = ROLE_RE.exec(window); m; m = ROLE_RE.exec(window)) last = m;
  if (!last) return undefined;
  const word = last[1]!;
  // "patch the server, block 185.220.101.47": an address that is the object of an action is no party a role word before it names
  if (ACTION_OBJECT_RE.test(window.slice(last.index + word.length))) return undefined;
  // "the originator 10.0.0.1 reached 10.0.0.2": an address after a contact verb is what was reached
  if (CONTACT_VERB_RE.test(window.slice(last.index + word.length))) return /^client$/i.test(word) ? 'server' : /^server$/i.test(word) ? 'client' : 'dst';
  // client and server are the connection's roles, which a flow record's sides need not follow
  if (/^(?:client|server)$/i.test(word)) return word.toLowerCase() as 'client' | 'server';
  if (/^from$/i.test(word)) {
    const before = ctx.text.slice(Math.max(clause.start, sentence.start), from + last.index);
    return FETCH_BEFORE_RE.test(before) ? 'server' : REPLY_BEFORE_RE.test(before) ? 'dst' : 'src';
  }
  // a scanner sends the probes (an attacker or a victim may be either end: a beacon's victim opens the flow)
  return /^(source|src|originat|initiator|sender|sent by|scanner)/i.test(word) ? 'src' : 'dst';
}

/** An action on an address written right before it ("block 1.2.3.4", "isolating the host 10.0.0.5"): advice or a response, which names no side. */
const ACTION_OBJECT_RE = /\b(?:block|isolat|quarantin|ban|blacklist|blocklist|denylist|allowlist|whitelist|investigat|null-rout|firewall|contain|sinkhol)\w*\s+(?:the\s+)?(?:(?:source|destination|remote|external|internal)\s+)?(?:ip\s+|address\s+|host\s+|ip\s+address\s+)?$/i;

const CONTACT_VERB_RE = /\b(?:reached|contacted|connected to|queried|scanned|probed|targeted|attacked|accessed|requested|sent \w+ to|sent to|talked to)\b/i;

/** "the reply from X", "response packets … from X": a reply comes from the responder, the flow's destination. */
const REPLY_BEFORE_RE = /\b(?:repl(?:y|ies|ied)|respon(?:se|ses|ded)|answer(?:s|ed)?|returned|came back)\b/i;

/** "downloaded … from X", "fetched a file from X": what is fetched comes from the server end, whichever side opened the flow. */
const FETCH_BEFORE_RE = /\b(?:download(?:s|ed|ing)?|fetch(?:es|ed|ing)?|retriev(?:e|es|ed|ing)|pull(?:s|ed|ing)?\s+down)\b/i;

const AFTER_SRC = /^[\s`'")*,]*(?:[\w-]+\s+){0,1}?(?:initiated|sent|opened|originated|transmitted|uploaded|queried|requested|contacted|connected to|reached|scanned|probed|is the source)\b/i;
const AFTER_DST = /^[\s`'")*,]*(?:[\w-]+\s+){0,1}?(?:received|was contacted|responded|replied|answered|listened|is the destination)\b/i;

/** A side of the flow record, or a role in the connection (the server's side is found from the ports when judged). */
type Role = 'src' | 'dst' | 'client' | 'server';

/** Which side a verb right after an address puts it on ("10.0.0.1 sent …", "10.0.0.2 received …"). */
function roleAfter(after: string): 'src' | 'dst' | undefined {
  return AFTER_SRC.test(after) ? 'src' : AFTER_DST.test(after) ? 'dst' : undefined;
}

const HAS_YEAR = textGate(/\b(?:19|20)\d\d\b/);
/** A 24-hour clock time after a preposition of time, with no zone or am/pm after it ("at 02:17", "from 14:50:21"). */
const ZONELESS_CLOCK_RE = /(?<![\w:.])((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)(?![\d:]|\.\d|\s?(?:UTC|Z|GMT|[ap]\.?m\b))/gi;
const PREPOSITION_BEFORE_RE = /\b(at|from|between|until|till|since|around|after|before|by|and|to|through)\s+$/i;
/** A UTC offset written after a clock time: " (UTC-05:00)", " local time (UTC+02:00)", " GMT+2". */
const OFFSET_AFTER_RE = /\s*(?:local\s+time\s*)?[(,]?\s*(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?\)?/iy;

/** The UTC clock of a wall-clock time written with its offset (the day it falls on is not a clock time's concern). */
function utcOf(wall: string, offset: RegExpExecArray): string {
  const [h, mi, sec] = wall.split(':').map(Number) as [number, number, number];
  const sign = offset[1] === '+' ? 1 : -1;
  const minutes = (((h * 60 + mi - sign * (Number(offset[2]) * 60 + Number(offset[3] ?? 0))) % 1440) + 1440) % 1440;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `1970-01-01T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:${two(sec)}Z`;
}

/** A clock time just before "and" or "to": the second end of a range of times. */
const CLOCK_BEFORE_RE = /\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:UTC|Z|GMT)?\s*$/i;
const CLOCK_GATE = lowerGate(/utc|gmt|\dz\b|\d z\b/);

/** Addresses, address families, ports, services, protocols, timestamps: the flow's identity. */
export function extractIdentity(ctx: ExtractContext): void {
  extractHardwareAddresses(ctx);
  extractTimestamps(ctx);
  scanAddresses(ctx, IPV4_Y, nextIPv4Dot, 3);
  // no gate: a match in a sentence without [0-9a-f]:[0-9a-f:] or :: is no IPv6 address (isIP drops it)
  scanAddresses(ctx, IPV6_Y, nextIPv6Colon, 4);
  extractFamilies(ctx);
  extractPorts(ctx);
  extractProtocols(ctx);
}

/** A MAC address: six hex pairs joined by colons or dashes (or three groups of four by dots). */
const MAC_RE = /(?<![\w:.-])(?:[0-9a-f]{2}(?:([:-])[0-9a-f]{2})(?:\1[0-9a-f]{2}){4}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:.-]*\w)/gi;

/** Whether a separator recurs where a MAC's would, with hex digits between (xx:xx:xx:xx:xx:xx, xxxx.xxxx.xxxx): a scan by indexOf, no regex. */
function hasMacShape(text: string): boolean {
  for (const [sep, step, times] of [[':', 3, 5], ['-', 3, 5], ['.', 5, 2]] as const) {
    for (let at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, at + 1)) {
      let k = 0;
      while (k < times && text[at + k * step] === sep && hexRun(text, at + k * step - (step - 1), step - 1)) k++;
      if (k === times && hexRun(text, at + times * step - (step - 1), step - 1)) return true;
    }
  }
  return false;
}

/** Whether `length` hex digits start at `from`. */
function hexRun(text: string, from: number, length: number): boolean {
  for (let i = from; i < from + length; i++) if (!isHexAt(text, i)) return false;
  return true;
}

/** MAC addresses, reserved before timestamps and IPv6 addresses read their colons. */
function extractHardwareAddresses(ctx: ExtractContext): void {
  // one cheap pass first: a MAC needs five separators of one kind between hex pairs (a clock time has two)
  if (!hasMacShape(ctx.text)) return;
  scan(ctx, MAC_RE, () => true, (m, at) => {
    const role = roleBefore(ctx, at);
    addClaim(ctx, 'address', at, at + m[0].length, { address: m[0], hardware: true, ...(role ? { role } : {}) }, true);
  });
}

/**
 * The matches of an address regex (sticky, without whitespace, so sentence by sentence is the same
 * as over the whole text), tried only at the few offsets before an anchor: the first dot or colon
 * of every match is one, at most `reach` characters after the match's start.
 */
function scanAddresses(ctx: ExtractContext, re: RegExp, nextAnchor: (text: string, from: number) => number, reach: number): void {
  const text = ctx.text;
  let end = 0;
  for (let anchor = nextAnchor(text, 0); anchor >= 0; anchor = nextAnchor(text, Math.max(end, anchor + 1))) {
    const m = stickyMatch(re, text, Math.max(end, anchor - reach), anchor);
    if (!m) continue;
    addAddress(ctx, m[0], m.index);
    end = m.index + m[0].length;
  }
}

function addAddress(ctx: ExtractContext, address: string, at: number): void {
  if (isIP(address) === 0 || !/[0-9a-f]/i.test(address) || isTaken(ctx, at, at + address.length)) return;
  // "192.168.250.0/24" names a network, not a host: the claim is that the flow's addresses lie in it
  const cidr = /^\/(\d{1,3})(?!\d)/.exec(ctx.text.slice(at + address.length, at + address.length + 4));
  const prefix = cidr ? Number(cidr[1]) : undefined;
  if (prefix !== undefined && prefix <= (isIP(address) === 4 ? 32 : 128)) {
    addClaim(ctx, 'address', at, at + address.length + cidr![0].length, { address, prefix }, true);
    return;
  }
  const role = roleBefore(ctx, at) ?? roleAfter(ctx.text.slice(at + address.length, at + address.length + 40));
  addClaim(ctx, 'address', at, at + address.length, role ? { address, role } : { address }, true);
}

/** The next dot that reads d.d{1,3}.d: the first dot of every IPV4_RE match does. */
function nextIPv4Dot(text: string, from: number): number {
  for (let dot = text.indexOf('.', from); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    if (!isDigitAt(text, dot - 1)) continue;
    let i = dot + 1;
    while (i - dot <= 4 && isDigitAt(text, i)) i++;
    if (i - dot >= 2 && i - dot <= 4 && text.charCodeAt(i) === 46 /* . */ && isDigitAt(text, i + 1)) return dot;
  }
  return -1;
}

/** The next colon followed by at most 4 hex digits and another colon: the first colon of every IPV6_RE match is. */
function nextIPv6Colon(text: string, from: number): number {
  for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let i = colon + 1;
    while (i - colon <= 5 && isHexAt(text, i)) i++;
    if (i - colon <= 5 && text.charCodeAt(i) === 58 /* : */) return colon;
  }
  return -1;
}

function extractPorts(ctx: ExtractContext): void {
  const ports: PortAt[] = [];
  scanTriggersIn(ctx, PORT.trigger, PORT.sticky, undefined, (m, at) => addPort(ctx, ports, m, at), portMayStart);
  scanTriggers(ctx, SERVICE.trigger, SERVICE.sticky, (m, start, sentence) => addService(ctx, ports, m, start, sentence));
}

type PortAt = { at: number; end: number; port: number };


function addPort(ctx: ExtractContext, ports: PortAt[], m: RegExpExecArray, mAt: number): void {
  const digits = m[1] ?? m[2]!;
  const at = mAt + m[0].lastIndexOf(digits);
  if (isTaken(ctx, at, at + digits.length)) return;
  const port = Number(digits);
  const role: Role | undefined = /L4_SRC|source|src/i.test(m[0]) ? 'src' : /L4_DST|destination|dst|dest/i.test(m[0]) ? 'dst' : roleBefore(ctx, mAt);
  addClaim(ctx, 'port', at, at + digits.length, role ? { port, role } : { port }, true);
  // "(source port 58833)": a port the text gives as the client's ephemeral one is no service's
  if (port >= EPHEMERAL_FROM && /L4_SRC|source|src/i.test(m[0])) return;
  ports.push({ at, end: at + digits.length, port });
}

/** Where operating systems start their ephemeral ports (Linux 32768, IANA and Windows 49152): a source port above it is a client's. */
const EPHEMERAL_FROM = 32768;

/** "(443)" right after a service name: its port. */
const PAREN_PORT = /\s{0,2}\(\s{0,2}(\d{1,5})\s{0,2}\)/y;

function addService(ctx: ExtractContext, ports: readonly PortAt[], m: RegExpExecArray, start: number, sentence: Sentence): void {
  const end = start + m[0].length;
  if (isNegated(sentence, start) || followsNonDash(ctx.text, start)) return;
  // "the DNS query ID of 0", "the HTTP status code": a field of the protocol named, no claim that the flow used it
  FIELD_AFTER_SERVICE.lastIndex = end;
  if (FIELD_AFTER_SERVICE.test(ctx.text)) return;
  const near = nearestPort(ctx.text, ports, sentence, start, end);
  const paren = near ? null : parenPortAt(ctx.text, end);
  const port = near?.port ?? (paren ? Number(paren[1]) : -1);
  if (paren) reserve(ctx, end, end + paren[0].length);
  addClaim(ctx, 'service', start, end, { service: m[0], port });
}

/** Words after a service's name that make the two a field's name (nProbe DNS_QUERY_ID, DNS_TTL_ANSWER, FTP_COMMAND_RET_CODE; a status code). */
// "SNMP interface 3", "SNMP ifIndex": NetFlow's INPUT_SNMP / OUTPUT_SNMP name the router's interfaces by their SNMP index
// "the DNS, FTP and ICMP fields": the last item of a list of names carries the word for all of them
const FIELD_AFTER_SERVICE = /(?:(?:,\s*|,?\s+(?:and|or)\s+)[A-Za-z][A-Za-z0-9/.-]*){0,4}[ _](?:query[ _](?:id|type)|ttl(?:[ _]answer)?|status[ _]code|response[ _]code|ret(?:urn)?[ _]code|command[ _]ret(?:urn)?[ _]code|fields?|columns?|interfaces?|if[ _]?index(?:es)?|index(?:es)?)\b/iy;

/** PAREN_PORT at `at`, if it ends within 10 characters (the match is unique: each part is greedy and stops at a different character). */
function parenPortAt(text: string, at: number): RegExpExecArray | null {
  PAREN_PORT.lastIndex = at;
  const m = PAREN_PORT.exec(text);
  return m && PAREN_PORT.lastIndex <= at + 10 ? m : null;
}

/** Whether "non-" (any case) ends at `at`: "non-HTTP". */
function followsNonDash(text: string, at: number): boolean {
  // c | 32 folds only the one upper-case letter onto its lower case
  return at >= 4 && text.charCodeAt(at - 1) === 45 && (text.charCodeAt(at - 2) | 32) === 110 && (text.charCodeAt(at - 3) | 32) === 111 && (text.charCodeAt(at - 4) | 32) === 110;
}

/** A word that moves from one end of the flow to the other: "port 41234 to the DNS server". */
const OTHER_END = /\b(?:to|from|towards?)\b|->|→/i;

/**
 * The port in the sentence nearest a service at [start, end), at most 40 characters away (the first
 * of equals), on the same end of the flow: not across a "to" or "from".
 */
function nearestPort(text: string, ports: readonly PortAt[], sentence: Sentence, start: number, end: number): PortAt | undefined {
  let best: PortAt | undefined;
  let bestGap = 41;
  for (let i = firstPortFrom(ports, start - 45); i < ports.length && ports[i]!.at <= end + 45; i++) {
    const p = ports[i]!;
    if (p.at < sentence.start || p.end > sentence.end) continue;
    const gap = p.end <= start ? start - p.end : p.at - end;
    if (gap >= 0 && gap < bestGap && !OTHER_END.test(p.end <= start ? text.slice(p.end, start) : text.slice(end, p.at))) {
      best = p;
      bestGap = gap;
    }
  }
  return best;
}

/** The index of the first port (in text order) starting at or after `from`: binary search, so a run-on text stays linear. */
function firstPortFrom(ports: readonly PortAt[], from: number): number {
  let lo = 0;
  let hi = ports.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ports[mid]!.at < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "IPv4", "IPv6". */
function extractFamilies(ctx: ExtractContext): void {
  scanTriggersIn(ctx, FAMILY.trigger, FAMILY.sticky, undefined, (m, at, s) => {
    // "an AAAA record (type 28, an IPv6 address)": the address a DNS answer holds, not the flow's
    if (s !== undefined && DNS_RECORD_WORDS.test(s.text)) return;
    addClaim(ctx, 'address-family', at, at + m[0].length, { family: m[1] === '4' ? 4 : 6 }, true);
  });
}

/** Words of a DNS record's type, in whose sentence an address family is the answer's. */
const DNS_RECORD_WORDS = /\b(?:AAAA|A)\s+(?:record|query|queries|lookup|answer|response)s?\b|\b(?:record|query)\s+type\b|\btype\s+28\b/i;

function extractProtocols(ctx: ExtractContext): void {
  scanTriggersIn(ctx, PROTO_NUM.trigger, PROTO_NUM.sticky, undefined, (m, at) => addProtocolNumber(ctx, m, at));
  scanTriggers(ctx, PROTOCOL.trigger, PROTOCOL.sticky, (m, at, sentence) => {
    // "not UDP", "no DNS, ICMP or FTP activity": a protocol said not to be there is no claim that it was
    if (isTaken(ctx, at, at + m[0].length) || isNegated(sentence, at)) return;
    const after = at + m[0].length;
    const found = /^\s{0,2}\((?:protocol\s{0,2})?(\d{1,3})\)/i.exec(ctx.text.slice(after, after + 20));
    // "TCP (Protocol 6)": the number is already a protocol claim of its own
    const paren = found && !isTaken(ctx, after, after + found[0].length) ? found : undefined;
    addClaim(ctx, 'protocol', at, after + (paren ? paren[0].length : 0), paren ? { name: m[0], number: Number(paren[1]) } : { name: m[0] }, Boolean(paren));
  });
}

function addProtocolNumber(ctx: ExtractContext, m: RegExpExecArray, mAt: number): void {
  const at = mAt + m[0].lastIndexOf(m[1]!);
  if (isTaken(ctx, at, at + m[1]!.length)) return;
  addClaim(ctx, 'protocol', mAt, at + m[1]!.length, { number: Number(m[1]) }, true);
}

function extractTimestamps(ctx: ExtractContext): void {
  // dates in both forms need a year: the sentences holding one are found once
  const withYear = gatedSentences(ctx, HAS_YEAR);
  scanSentences(withYear, ISO_RE, (m, at) => {
    const [, y, mo, d, h, mi, sec, , offset] = m;
    const precision = sec !== undefined ? 'second' : mi !== undefined ? 'minute' : 'day';
    const wall = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${sec ?? '00'}`;
    // a time written with its offset ("19:17:54-0500") is that instant, not 19:17:54 UTC
    const iso = offset === undefined ? `${wall}Z` : new Date(`${wall}${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`).toISOString().slice(0, 19) + 'Z';
    addClaim(ctx, 'timestamp', at, at + m[0].length, { iso, precision, timeOnly: false, ...validityBefore(ctx.text, at) }, true);
  });
  // the clock regex over the whole text is cheaper than its gate: the gate is checked per match
  scanTextBySentence(ctx, CLOCK_RE, (m, at, s) => {
    // a match ending in UTC or GMT passes the gate by itself
    if ((m[0].endsWith('Z') && !passes(s, CLOCK_GATE)) || isTaken(ctx, at, at + m[0].length)) return;
    const iso = `1970-01-01T${m[1]}:${m[2]}:${m[3] ?? '00'}Z`;
    addClaim(ctx, 'timestamp', at, at + m[0].length, { iso, precision: m[3] ? 'second' : 'minute', timeOnly: true }, true);
  });
  // "started at 02:17:44", "between 02:17:44 and 02:19:02 UTC": a clock time with no zone, placed by a preposition
  // of time, is read on the record's clock (the zone its own times are written in, UTC for epochs)
  scanTextBySentence(ctx, ZONELESS_CLOCK_RE, (m, at, s) => {
    const start = at;
    // the clock is found first (digits are rarer than the prepositions), then the word before it
    const before = PREPOSITION_BEFORE_RE.exec(ctx.text.slice(Math.max(s.start, at - 10), at));
    if (before === null) return;
    if (/^(?:and|to|through)$/i.test(before[1]!) && !CLOCK_BEFORE_RE.test(ctx.text.slice(Math.max(s.start, at - 40), at - before[0].length))) return;
    if (isTaken(ctx, start, at + m[0].length)) return;
    const [h, mi, sec] = m[1]!.split(':');
    const wall = `${h}:${mi}:${(sec ?? '00').slice(0, 2)}`;
    const precision = sec ? 'second' : 'minute';
    // "19:19:11 (UTC-05:00)", "09:12:44 local time (UTC+02:00)": the offset written after it places it
    OFFSET_AFTER_RE.lastIndex = at + m[0].length;
    const offset = OFFSET_AFTER_RE.exec(ctx.text);
    if (offset) addClaim(ctx, 'timestamp', start, at + m[0].length, { iso: utcOf(wall, offset), precision, timeOnly: true }, true);
    else addClaim(ctx, 'timestamp', start, at + m[0].length, { iso: `1970-01-01T${wall}Z`, precision, timeOnly: true, zoneless: true }, true);
  });
  // "logged on 21 November", "on November 21st": a day of a month with no year, after "on"
  scanFromMonthName(gatedSentences(ctx, MONTH_GATE), (m, at) => {
    const day = m[1] ?? m[3];
    if (day === undefined || isTaken(ctx, at, at + m[0].length) || !/\bon\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, at - 8), at))) return;
    const iso = `2000-${String(monthNumber(m[2]!)).padStart(2, '0')}-${day.padStart(2, '0')}T00:00:00Z`;
    addClaim(ctx, 'timestamp', at, at + m[0].length, { iso, precision: 'day', timeOnly: false, yearless: true }, true);
  }, YEARLESS_MONTH_RE, MONTH_REACH + 3);
  scanFromMonthName(withYear, (m, at) => {
    const day = m[1] ?? m[3];
    if (day === undefined || isTaken(ctx, at, at + m[0].length)) return;
    const month = monthNumber(m[2]!);
    const iso = `${m[4]}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}T00:00:00Z`;
    addClaim(ctx, 'timestamp', at, at + m[0].length, { iso, precision: 'day', timeOnly: false, ...validityBefore(ctx.text, at) }, true);
  });
}

const NOT_AFTER_BEFORE = /\b(?:expir(?:ed|es|y|ing)|valid (?:until|through|to)|not after|runs out|ran out)\b[^.;]{0,20}$/i;
const NOT_BEFORE_BEFORE = /\b(?:issued|valid (?:from|since)|became valid|not before|starts? being valid)(?:\s+on)?\s*$/i;

/** "the certificate expired on 16 February 2023", "valid from 2023-02-16": a date of a certificate's validity, not of the flow. */
function validityBefore(text: string, at: number): { validity?: 'not-after' | 'not-before' } {
  const before = text.slice(Math.max(0, at - 40), at);
  return NOT_AFTER_BEFORE.test(before) ? { validity: 'not-after' } : NOT_BEFORE_BEFORE.test(before) ? { validity: 'not-before' } : {};
}

/** The months as MONTH_RE spells them, to three letters: every match holds one at most 5 characters after its start ("21st Mar"). */
const MONTH_NAME = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/g;
const MONTH_REACH = 5;

/** A day of a month with no year after it (groups as MONTH_RE's, with no year group): "21 November", "November 21st". */
const YEARLESS_MONTH_RE = new RegExp(String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)? (?:of )?)?(${MONTH_NAME_SOURCE})\b(?:\.? (\d{1,2})(?:st|nd|rd|th)?\b)?(?!\.?,? ?\d)`, 'g');
const MONTH_GATE = textGate(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i);

/** MONTH_RE (or another month pattern) over each sentence, searched from just before its first month name (sentences without one are skipped). */
function scanFromMonthName(sentences: readonly Sentence[], fn: (m: RegExpExecArray, at: number) => void, re: RegExp = MONTH_RE, reach = MONTH_REACH): void {
  for (const s of sentences) {
    MONTH_NAME.lastIndex = 0;
    const name = MONTH_NAME.exec(s.text);
    if (!name) continue;
    re.lastIndex = Math.max(0, name.index - reach);
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) fn(m, s.start + m.index);
  }
}

/** Services a port is registered for (IANA well-known list). */
export function servicesOf(port: number): readonly string[] {
  return PORT_SERVICES[port] ?? [];
}
