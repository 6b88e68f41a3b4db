import { describeField, flattenJson, type TableRow } from '../deps.ts';
import { monthNumber } from '../text/months.ts';

/*
 * A log line the record carries as text (Wazuh's full_log, a syslog message, Security Onion's
 * message) holds fields of its own. A web server's access line in the Common or Combined Log
 * Format (Apache's LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"",
 * https://httpd.apache.org/docs/2.4/logs.html) is read into the ECS fields Filebeat's apache and
 * nginx modules map it to, under the line's own key (`full_log.http.response.status_code`), so the
 * status, the body size, the method, the time and the user agent it shows are facts like any other.
 */
const ACCESS_LINE = /^(\S+) (\S+) (\S+) \[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})\] "([A-Z]+) (\S+)(?: (HTTP\/[\d.]+))?" (\d{3}) (\d+|-)(?: "([^"]*)" "([^"]*)")?/;
const IPV4_OR_6 = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]+)$/i;

/** The fields of every access-log line, syslog line and embedded JSON record among the rows, as rows of their own. */
export function logLineRows(rows: readonly TableRow[]): TableRow[] {
  const out: TableRow[] = [];
  let year: string | null | undefined;
  for (const row of rows) {
    if (typeof row.value !== 'string') continue;
    // cheap tests first: most text values are none of these
    if (row.value.includes('] "')) {
      const m = ACCESS_LINE.exec(row.value);
      if (m) out.push(...accessLineRows(row.name, m));
    } else if (row.value.charCodeAt(0) === 123 && row.value.endsWith('}')) out.push(...embeddedJsonRows(row.name, row.value));
    else if (SYSLOG_START.test(row.value)) out.push(...syslogRows(row.name, row.value, (year ??= recordYear(rows))));
    else if (row.value.includes('=') && DISTINGUISHED_NAME.test(row.value)) out.push(...distinguishedNameRows(row.name, row.value));
    else if (BASE64.test(row.value) && describeField(row.name, row.value).encoding === 'base64') {
      const decoded = decodedText(row.value);
      if (decoded !== undefined) out.push({ name: `${row.name}.decoded`, value: decoded, unit: '', description: `${row.name} decoded from base64, bytes outside printable ASCII shown as dots` });
    }
  }
  return out;
}

/** An X.509 distinguished name as Zeek, Suricata and ECS write a certificate's subject or issuer: "CN=shop.example.net,O=Example Shop,C=US". */
const DISTINGUISHED_NAME = /^\s*(?:[A-Za-z]{1,12}=[^,=]+,\s*)+[A-Za-z]{1,12}=[^,=]+$/;
/** The attribute types of RFC 4514 §3, by the names a text gives them. */
const DN_ATTRIBUTES: Readonly<Record<string, string>> = { CN: 'common_name', O: 'organization', OU: 'organizational_unit', C: 'country', L: 'locality', ST: 'state', DC: 'domain_component', EMAILADDRESS: 'email', E: 'email' };

/** The attributes of a distinguished name as rows under the carrying field ("sub.organization"); attribute types not in RFC 4514's list stay in the text. */
function distinguishedNameRows(name: string, value: string): TableRow[] {
  const out: TableRow[] = [];
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    const attribute = DN_ATTRIBUTES[part.slice(0, at).trim().toUpperCase()];
    if (attribute !== undefined) out.push({ name: `${name}.${attribute}`, value: part.slice(at + 1).trim(), unit: '', description: `${attribute.replace(/_/g, ' ')} in the distinguished name ${name}` });
  }
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;

/** A base64 payload as printable text (as EVE's payload_printable shows it); undefined when most of it is binary. */
function decodedText(value: string): string | undefined {
  const bytes = Buffer.from(value, 'base64');
  let printable = 0;
  let text = '';
  for (const b of bytes) {
    const shown = (b >= 32 && b < 127) || b === 10 || b === 13 || b === 9;
    if (shown) printable++;
    text += shown ? String.fromCharCode(b) : '.';
  }
  // a DNS message names its hosts as length-prefixed labels ("\x05drvnr\x06cloud\x00"): read them as dotted names
  const names = dnsNames(bytes);
  if (bytes.length > 0 && printable / bytes.length >= 0.6) return names.length > 0 ? `${text} ${names.join(' ')}` : text;
  return names.length > 0 ? names.join(' ') : undefined;
}

