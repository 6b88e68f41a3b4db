/** What ties an alert record to a flow: the flow id as written (digits kept exact), or its 5-tuple. */
export interface AlertRef {
  flowId?: string;
  tuple?: string;
}

/** A flow id written as a JSON number can exceed 2^53 (Suricata's are 64-bit): read it from the text, never via a double. */
const ID_KEYS = ['flow_id', 'flowId', 'FLOW_ID', 'uid'] as const;

/**
 * The flow reference of one JSONL alert line, or undefined when the line carries no flow fields
 * (not JSON, not an object, an `event_type` other than `alert`, or neither a flow id nor
 * source and destination addresses).
 */
export function alertRef(line: string): AlertRef | undefined {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  // An EVE file mixes event types: only alerts get explained (flow, dns, stats … pass through).
  if (typeof r.event_type === 'string' && r.event_type !== 'alert') return undefined;
  const ref: AlertRef = {};
  const flowId = flowIdOf(line, r);
  if (flowId !== undefined) ref.flowId = flowId;
  const src = r.src_ip ?? r.src_addr ?? r['id.orig_h'];
  const dst = r.dest_ip ?? r.dst_ip ?? r.dst_addr ?? r['id.resp_h'];
  if (typeof src === 'string' && typeof dst === 'string') {
    const sport = r.src_port ?? r['id.orig_p'] ?? '';
    const dport = r.dest_port ?? r.dst_port ?? r['id.resp_p'] ?? '';
    ref.tuple = tupleKey(src, sport, dst, dport);
  }
  return ref.flowId !== undefined || ref.tuple !== undefined ? ref : undefined;
}

function flowIdOf(line: string, r: Record<string, unknown>): string | undefined {
  for (const key of ID_KEYS) {
    const value = r[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value !== 'number') continue;
    if (Number.isSafeInteger(value)) return String(value);
    // Past 2^53 the parsed number is rounded: take the digits as written, the ones that parse to it.
    for (const m of line.matchAll(new RegExp(`"${key}"\\s*:\\s*(-?\\d+)`, 'g'))) if (Number(m[1]) === value) return m[1];
  }
  return undefined;
}

/** Canonical 5-tuple-less-protocol key (protocol spellings differ between exporters). */
export function tupleKey(src: string, sport: unknown, dst: string, dport: unknown): string {
  return `${normalizeAddr(src)}|${String(sport ?? '')}|${normalizeAddr(dst)}|${String(dport ?? '')}`;
}

function normalizeAddr(addr: string): string {
  // Suricata writes IPv6 uncompressed ("fe80:0000:…"); compare the compressed, lower-case form.
  if (!addr.includes(':')) return addr;
  try {
    return new URL(`http://[${addr}]/`).hostname.slice(1, -1);
  } catch {
    return addr.toLowerCase();
  }
}

/**
 * The same line with `"explanation": …` added as its last member. The original text is kept
 * byte for byte (no parse and re-serialise, which would round big integers and reformat numbers).
 */
export function addExplanation(line: string, explanation: unknown): string {
  const end = line.lastIndexOf('}');
  const body = line.slice(0, end).trimEnd();
  const empty = body.endsWith('{');
  return `${body}${empty ? '' : ','}"explanation":${JSON.stringify(explanation)}}${line.slice(end + 1)}`;
}
