import { inferField } from './infer-field.ts';
import { bundledVocabulary, type SpellingIndex } from './families.ts';
import type { Family, FieldSemantics } from './schema.ts';
import { shapeOf } from './value-shape.ts';

const VOCABULARY = bundledVocabulary();

/** Known paths → entry (or null: not known, infer). Inferences are memoised per path and value shape. */
const known = new Map<string, FieldSemantics | null>();
const inferred = new Map<string, FieldSemantics>();
/** Keys come from user files, so the memos are bounded: past this many they start afresh. */
const MEMO_LIMIT = 50_000;

/**
 * What a field means. Lookup order: the exact name (spaces around it ignored); the name in any
 * case; for a dotted path from flattened JSON (array indices dropped), the longest trailing run of
 * segments that a family spells (`suricata.flow.dest_port` → EVE `flow.dest_port`), looked up first
 * in the family a leading `suricata.`/`zeek.`/… segment names; else inferred from the key's words
 * and the value's shape. Results are memoised, so a repeated call costs one Map hit.
 *
 * @example describeField('L4_DST_PORT') // { family: 'nprobe', dimension: 'port', role: 'destination', … }
 */
export function describeField(path: string, value?: unknown): FieldSemantics {
  let hit = known.get(path);
  if (hit === undefined) {
    hit = lookUp(path);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(path, hit);
  }
  if (hit !== null) return typeof value === 'number' && hit.unit.startsWith('epoch') && beforeAnyFlow(value, hit.unit) ? (uptimeField(path) ?? hit) : hit;
  const shape = shapeOf(value);
  const key = `${path}\u0000${shape}`;
  let guess = inferred.get(key);
  if (guess === undefined) {
    guess = inferField(path.replace(/\[\d*\]/g, ''), shape);
    if (inferred.size >= MEMO_LIMIT) inferred.clear();
    inferred.set(key, guess);
  }
  return guess;
}

/** 2000-01-01 in ms: an epoch time before it is no flow's time. */
const EARLIEST_FLOW_MS = 946_684_800_000;
const MS_PER_EPOCH_UNIT: Readonly<Record<string, number>> = { 'epoch s': 1e3, 'epoch ms': 1, 'epoch µs': 1e-3, 'epoch ns': 1e-6 };

function beforeAnyFlow(value: number, unit: string): boolean {
  return value * (MS_PER_EPOCH_UNIT[unit] ?? 1) < EARLIEST_FLOW_MS;
}

/**
 * The same name spelled by a family that gives it as a duration rather than a date: nProbe text
 * dumps write FIRST_SWITCHED as epoch seconds, NetFlow v9 and IPFIX as the exporter's uptime in ms.
 * A value that would be a date before any flow is the uptime.
 */
function uptimeField(path: string): FieldSemantics | undefined {
  const segments = path.replace(/\[\d*\]/g, '').trim().split('.');
  // the whole name, then its trailing runs of segments: a nested record's `record.FIRST_SWITCHED`
  for (let i = 0; i < segments.length; i++) {
    const name = segments.slice(i).join('.');
    for (const index of VOCABULARY.byFamily.values()) {
      const entry = spelledIn(index, name);
      if (entry !== undefined && entry.dimension === 'time' && !entry.unit.startsWith('epoch')) return entry;
    }
  }
  return undefined;
}

/** Whether a family spells this name or path (exactly, in another case, or as a dotted suffix). */
export function isKnownField(path: string): boolean {
  return !describeField(path).inferred;
}

/** First path segments that name the format the rest of the path comes from (Elastic's `suricata.*`, `zeek.*`, …). */
const NAMESPACES: ReadonlyMap<string, Family> = new Map([
  ['suricata', 'suricata-eve'], ['eve', 'suricata-eve'], ['zeek', 'zeek'], ['bro', 'zeek'], ['ecs', 'ecs'],
  ['goflow2', 'goflow2'], ['goflow', 'goflow2'], ['nprobe', 'nprobe'], ['ntopng', 'nprobe'], ['ipfix', 'ipfix'],
  ['cicflowmeter', 'cicflowmeter'], ['cic', 'cicflowmeter'], ['snort', 'snort'], ['fortinet', 'fortinet'], ['fortigate', 'fortinet'], ['fortios', 'fortinet'], ['nfdump', 'nfdump'], ['panos', 'panos'], ['pan', 'panos'],
]);

const REVERSE_ROLE: Readonly<Record<FieldSemantics['role'], FieldSemantics['role']>> = { source: 'destination', destination: 'source', client: 'server', server: 'client', either: 'destination' };

/**
 * An RFC 5103 reverse information element (bidirectional IPFIX, §6.1): "reverse" before an IPFIX
 * element's name with its first letter capitalised (reverseOctetDeltaCount) is that element counted in
 * the reverse direction, from the flow's destination.
 */
function reverseElement(name: string): FieldSemantics | undefined {
  const m = /^reverse([A-Z])(\w+)$/.exec(name);
  const forward = m ? VOCABULARY.byFamily.get('ipfix')?.exact.get(`${m[1]!.toLowerCase()}${m[2]}`) : undefined;
  if (forward === undefined) return undefined;
  return Object.freeze({
    ...forward, name, role: REVERSE_ROLE[forward.role],
    description: `${forward.description}, in the reverse direction (from the destination)`,
    source: `RFC 5103 (Bidirectional Flow Export Using IPFIX) §6.1, reverse information elements; ${forward.source}`,
  });
}

const spelledIn = (index: SpellingIndex, name: string): FieldSemantics | undefined => index.exact.get(name) ?? index.lower.get(name.toLowerCase());

function lookUp(path: string): FieldSemantics | null {
  // CIC-IDS2017 headers pad names with a space (" Flow Duration")
  const name = path.replace(/\[\d*\]/g, '').trim();
  const direct = spelledIn(VOCABULARY, name) ?? reverseElement(name);
  if (direct !== undefined) return direct;
  const segments = name.split('.');
  const namespace = NAMESPACES.get(segments[0]!.toLowerCase());
  const indexes = namespace === undefined ? [VOCABULARY] : [VOCABULARY.byFamily.get(namespace)!, VOCABULARY];
  for (const index of indexes) {
    for (let i = 1; i < segments.length; i++) {
      const hit = spelledIn(index, segments.slice(i).join('.'));
      if (hit !== undefined) return hit;
    }
  }
  return null;
}