const LABEL = /^[A-Za-z0-9_-]+$/;

/** The names written in DNS wire format (RFC 1035 §3.1: labels of 1–63 octets, each after its length, ended by a zero octet), at least two labels each. */
function dnsNames(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const labels: string[] = [];
    let at = i;
    while (at < bytes.length && bytes[at]! >= 1 && bytes[at]! <= 63 && at + bytes[at]! < bytes.length) {
      const label = bytes.toString('latin1', at + 1, at + 1 + bytes[at]!);
      if (!LABEL.test(label)) break;
      labels.push(label);
      at += 1 + bytes[at]!;
    }
    if (labels.length >= 2 && bytes[at] === 0) {
      out.push(labels.join('.'));
      i = at;
    }
  }
  return out;
}

/**
 * Syslog lines (RFC 3164: "Mar 22 04:11:38 db-replica-2 sshd[40131]: …"), one or several in a text
 * value (Wazuh's full_log and previous_output): each line's time, host and program. The line
 * carries no year; the record's own dated time gives it, and without one the time is left out.
 */
const SYSLOG_START = /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} /;
const SYSLOG_LINE = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\S+) ([\w./-]+?)(?:\[(\d+)\])?: /;

function recordYear(rows: readonly TableRow[]): string | null {
  for (const row of rows) if (typeof row.value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]/.test(row.value)) return row.value.slice(0, 4);
  return null;
}

function syslogRows(key: string, text: string, year: string | null): TableRow[] {
  const lines = text.split('\n');
  const out: TableRow[] = [];
  lines.forEach((line, i) => {
    const m = SYSLOG_LINE.exec(line);
    if (!m) return;
    const at = lines.length > 1 ? `${key}[${i}]` : key;
    const month = monthNumber(m[1]!);
    const fields: Array<[string, string | number | undefined]> = [
      ['@timestamp', year !== null && month > 0 ? `${year}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}T${m[3]}Z` : undefined],
      ['host.hostname', m[4]],
      ['process.name', m[5]],
      ['process.pid', m[6] === undefined ? undefined : Number(m[6])],
    ];
    out.push(...readRows(at, fields, `the syslog line in ${key}`));
  });
  return out;
}

/**
 * A record that carries another as JSON text: Security Onion keeps the sensor's EVE alert in
 * `message`, a SIEM its raw event in `event.original`. Its fields are read under that key
 * (`message.alert.signature_id`), as a nested record's are.
 */
function embeddedJsonRows(key: string, text: string): TableRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  const fields = flattenJson(parsed as Record<string, unknown>).map(([path, value]): [string, string | number | undefined] => [path, value === null ? undefined : typeof value === 'boolean' ? Number(value) : value]);
  return readRows(key, fields, `the JSON record in ${key}`);
}

function accessLineRows(key: string, m: RegExpExecArray): TableRow[] {
  const [, host, , user, day, month, year, clock, offset, method, target, version, status, size, referrer, agent] = m;
  const iso = `${year}-${String(monthNumber(month!)).padStart(2, '0')}-${day}T${clock}${offset!.slice(0, 3)}:${offset!.slice(3)}`;
  const fields: Array<[string, string | number | undefined]> = [
    [IPV4_OR_6.test(host!) ? 'source.ip' : 'source.domain', host],
    ['user.name', user === '-' ? undefined : user],
    ['@timestamp', iso],
    ['http.request.method', method],
    ['url.original', target],
    ['http.version', version?.slice(5)],
    ['http.response.status_code', Number(status)],
    ['http.response.body.bytes', size === '-' ? undefined : Number(size)],
    ['http.request.referrer', referrer === undefined || referrer === '-' ? undefined : referrer],
    ['user_agent.original', agent === undefined || agent === '-' ? undefined : agent],
  ];
  return readRows(key, fields, `the access log line in ${key}`);
}

/** Fields read out of a text value, as rows under its key, each described by the vocabulary and by where it was read. */
function readRows(key: string, fields: ReadonlyArray<[string, string | number | undefined]>, from: string): TableRow[] {
  const out: TableRow[] = [];
  for (const [name, value] of fields) {
    if (value === undefined) continue;
    const field = describeField(`${key}.${name}`, value);
    out.push({ name: `${key}.${name}`, value, unit: field.unit, description: `${field.description} (read from ${from})` });
  }
  return out;
}
