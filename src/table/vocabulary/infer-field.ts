import type { Dimension, FieldSemantics, Role, Unit } from './schema.ts';
import { tokenizeKey } from './tokenize-key.ts';
import type { ValueShape } from './value-shape.ts';

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Role words; the first one in the key wins, so `src_to_dst_bytes` belongs to the source. */
const ROLE_WORDS: ReadonlyMap<string, Role> = new Map([
  ...[...words('src source orig originator attacker sender sip sport saddr srcip srcport srcaddr fwd forward')].map((w) => [w, 'source'] as const),
  ...[...words('dst dest destination resp responder victim target receiver dip dport daddr dstip dstport dstaddr bwd backward')].map((w) => [w, 'destination'] as const),
  ['client', 'client'], ['toserver', 'client'], ['server', 'server'], ['toclient', 'server'],
]);

const W = {
  bits: words('bit bits'),
  bytes: words('byte bytes byts octet octets len length size'),
  packets: words('pkt pkts packet packets'),
  perSecond: words('s sec second secs seconds'),
  rate: words('rate throughput persec'),
  flags: words('flag flags tcpflags'),
  ttl: words('ttl hoplimit'),
  instant: words('ts timestamp time start end first last seen date datetime received switched when'),
  duration: words('duration dur elapsed age iat latency rtt interval'),
  ms: words('ms msec msecs millis millisecond milliseconds'),
  s: words('sec secs second seconds'),
  us: words('us usec usecs micros microsecond microseconds'),
  ns: words('ns nsec nanos nanosecond nanoseconds'),
  count: words('count total cnt connections conns sessions attempts requests events alerts'),
  /** Count words only before the thing counted: `num_ports` is a count, `port_number` a port. */
  ordinal: words('num number nb unique distinct'),
  port: words('port ports sport dport srcport dstport'),
  ip: words('ip ipv4 ipv6 sip dip srcip dstip'),
  addr: words('addr address saddr daddr srcaddr dstaddr'),
  mac: words('mac hwaddr'),
  asn: words('asn as'),
  iface: words('if iface interface ifindex snmp'),
  l7: words('app application l7 ndpi service'),
  proto: words('proto protocol transport l4'),
  id: words('id uid uuid guid flowid'),
  label: words('label labels attack malicious'),
  dns: words('dns query qname rrname rrtype rcode'),
  http: words('http url uri useragent agent method referer referrer'),
  tls: words('tls ssl sni ja3 ja3s cert certificate issuer subject'),
};

const has = (tokens: readonly string[], set: ReadonlySet<string>): boolean => tokens.some((t) => set.has(t));

interface Guess {
  dimension: Dimension;
  unit: Unit;
  rule: string;
}

/** Infer what an unknown key means from its words and the shape of its value (issue 11, part 2). */
export function inferField(name: string, shape: ValueShape): FieldSemantics {
  const tokens = tokenizeKey(name);
  const guess = guessDimension(tokens, shape);
  return Object.freeze({
    name, family: 'inferred', dimension: guess.dimension, role: guessRole(tokens), unit: guess.unit,
    description: `Not a known field; read as ${guess.dimension}${guess.unit === '' ? '' : ` in ${guess.unit}`} from ${guess.rule}`,
    source: `inferred: ${guess.rule}`, inferred: true,
  });
}

function guessRole(tokens: readonly string[]): Role {
  for (const t of tokens) {
    const role = ROLE_WORDS.get(t);
    if (role !== undefined) return role;
  }
  return 'either';
}

/** Rules in order: the first that fits decides. A quantity noun beats `count` (`pkt_count` is packets). */
function guessDimension(t: readonly string[], shape: ValueShape): Guess {
  if (shape === 'ip') return { dimension: 'address', unit: '', rule: 'a value that parses as an IP address' };
  // a date is a time whatever else the key says, and so is an epoch-sized number under a word for an
  // instant: Firepower's FirstPacketSecond is when the first packet was seen, not packets per second
  if (shape === 'iso') return { dimension: 'time', unit: 'iso8601', rule: 'an ISO 8601 date value' };
  const instant = shape.startsWith('epoch') && has(t, W.instant) ? timeOf(t, shape) : undefined;
  if (instant?.dimension === 'time') return instant;
  const rate = rateOf(t);
  if (rate) return rate;
  if (t.includes('icmp') && t.includes('type')) return { dimension: 'icmp-type', unit: 'type', rule: 'the words icmp and type' };
  if (t.includes('icmp') && t.includes('code')) return { dimension: 'icmp-code', unit: 'code', rule: 'the words icmp and code' };
  if (has(t, W.flags) || (t.includes('control') && t.includes('bits'))) return { dimension: 'tcp-flags', unit: flagUnit(shape), rule: 'the word flags' };
  if (has(t, W.ttl)) return { dimension: 'ttl', unit: 'hops', rule: 'the word ttl' };
  if (has(t, W.bytes)) return { dimension: 'bytes', unit: 'bytes', rule: 'a word for bytes' };
  if (has(t, W.packets)) return { dimension: 'packets', unit: 'packets', rule: 'a word for packets' };
  if (t.includes('flows')) return { dimension: 'flows', unit: 'flows', rule: 'the word flows' };
  const time = timeOf(t, shape);
  if (time) return time;
  if (has(t, W.count) || countsBefore(t)) return { dimension: 'count', unit: '', rule: 'a word for a count' };
  return kindOf(t, shape);
}

