import type { ClaimPayloads } from '../claim.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, isTaken, lowerGate, scan, textGate, wordGate, type ExtractContext } from './context.ts';
import { isHostname } from '../lexicon/top-level-domains.ts';
import { ZEEK_CONN_STATES } from '../lexicon/zeek-conn-states.ts';
import { isKnownField } from '../deps.ts';

/*
 * Values a text copies from the record rather than measures: an HTTP status code or method, a rule
 * or signature id, a URL path or file name. Each must be what the record holds; a model that quotes
 * one from another alert, or makes one up, is caught.
 */
type Kind = ClaimPayloads['literal']['kind'];

const STATUS_NAMES = String.raw`OK|Created|No Content|Moved Permanently|Found|See Other|Not Modified|Temporary Redirect|Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout`;
/** "status 404", "HTTP 302", "a 404 Not Found", "404 response", "returned 500". */
const STATUS_RE = new RegExp(String.raw`\b(?:(?:status(?:\s+code)?|response\s+code|HTTP(?:\/\d(?:\.\d)?)?)\s*(?:of\s+|was\s+|is\s+|=\s*|:\s*)?([1-5]\d\d)\b|([1-5]\d\d)\s*(?:['"(]\s*)?(?:status|response|error|redirect|${STATUS_NAMES})\b)(?!\s+(?:packets?|bytes?|times?|segments?)\b)`, 'g');
/** Methods are written in capitals; "get" and "post" as words are no claim. DELETE is left out: SQL has it too. */
const METHOD_RE = /\b(GET|POST|PUT|HEAD|OPTIONS|PATCH|CONNECT)\b(?![\w-])/g;
/** "signature 2012843", "rule ID 50100001", "SID: 2030673", "(ID 50100001)". */
const RULE_RE = /\b(?:signature|rule|SID|sig|alert)(?:\s+(?:ID|id|number|no\.|#))?\s*[:#=]?\s*(\d{4,10})\b|\((?:SID|ID|id)\s*:?\s*(\d{4,10})\)/gi;
const EXTENSIONS = 'php|js|html?|aspx?|jsp|cgi|exe|dll|sh|py|jar|zip|rar|docx?|xlsx?|pdf|ps1|bat|vbs|txt|conf|ini|log|json|xml|css|png|jpe?g|gif|svg|war|bin|elf|apk|msi|lnk|hta';
/** "/wp-login.php", "/cgi-bin/test", "/cgi-bin/luci/;stok=/locale", "wp-emoji-release.min.js": a path with a letter in it, or a file name with a known extension. */
// a path's parameters (";stok=", "?id=1&x=2") belong to it
const PATH_RE = new RegExp(String.raw`(?<![\w/.:-])(\/(?=[\w.~%-]*[a-z])[\w.~%-]+(?:\/[\w.~%;=&?+@!$-]*)*|[\w-]+(?:\.[\w-]+)*\.(?:${EXTENSIONS}))(?![\w/-]|\.\w)`, 'gi');

/** One cheap gate per kind: the words or marks each pattern cannot match without. */
// a code is three digits: a digit scan is far cheaper than the status words
const STATUS_GATE = textGate(/\b[1-5]\d\d\b/);
const METHOD_GATE = textGate(/\b(?:GET|POST|PUT|HEAD|OPTIONS|PATCH|CONNECT)\b/);
const RULE_GATE = wordGate(/\b(?:signature|rule|sid|sig|alert)\b|\bid(?<=\(id)\b/);
const PATH_GATE = lowerGate(new RegExp(String.raw`\/[a-z]|\.(?:${EXTENSIONS})\b`));

/** "TLS 1.3", "TLSv1.2", "HTTP/1.0", "SSH-2.0", "SMBv1": a protocol's version. */
const VERSION_RE = /\b(TLS|SSL|HTTP|SSH|SMB|SNMP|DTLS|QUIC)(?:\s?v|\/|-|\s)(\d(?:\.\d)?)(?![\w.]*\d)/gi;
/**
 * A program and its version: joined to the name ("OpenSSH_8.2p1", "curl/7.68.0", "libssh-0.9.6"), or
 * after a space with three parts ("libssh 0.9.6", "Apache 2.4.41"). A protocol's version is a
 * version claim; an address has four parts and is none.
 */
// after a hyphen too: the program in an SSH banner "SSH-2.0-OpenSSH_7.4"
const SOFTWARE_RE = /(?<![\w.\/])([A-Za-z][A-Za-z0-9+]{2,30})(?:([_/-])v?(\d+(?:\.\d+){1,2}(?:p\d+|[a-z]\d?)?)|\s(?:version\s+)?v?(\d+\.\d+(?:\.\d+)?(?:p\d+|[a-z]\d?)?))(?![\w.]*\d|\.\d)/g;
/** After a space, a two-part version is a program's only with a telling name or suffix ("OpenSSH 8.9p1", "PuTTY 0.78"), not "at 11.5". */
const spacedSoftware = (name: string, version: string): boolean => /\d\.\d+\.\d/.test(version) || /p\d+$/.test(version) || /^[A-Za-z][a-z0-9]*[A-Z]/.test(name);
const NOT_SOFTWARE = /^(?:tls|ssl|http|https|ssh|smb|snmp|dtls|quic|tcp|udp|ip|ipv4|ipv6|rfc|version|rev|revision|rule|sid|gid|port|ports|flow|cve|ms|kb|mb|gb|rate|ratio|score|about|around|approximately|roughly|nearly|over|under|and|or|to|from|at|is|was|of|the|between)$/i;
// what only a program's version has: three parts, a "p" release, a joiner before it, or a name with an inner capital
const SOFTWARE_GATE = textGate(/\d\.\d+(?:\.\d|p\d)|[_/-]v?\d+\.\d|[a-z][A-Z][A-Za-z0-9+]*\s(?:version\s+)?v?\d+\.\d/);
const VERSION_GATE = wordGate(/\b(?:tls|ssl|http|ssh|smb|snmp|dtls|quic)(?:\s?v|\/|-|\s)\d/);

/** "evil-update.biz", "cv.mathming.ltd": dot-separated labels ending in a lower-case top-level domain (checked against the IANA list). */
const HOST_RE = /(?<![\w@/.:-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[a-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;
const HOST_GATE = textGate(/[A-Za-z0-9]\.[a-z]{2}/);

/** "AS 64496", "AS64496", "ASN 15169": an autonomous system number. */
const ASN_RE = /\b(?:AS|ASN)(?:\s+number)?\s?(?:is\s+|was\s+|of\s+|=\s*|#|:)?\s?(\d{1,10})\b/g;
const ASN_GATE = textGate(/\bASN?(?![A-Za-z])/);
const ASN_SIDE_BEFORE = /\b(?:(source|src|origin|originating|sender's)|(destination|dst|dest|target|remote))\b[^.;,]{0,12}$/i;

/** Zeek's connection states, written as the codes they are ("S0", "REJ", "RSTO"). */
const CONN_STATE_RE = new RegExp(String.raw`(?<![\w-])(${Object.keys(ZEEK_CONN_STATES).sort((a, b) => b.length - a.length).join('|')})(?![\w-])`, 'g');
const CONN_STATE_GATE = wordGate(/\b(?:S[0-3F]|REJ|RST[A-Z0-9]*|SHR?|OTH)\b/, false);

export function extractLiterals(ctx: ExtractContext): void {
  const add = (kind: Kind, value: string, at: number, end: number, s: Parameters<typeof isNegated>[0]): void => {
    if (!isTaken(ctx, at, end) && !isNegated(s, at)) addClaim(ctx, 'literal', at, end, { kind, value }, true);
  };
  scan(ctx, STATUS_RE, STATUS_GATE, (m, at, s) => {
    const code = (m[1] ?? m[2])!;
    const start = at + m[0].indexOf(code);
    add('http status', code, start, start + code.length, s);
  });
  scan(ctx, METHOD_RE, METHOD_GATE, (m, at, s) => add('http method', m[1]!, at, at + m[1]!.length, s));
  scan(ctx, RULE_RE, RULE_GATE, (m, at, s) => {
    const id = (m[1] ?? m[2])!;
    const start = at + m[0].lastIndexOf(id);
    add('rule id', id, start, start + id.length, s);
  });
  scan(ctx, ASN_RE, ASN_GATE, (m, at, s) => {
    if (isTaken(ctx, at, at + m[0].length) || isNegated(s, at)) return;
    const side = ASN_SIDE_BEFORE.exec(ctx.text.slice(Math.max(s.start, at - 30), at));
    addClaim(ctx, 'literal', at, at + m[0].length, { kind: 'asn', value: m[1]!, ...(side ? { side: side[1] ? 'src' : 'dst' } : {}) }, true);
  });
  scan(ctx, VERSION_RE, VERSION_GATE, (m, at, s) => add('version', `${m[1]!.toUpperCase()} ${m[2]!}`, at, at + m[0].length, s));
  scan(ctx, SOFTWARE_RE, SOFTWARE_GATE, (m, at, s) => {
    if (NOT_SOFTWARE.test(m[1]!) || (m[4] !== undefined && !spacedSoftware(m[1]!, m[4]))) return;
    add('software', `${m[1]!} ${(m[3] ?? m[4])!}`, at, at + m[0].length, s);
  });
  scan(ctx, PATH_RE, PATH_GATE, (m, at, s) => {
    // a sentence's full stop or a comma after a path is not part of it
    const path = m[1]!.replace(/[.,;:]+$/, '');
    // a bare name that opens with a capital is a product ("Node.js"), not a file
    if (!path.startsWith('/') && /^[A-Z]/.test(path) && !/[-_]/.test(path)) return;
    add('path', path, at, at + path.length, s);
  });
}

/**
 * Host names and Zeek state codes, after paths (a file name such as "install.sh" stays a path) and
 * after a field named and given a value ("the SNI was x.example", "conn_state is S0" are judged
 * against that field). A field's own name ("rule.name") is no host.
 */
export function extractLateLiterals(ctx: ExtractContext): void {
  // a state code after its field's name ("conn_state is S0") is that field's value, judged there
  scan(ctx, CONN_STATE_RE, CONN_STATE_GATE, (m, at, s) => {
    const end = at + m[1]!.length;
    if (!isTaken(ctx, at, end) && !isNegated(s, at)) addClaim(ctx, 'literal', at, end, { kind: 'conn state', value: m[1]! }, true);
  });
  scan(ctx, HOST_RE, HOST_GATE, (m, at, s) => {
    const host = m[1]!;
    const end = at + host.length;
    if (isHostname(host) && !isKnownField(host) && !isTaken(ctx, at, end) && !isNegated(s, at)) addClaim(ctx, 'literal', at, end, { kind: 'hostname', value: host.toLowerCase() }, true);
  });
}