const KIND_WORDS: readonly ReadonlySet<string>[] = [W.port, W.ip, W.addr, W.mac, W.asn, W.iface, W.l7, W.proto, W.id];

function countsBefore(t: readonly string[]): boolean {
  const ordinal = t.findIndex((w) => W.ordinal.has(w));
  if (ordinal < 0) return false;
  const kind = t.findIndex((w) => KIND_WORDS.some((set) => set.has(w)));
  return kind < 0 || ordinal < kind;
}

function rateOf(t: readonly string[]): Guess | undefined {
  if (t.some((w) => /^[kmg]?bps$/.test(w))) return { dimension: 'bits/s', unit: 'bits/s', rule: 'the word bps' };
  if (t.includes('pps')) return { dimension: 'packets/s', unit: 'packets/s', rule: 'the word pps' };
  const perSecond = t.some((w, i) => W.perSecond.has(w) && i > 0 && (t[i - 1] === 'per' || isQuantity(t[i - 1]!)));
  if (!perSecond && !has(t, W.rate)) return undefined;
  if (has(t, W.bits)) return { dimension: 'bits/s', unit: 'bits/s', rule: 'bits per second' };
  if (has(t, W.bytes)) return { dimension: 'bytes/s', unit: 'bytes/s', rule: 'bytes per second' };
  if (has(t, W.packets)) return { dimension: 'packets/s', unit: 'packets/s', rule: 'packets per second' };
  return perSecond ? { dimension: 'number', unit: '', rule: 'a rate of something unnamed' } : undefined;
}

const isQuantity = (w: string): boolean => W.bits.has(w) || W.bytes.has(w) || W.packets.has(w) || w === 'flows';

function flagUnit(shape: ValueShape): Unit {
  if (shape === 'string') return 'flag letters';
  return 'bitmask';
}

function timeOf(t: readonly string[], shape: ValueShape): Guess | undefined {
  const scale = has(t, W.ms) ? 'ms' : has(t, W.us) ? 'µs' : has(t, W.ns) ? 'ns' : has(t, W.s) ? 's' : undefined;
  if (has(t, W.duration) || (scale !== undefined && !has(t, W.instant))) {
    return { dimension: 'duration', unit: scale ?? '', rule: 'a word for a duration' };
  }
  if (!has(t, W.instant) && shape !== 'iso') return undefined;
  if (shape === 'iso') return { dimension: 'time', unit: 'iso8601', rule: 'an ISO 8601 date value' };
  const epoch: Unit = scale !== undefined ? (`epoch ${scale}` as Unit) : shape.startsWith('epoch') ? (shape as Unit) : '';
  return { dimension: 'time', unit: epoch, rule: 'a word for a time' };
}

function kindOf(t: readonly string[], shape: ValueShape): Guess {
  if (has(t, W.port)) return { dimension: 'port', unit: '', rule: 'the word port' };
  // before ip: `ipProtocol` is a protocol number, not an address
  if (has(t, W.l7)) return { dimension: 'l7-protocol', unit: '', rule: 'a word for an application protocol' };
  if (has(t, W.proto)) return { dimension: 'protocol', unit: '', rule: 'the word protocol' };
  if (has(t, W.ip)) return { dimension: 'address', unit: '', rule: 'the word ip' };
  // `address` also names host names and sockets (ECS source.address), so only a non-text value keeps it an address.
  if (has(t, W.addr) && shape !== 'string') return { dimension: 'address', unit: '', rule: 'the word address' };
  if (has(t, W.mac)) return { dimension: 'mac', unit: '', rule: 'the word mac' };
  if (has(t, W.asn)) return { dimension: 'asn', unit: '', rule: 'the word asn' };
  if (has(t, W.iface)) return { dimension: 'interface', unit: '', rule: 'the word interface' };
  if (has(t, W.label)) return { dimension: 'label', unit: '', rule: 'the word label' };
  if (has(t, W.dns)) return { dimension: 'dns', unit: '', rule: 'a DNS word' };
  if (has(t, W.http)) return { dimension: 'http', unit: '', rule: 'an HTTP word' };
  if (has(t, W.tls)) return { dimension: 'tls', unit: '', rule: 'a TLS word' };
  if (has(t, W.id)) return { dimension: 'id', unit: 'id', rule: 'the word id' };
  if (shape === 'string') return { dimension: 'text', unit: '', rule: 'a text value' };
  return { dimension: 'number', unit: '', rule: 'a number with no telling word' };
}
