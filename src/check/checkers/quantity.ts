import { sharedMemo } from '../facts/shared-memo.ts';
import type { Claim, Judgement, NumberText } from '../claim.ts';
import { isWrapped, type DerivationBase } from '../facts/derive.ts';
import { closedSide, sideOfRow, derivationOf, derivedAt, derivedEvidence, derivedSet, type Derived, type DerivedSet } from '../facts/derived-set.ts';
import type { Dimension } from '../facts/dimension.ts';
import type { StatFact } from '../facts/stat-facts.ts';
import { statCandidate } from '../facts/stat-facts.ts';
import { memoised, rowsFor, shownValue, statsOf, stringRowContaining, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { keyDimension } from '../lexicon/key-dimension.ts';
import { describeField } from '../deps.ts';
import { numberMatches } from '../extract/number-text.ts';
import { candidateEvidence, rowEvidence, show } from './evidence.ts';
import { protocolRow } from './identity.ts';

const DERIVABLE: ReadonlySet<Dimension> = new Set(['bytes/s', 'bits/s', 'packets/s', 'bits', 'percent', 'ratio']);
/** A named mean ("average packet size", "mean bytes per packet") is a quotient of totals the table may give. */
const MEAN = /\b(?:average|mean|avg)\b|\bper\s+(?:packet|flow)\b/i;

/** Factor that turns a row's base value into the claim's dimension (bits/s vs bytes/s …); undefined when not comparable. */
function convert(claim: Dimension, row: Dimension): number | undefined {
  if (claim === row) return 1;
  if ((claim === 'bits/s' && row === 'bytes/s') || (claim === 'bits' && row === 'bytes')) return 8;
  if ((claim === 'bytes/s' && row === 'bits/s') || (claim === 'bytes' && row === 'bits')) return 1 / 8;
  if (claim === 'flows' && row === 'number') return 1;
  if (claim === 'bits' && row === 'entropy') return 1;
  return undefined;
}

/** Dimensions whose values are whole counts: a whole figure quoting one is exact, not within 1 %. */
const COUNTED: ReadonlySet<Dimension> = new Set(['packets', 'hops', 'flows', 'ports', 'addresses']);

function matchesRow(n: NumberText, row: FactRow): boolean {
  if (row.base === null) return false;
  // "The TTL was 64" against 63: a count written to its last digit is that count
  if (COUNTED.has(row.dim) && n.bound === undefined && n.halfStep === 0.5 && Number.isInteger(row.base) && (n.readings.length === 0 || n.readings.some((r) => r.dim === row.dim && r.factor === 1))) return n.value === row.base;
  if (n.readings.length === 0) return numberMatches(n, 1, row.value as number) || numberMatches(n, 1, row.base);
  for (const r of n.readings) {
    const k = convert(r.dim, row.dim);
    if (k !== undefined && numberMatches(n, r.factor, row.base * k)) return true;
  }
  return false;
}

/** The sentence's named rows that this table holds (no allocation when it holds them all). */
function heldKeys(keys: readonly string[], facts: TableFacts): readonly string[] {
  let all = true;
  for (const k of keys) if (!facts.rows.has(k)) all = false;
  if (all) return keys;
  const out: string[] = [];
  for (const k of keys) if (facts.rows.has(k)) out.push(k);
  return out;
}

/** A number with a unit or bound to a row: compared with the row, else with every value and derivation of its dimension. */
export function checkQuantity(claim: Claim<'quantity'>, facts: TableFacts): Judgement | null {
  const inBucket = facts.derivation.buckets.length > 0 ? bucketCount(claim, facts) : undefined;
  if (inBucket) return inBucket;
  const judged = judgeQuantity(partitiveWhole(claim), facts);
  if (judged === null || judged.verdict === 'supported') return judged;
  // "at least 15 unique ports" where a notice's message says so: the record's own text backs the figure as written
  const figure = quotedFigure(claim);
  const text = figure === undefined ? undefined : stringRowContaining(facts, figure);
  if (text) return { verdict: 'supported', evidence: rowEvidence([text]), reason: `The record's ${text.key} says "${figure}".` };
  // "12 packets were 128 bytes or less": the size a packet-size bucket the record counts is bounded by
  const bucket = saidAsBound(claim) ? bucketBound(claim.data.number, facts) : undefined;
  return bucket ? { verdict: 'supported', evidence: rowEvidence([bucket]), reason: `${show(claim.data.number.value)} bytes is a bound of ${bucket.key}.` } : judged;
}

/** A size range said right after a count of packets: "between 128 and 256 (bytes)", "up to 128 bytes", "128 bytes or smaller". */
const SIZE_RANGE_AFTER = /^(?:\s+packets?)?(?:\s+(?:were|was|are|fell|fall|sat|of))?\s+(?:(?:between|from)\s+(\d{2,4})\s+(?:and|to)\s+(\d{2,4})|(\d{2,4})\s*[-–]\s*(\d{2,4})\s+bytes|(?:up\s+to|at\s+most|under|below)\s+(\d{2,4})\s+bytes|(\d{2,4})\s+bytes\s+or\s+(?:less|smaller|fewer))\b/i;

/** "14 of the 21 packets were up to 128 bytes": the whole is not the bucket the part is said of, so it keeps no bucket's name. */
function partitiveWhole(claim: Claim<'quantity'>): Claim<'quantity'> {
  const { mention } = claim.data;
  if (!mention || !mention.keys.every((k) => k.startsWith('NUM_PKTS_'))) return claim;
  if (!isPartitive(claim)) return claim;
  const { mention: _part, ...data } = claim.data;
  return { ...claim, data };
}

const PARTITIVE_BEFORE = /\b(?:of|out\s+of|among)\s+(?:the\s+|all\s+|its\s+|their\s+)?$/i;

/** "14 of the 21 packets": the figure is a whole a part is taken from. */
function isPartitive(claim: Claim<'quantity'>): boolean {
  const { text, start } = claim.sentence;
  return PARTITIVE_BEFORE.test(text.slice(Math.max(0, claim.start - start - 24), claim.start - start));
}

/** The byte range a size bucket's key names: NUM_PKTS_UP_TO_128_BYTES is up to 128, NUM_PKTS_128_TO_256_BYTES 128 to 256. */
const BUCKET_RANGE = /(?:^|_)(?:UP_TO_(\d+)|(\d+)_TO_(\d+)|OVER_(\d+))(?:_|$)/i;
function bucketRange(key: string): { low?: number; high?: number } {
  const m = BUCKET_RANGE.exec(key);
  if (!m) return {};
  return m[1] !== undefined ? { high: Number(m[1]) } : m[4] !== undefined ? { low: Number(m[4]) } : { low: Number(m[2]), high: Number(m[3]) };
}

/**
 * "14 packets were up to 128 bytes, 3 between 128 and 256": a count of packets with the size range of
 * a bucket the record counts (nProbe NUM_PKTS_128_TO_256_BYTES) is that bucket's count, not a sum of others.
 */
function bucketCount(claim: Claim<'quantity'>, facts: TableFacts): Judgement | undefined {
  const n = claim.data.number;
  // a count of packets, or a bare figure of a list of bucket counts ("14 packets were up to 128 bytes, 3 between 128 and 256")
  const packets = n.readings.length > 0 ? n.readings.every((r) => r.dim === 'packets') : claim.data.mention?.keys.some((k) => k.startsWith('NUM_PKTS_')) === true;
  if (!Number.isInteger(n.value) || !packets) return undefined;
  // "7 of the 9 packets were up to 128 bytes": the whole a part is taken from is no bucket's count
  if (isPartitive(claim)) return undefined;
  const { text, start } = claim.sentence;
  const m = SIZE_RANGE_AFTER.exec(text.slice(claim.end - start, claim.end - start + 48));
  if (!m) return undefined;
  const low = m[1] ?? m[3];
  const high = m[2] ?? m[4];
  const upTo = m[5] ?? m[6];
  const bucket = facts.derivation.buckets.find((r) => {
    const range = bucketRange(r.key);
    return upTo !== undefined ? range.low === undefined && range.high === Number(upTo) : range.low === Number(low) && range.high === Number(high);
  });
  if (!bucket) return undefined;
  const range = upTo !== undefined ? `up to ${upTo} bytes` : `${low} to ${high} bytes`;
  if (n.value === bucket.base) return { verdict: 'supported', evidence: rowEvidence([bucket]), reason: `${bucket.key} is ${show(bucket.value)}: packets of ${range}.` };
  // fewer may be one side's packets of the bucket, which counts both sides: judged as any other count
  if (n.value < bucket.base!) return undefined;
  return { verdict: 'contradicted', evidence: rowEvidence([bucket]), reason: `${bucket.key} is ${show(bucket.value)}: the record counts fewer packets of ${range} than ${show(n.value)}.` };
}

/** "128 bytes or less", "up to 256 bytes", "under 512 bytes": a figure said as a limit, not an amount. */
const BOUND_AFTER = /^\s*(?:or|and)\s+(?:less|smaller|fewer|under|below|more|larger|bigger|above|over|up)\b/i;
const BOUND_BEFORE = /\b(?:up\s+to|at\s+most|no\s+more\s+than|no\s+larger\s+than|smaller\s+than|larger\s+than|bigger\s+than|less\s+than|more\s+than)\s*$/i;

function saidAsBound(claim: Claim<'quantity'>): boolean {
  if (claim.data.number.bound === 'over' || claim.data.number.bound === 'under') return true;
  const { text, start } = claim.sentence;
  return BOUND_AFTER.test(text.slice(claim.end - start, claim.end - start + 16)) || BOUND_BEFORE.test(text.slice(Math.max(0, claim.start - start - 20), claim.start - start));
}

/** The size bucket (NUM_PKTS_128_TO_256_BYTES …) a byte figure is a bound of, when it is one. */
function bucketBound(n: NumberText, facts: TableFacts): FactRow | undefined {
  if (!n.readings.some((r) => r.dim === 'bytes' && r.factor === 1) || !Number.isInteger(n.value)) return undefined;
  return facts.derivation.buckets.find((r) => {
    const range = bucketRange(r.key);
    return range.low === n.value || range.high === n.value;
  });
}

/** The figure and its unit as written (from the first digit), when it has a unit word to match in a text. */
function quotedFigure(claim: Claim<'quantity'>): string | undefined {
  const { sentence } = claim;
  const written = sentence.text.slice(claim.start - sentence.start, claim.end - sentence.start);
  const from = written.search(/\d/);
  const figure = from < 0 ? '' : written.slice(from);
  return /\d[\d,.]*\s*[A-Za-z%]/.test(figure) ? figure : undefined;
}

/** A sentence about an exporter's uptime: "86,234,111 ms of uptime", "24 hours after the router booted", "FIRST_SWITCHED is …". */
const UPTIME_WORDS = /\b(?:uptime|boot(?:ed|ing)?|up\s+for|(?:FIRST|LAST)_SWITCHED|sys_?up_?time)\b/i;

/** An exporter's uptime stamp (ms since it started) quoted as the time since it started; said of the flow's length, it is no duration. */
function uptimeStamp(n: NumberText, facts: TableFacts): Judgement | undefined {
  for (const reading of n.readings) {
    if (reading.dim !== 'time') continue;
    for (const r of facts.rows.values()) {
      if (r.dim === 'instant' && r.unit === 'ms' && typeof r.value === 'number' && r.value > 0 && numberMatches(n, reading.factor, r.value)) {
        return { verdict: 'supported', evidence: rowEvidence([r]), reason: `${r.key} is ${show(r.value)} ms of the exporter's uptime.` };
      }
    }
  }
  return undefined;
}

function judgeQuantity(claim: Claim<'quantity'>, facts: TableFacts): Judgement | null {
  const { number: n, mention, qualifier, side } = claim.data;
  if (claim.data.occurrences) return checkOccurrences(n, facts);
  if (claim.data.messages && !oneMessagePerPacket(facts)) return claim.data.message === undefined ? null : checkMessageCount(n, claim.data.message, facts);
  if (claim.data.initial && mention) return checkInitialTtl(n, rowsFor(facts, mention.keys));
  if (qualifier) return checkStat(n, qualifier, facts);
  // "about 2.7 times its baseline median": a figure relative to a statistic the sentence names
  if (n.readings.some((r) => r.dim === 'ratio') && STAT_NAMED.test(claim.sentence.text)) {
    const relative = relativeToStat(n, statsOf(facts), facts);
    if (relative) return relative;
  }
  if (claim.data.payload) {
    const judged = checkPayloadBytes(n, facts, side);
    if (judged) return judged;
  }
  const uptime = UPTIME_WORDS.test(claim.sentence.text) ? uptimeStamp(n, facts) : undefined;
  if (uptime) return uptime;
  const context = heldKeys(claim.data.context, facts);
  if (mention) {
    const named = rowsFor(facts, mention.keys);
    // a wrapped counter backs a quote of its own raw figure, never a reading of it as a duration or size
    const quoted = named.find((r) => isWrapped(r) && quotesRaw(n, r));
    if (quoted) return { verdict: 'supported', evidence: rowEvidence([quoted]), reason: `${quoted.key} is ${shownValue(facts, quoted)} (a wrapped exporter counter, not a true ${quoted.unit === 'ms' ? 'duration' : 'count'}).` };
    const rows = named.filter((r) => !isWrapped(r));
    if (rows.length === 0) {
      // a rate, or a duration the record gives as start and end times, is derived rather than read
      if (n.readings.some((r) => DERIVABLE.has(r.dim) || r.dim === 'time') || MEAN.test(mention.phrase)) return searchCandidates(n, facts, context, side);
      // a bare figure after a rate's name ("the packet rate is 46,512") is read in the rate's dimension: another schema's row may hold it (CICFlowMeter's Flow Packets/s)
      const rates = [...new Set(mention.keys.map(keyDimension))].filter((d) => DERIVABLE.has(d) && d !== 'ratio' && d !== 'percent');
      if (n.readings.length === 0 && rates.length > 0) {
        const found = searchCandidates({ ...n, readings: rates.map((dim) => ({ dim, factor: 1 })) }, facts, context, side);
        if (found.verdict === 'supported') return found;
      }
      return { verdict: 'unsupported', hedgeable: false, reason: `The table has no ${mention.phrase} row to back this value.` };
    }
    const judged = checkBound(n, rows, facts);
    if (judged) return judged;
  }
  return searchCandidates(n, facts, context, side);
}

/** The figure as the text gives it: "52 bytes", "between 40 and 60 bytes". */
function said(n: NumberText): string {
  const unit = n.unit ? ` ${n.unit}` : '';
  return n.range ? `between ${show(n.range[0])} and ${show(n.range[1])}${unit}` : `${show(n.value)}${unit}`;
}

/** The starting TTLs operating systems use (Linux and macOS 64, Windows 128, network gear 255, some old stacks 32 and 60). */
const INITIAL_TTLS = [32, 60, 64, 128, 255];

/**
 * "An initial TTL of 64": the sender started at a common default and the hops since took it down to
 * the TTL seen, so the claim holds when the value is such a default and the nearest one at or above
 * the TTL seen.
 */
function checkInitialTtl(n: NumberText, rows: readonly FactRow[]): Judgement | null {
  const seen = rows.find((r) => typeof r.value === 'number');
  if (!seen) return null;
  const observed = seen.value as number;
  const start = INITIAL_TTLS.find((t) => t >= observed);
  const ev = rowEvidence([seen], `common initial TTLs ${INITIAL_TTLS.join(', ')}; the nearest at or above ${observed} is ${start ?? 'none'}`);
  return n.value === start
    ? { verdict: 'supported', evidence: ev, reason: `${seen.key} is ${observed}: a sender starting at ${start} fits.` }
    : { verdict: 'contradicted', evidence: ev, reason: `${seen.key} is ${observed}: the nearest common initial TTL at or above it is ${start ?? 'none'}, not ${show(n.value)}.` };
}

/**
 * "About 10 hops away": a hop count is read from a TTL as the nearest common initial TTL at or above
 * it minus the TTL seen (64 − 54 = 10); any TTL row of the record may be the one meant.
 */
const MAX_HOPS = 40;

function hopsFromTtl(n: NumberText, facts: TableFacts): Judgement | undefined {
  for (const row of facts.rows.values()) {
    if (row.dim !== 'hops' || typeof row.value !== 'number') continue;
    const seen = row.value;
    // any common starting TTL above the one seen, within a path length the Internet has (at most 40 hops)
    const start = INITIAL_TTLS.find((t) => t >= seen && t - seen <= MAX_HOPS && numberMatches(n, 1, t - seen));
    if (start !== undefined) {
      return { verdict: 'supported', evidence: rowEvidence([row], `${start} (a common initial TTL) − ${seen} = ${start - seen} hops`), reason: `${row.key} is ${seen}: ${start - seen} hops from a sender starting at ${start}.` };
    }
  }
  return undefined;
}

/** A count against the rows that count it: the one that holds it, else all of them against it; undefined when there are none. */
function countedBy(n: NumberText, rows: readonly FactRow[]): Judgement | undefined {
  const hit = rows.find((r) => countMatches(n, r.value as number));
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${show(hit.value)}.` };
  if (rows.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(rows), reason: `${rows.map((r) => `${r.key} is ${show(r.value)}`).join(', ')}, not ${show(n.value)}.` };
  return undefined;
}

const numericRows = (facts: TableFacts, keep: (row: FactRow) => boolean): FactRow[] => [...facts.rows.values()].filter((r) => typeof r.value === 'number' && keep(r));

/**
 * A count of an application's messages where a message is no packet (over TCP): backed only by a
 * field that counts them (its key names the message: `request_count`, `trans_depth` does not), or
 * by a field the vocabulary calls a count that holds it (Zeek notice's n: "seen in 30 connections").
 */
function checkMessageCount(n: NumberText, message: string, facts: TableFacts): Judgement {
  const judged = countedBy(n, numericRows(facts, (r) => keyTokens(r.key).some((t) => t === message || t === `${message}s`)));
  if (judged) return judged;
  const counts = numericRows(facts, (r) => describeField(r.key, r.value).dimension === 'count');
  const count = counts.find((r) => countMatches(n, r.value as number));
  if (count) return { verdict: 'supported', evidence: rowEvidence([count]), reason: `${count.key} counts ${show(count.value)}: ${count.description || 'a count of the record'}.` };
  // "213 failed attempts" where the record counts 186 of one kind and 27 of another
  const pair = countPair(n, counts);
  if (pair) return { verdict: 'supported', evidence: rowEvidence(pair), reason: `Derived: ${pair[0].key} + ${pair[1].key} = ${show(n.value)}.` };
  return { verdict: 'unsupported', hedgeable: true, reason: `The record does not count ${message}s: over this transport ${/^[aeiou]/.test(message) ? 'an' : 'a'} ${message} is not one packet.` };
}

/** A count against a counted value: exact when written out in full ("213", not "about 200" or "1,000"), as exactCount reads it. */
function countMatches(n: NumberText, value: number): boolean {
  return exactCount(n, 1) && Number.isInteger(value) ? n.value === value : numberMatches(n, 1, value);
}

/** Two count fields whose sum is the figure. */
function countPair(n: NumberText, counts: readonly FactRow[]): [FactRow, FactRow] | undefined {
  for (let i = 0; i < counts.length; i++) for (let j = i + 1; j < counts.length; j++) if (countMatches(n, (counts[i]!.value as number) + (counts[j]!.value as number))) return [counts[i]!, counts[j]!];
  return undefined;
}

/** Keys of fields that count how often something happened: Wazuh's rule.firedtimes, a hit count, an event count. */
export const OCCURRENCE_KEY = /times|count|hits|occurrence|attempt|repeat/i;

/** "The rule fired 8 times": against a field that counts occurrences; one record shows no other count. */
function checkOccurrences(n: NumberText, facts: TableFacts): Judgement {
  return countedBy(n, numericRows(facts, (r) => OCCURRENCE_KEY.test(r.key))) ?? { verdict: 'unsupported', reason: 'The record counts no occurrences: it does not show how often this happened.' };
}

/** UDP and ICMP carry one request or reply per packet; over TCP a count of messages is no count of packets. */
function oneMessagePerPacket(facts: TableFacts): boolean {
  const protocol = protocolRow(facts)?.number;
  return protocol === 17 || protocol === 1 || protocol === 58;
}

/** The number is the row's raw value as written, in the row's own unit (no conversion). */
function quotesRaw(n: NumberText, row: FactRow): boolean {
  return (n.readings.length === 0 || n.readings.some((r) => r.factor === 1 && r.dim === row.dim)) && numberMatches(n, 1, row.value as number);
}

function checkBound(n: NumberText, rows: readonly FactRow[], facts: TableFacts): Judgement | undefined {
  let hit: FactRow | undefined;
  for (const r of rows) if (matchesRow(n, r)) { hit = r; break; }
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${shownValue(facts, hit)}${hit.unit ? ` ${hit.unit}` : ''}.` };
  const nullRow = rows.find((r) => r.value === null);
  if (nullRow && rows.every((r) => r.value === null)) {
    return { verdict: 'contradicted', evidence: rowEvidence([nullRow]), reason: `${nullRow.key} is null (not applicable): ${nullRow.description}.` };
  }
  const numeric = rows.filter((r) => r.base !== null);
  if (numeric.length === 0) return undefined;
  const comparable = n.readings.length === 0 || numeric.some((r) => n.readings.some((x) => convert(x.dim, r.dim) !== undefined));
  const row = numeric[0]!;
  if (!comparable) {
    if (numberMatches(n, 1, row.value as number)) {
      return { verdict: 'contradicted', evidence: rowEvidence([row]), reason: `${row.key} is ${show(row.value)} ${row.unit || '(no unit)'}, not ${n.unit}.` };
    }
    return undefined;
  }
  const other = [...facts.rows.values()].find((r) => !rows.includes(r) && r.dim !== 'code' && matchesRow(n, r));
  if (other) {
    return { verdict: 'contradicted', evidence: rowEvidence([row, other]), reason: `${row.key} is ${show(row.value)}; ${n.range ? `${said(n)} holds` : `${show(n.value)} is`} the value of ${other.key}.` };
  }
  return { verdict: 'contradicted', evidence: rowEvidence([row]), reason: `${row.key} is ${show(row.value)}${row.unit ? ` ${row.unit}` : ''}, not ${said(n)}.` };
}

/**
 * Whether a search may use the derived value: not a single row of the other direction than the
 * text says; with `named` (the sentence's rows), only one built from a row the sentence names.
 */
function inScope(d: Derived, side: 'in' | 'out' | undefined, named: readonly string[] | undefined): boolean {
  if (side !== undefined) {
    const closed = closedSide(d);
    if (closed === side || closed === 'both') return false;
  }
  if (named === undefined) return true;
  for (const k of d.keys) if (named.includes(k)) return true;
  return false;
}

function firstInScope(base: DerivationBase, set: DerivedSet, side: 'in' | 'out' | undefined, named: readonly string[] | undefined): Derived | undefined {
  for (let i = 0, d = derivedAt(base, set, 0); d; d = derivedAt(base, set, ++i)) if (inScope(d, side, named)) return d;
  return undefined;
}

function firstMatch(base: DerivationBase, set: DerivedSet, n: NumberText, factor: number, side: 'in' | 'out' | undefined, named: readonly string[] | undefined): Derived | undefined {
  const exact = exactCount(n, factor);
  for (let i = 0, d = derivedAt(base, set, 0); d; d = derivedAt(base, set, ++i)) {
    const matches = exact && Number.isInteger(d.value) ? d.value === n.value : numberMatches(n, factor, d.value);
    if (matches && inScope(d, side, named)) return d;
  }
  return undefined;
}

/**
 * A count written out in full ("447 bytes", "1,893,344 bytes"), with no "about" and not rounded to
 * a round number: against a whole number the table gives (a row, a sum, 280 bytes over 5 packets) it
 * must be that number, not one within the slack kept for rounding a fraction (so a miscopied digit,
 * "1,893,434", is caught).
 */
function exactCount(n: NumberText, factor: number): boolean {
  return factor === 1 && n.bound === undefined && n.range === undefined && n.halfStep === 0.5 && Number.isInteger(n.value) && n.value >= 10 && n.value % 10 !== 0;
}

/** The first value of any side that matches the number: what a claim that named the wrong side was reading. */
function matchOnAnySide(base: DerivationBase, n: NumberText): Derived | undefined {
  for (const reading of n.readings) {
    const found = firstMatch(base, derivedSet(base, reading.dim), n, reading.factor, undefined, undefined);
    if (found) return found;
  }
  return undefined;
}

/**
 * Search the table's values and derivations for the number. When the text says who sent it, a
 * single row of the other direction does not count; when the sentence names rows, candidates
 * built from them are tried alone first, and if there are any, nothing else is.
 */
function searchCandidates(n: NumberText, facts: TableFacts, context: readonly string[] = [], side?: 'in' | 'out'): Judgement {
  const base = facts.derivation;
  let nearest: Derived | undefined;
  for (const reading of n.readings) {
    const set = derivedSet(base, reading.dim);
    const named = context.length > 0 && firstInScope(base, set, side, context) !== undefined ? context : undefined;
    const found = firstMatch(base, set, n, reading.factor, side, named);
    if (found) {
      const derivation = derivationOf(found);
      // a value read straight from a row (no derivation) has that one numeric row
      const reason = derivation !== undefined ? `Derived: ${derivation}.` : `${found.keys[0]} is ${shownValue(facts, found.rows[0]!)}.`;
      return { verdict: 'supported', evidence: derivedEvidence(found, derivation), reason };
    }
    nearest ??= firstInScope(base, set, side, named);
  }
  if (!nearest) {
    // "two hosts" are the flow's ends; "two addresses" may be a DNS answer's, which the ends are not
    const hosts = /^hosts?$/i.test(n.unit ?? '') ? flowHosts(facts) : [];
    if (hosts.length > 0 && numberMatches(n, 1, hosts.length)) return { verdict: 'supported', evidence: rowEvidence(hosts), reason: `The flow is between ${hosts.length === 1 ? 'one host' : `${hosts.length} hosts`}: ${hosts.map((r) => String(r.value)).join(' and ')}.` };
    const what = n.readings[0]?.dim ?? 'number';
    return { verdict: 'unsupported', hedgeable: false, reason: `The table gives no ${what} value this figure could come from.` };
  }
  const hops = n.readings.some((r) => r.dim === 'hops') ? hopsFromTtl(n, facts) : undefined;
  if (hops) return hops;
  const evidence = derivedEvidence(nearest, derivationOf(nearest));
  const otherSide = side === undefined ? undefined : matchOnAnySide(base, n);
  if (otherSide) return { verdict: 'contradicted', evidence: derivedEvidence(otherSide, derivationOf(otherSide)), reason: `${said(n)} is ${otherSide.keys.join(' and ')}, which counts the other side of the flow than the text says.` };
  return { verdict: 'contradicted', evidence, reason: `No table value or derivation of this dimension is ${said(n)}; e.g. ${evidence.rows.join(', ')} gives ${show(nearest.value)}.` };
}

const STAT_WORDS: ReadonlyArray<[RegExp, string]> = [[/median/, 'median'], [/p9|p50/, 'p99'], [/percentile/, 'percentile'], [/contribut/, 'contribution'], [/rank/, 'rank'], [/threshold/, 'threshold'], [/window/, 'window']];

function statMatches(n: NumberText, s: StatFact): boolean {
  if (n.readings.length === 0) return numberMatches(n, 1, s.value);
  for (const r of n.readings) if (numberMatches(n, r.factor, s.value)) return true;
  return false;
}

/** The statistic word a qualifier asks for ('' for any), by qualifier as written: qualifiers repeat. */
const statWordOf = sharedMemo((qualifier: string): string => STAT_WORDS.find(([re]) => re.test(qualifier))?.[1] ?? '', 1_000);

/** A figure quoted as a median, p99, percentile, rank …: the statistics of that kind first, then any. */
function checkStat(n: NumberText, qualifier: string, facts: TableFacts): Judgement {
  const wanted = statWordOf(qualifier);
  const stats = statsOf(facts);
  let first: StatFact | undefined;
  let hit: StatFact | undefined;
  for (const s of stats) {
    if (!(s.label.includes(wanted) || (wanted === 'rank' && s.label.includes('flows scored')))) continue;
    first ??= s;
    if (statMatches(n, s)) {
      hit = s;
      break;
    }
  }
  // a statistic of the kind asked for that the table holds answers alone ("rank 1" is not a contribution of 1.1),
  // save a percentile with a unit: "the 99th percentile (420 bytes)" quotes the value at it, a p99 or a median
  const alone = first !== undefined && !(wanted === 'percentile' && n.readings.some((r) => r.dim !== 'percent'));
  if (!hit && !alone) for (const s of stats) if (statMatches(n, s)) { hit = s; break; }
  if (hit) return { verdict: 'supported', evidence: candidateEvidence(statCandidate(hit)), reason: `${hit.label} is ${show(hit.raw)}.` };
  const relative = relativeToStat(n, stats, facts);
  if (relative) return relative;
  // "a reputation score of 50", "a risk score of 73": a field the record names so (FortiGate's crscore, ECS event.risk_score)
  const named = rowsCalled(facts, wanted === '' ? qualifier.replace(/d$/, '') : wanted);
  const row = named.find((r) => matchesRow(n, r));
  if (row) return { verdict: 'supported', evidence: rowEvidence([row]), reason: `${row.key} is ${shownValue(facts, row)}.` };
  if (stats.length === 0 && named.length > 0) return { verdict: 'contradicted', evidence: rowEvidence(named), reason: `${named.map((r) => `${r.key} is ${shownValue(facts, r)}`).join(', ')}, not ${said(n)}.` };
  if (stats.length === 0) return { verdict: 'unsupported', reason: `The table gives no ${qualifier} figures.` };
  const near = first ?? stats[0]!;
  return { verdict: 'contradicted', evidence: candidateEvidence(statCandidate(near)), reason: `No ${qualifier} figure in the table is ${show(n.value)}; e.g. ${near.label} is ${show(near.raw)}.` };
}

/** The numeric rows whose key or description has the word ("score": crscore, described "Client reputation score", or risk_score). */
function rowsCalled(facts: TableFacts, word: string): FactRow[] {
  const byWord = memoised(facts, 'rows-called', newRowsCalledIndex);
  let rows = byWord.get(word);
  if (rows === undefined) byWord.set(word, (rows = findRowsCalled(facts, word)));
  return rows;
}

function newRowsCalledIndex(): Map<string, FactRow[]> {
  return new Map();
}

function findRowsCalled(facts: TableFacts, word: string): FactRow[] {
  return [...facts.rows.values()].filter((r) => r.base !== null && r.dim !== 'code' && (keyTokens(r.key).includes(word) || r.key.toLowerCase().endsWith(word) || r.description.toLowerCase().split(/\W+/).includes(word)));
}

/** A sentence that names a baseline statistic or the threshold. */
const STAT_NAMED = /\b(?:median|p99|baseline|threshold|typical)\b/i;

/**
 * A figure relative to a statistic: the value it belongs to over it ("2.7 times its baseline median")
 * or above it ("exceeds the threshold by 2.8"), for the medians, p99s and the score's threshold.
 */
function relativeToStat(n: NumberText, stats: readonly StatFact[], facts: TableFacts): Judgement | undefined {
  const ratio = n.readings.some((r) => r.dim === 'ratio');
  for (const s of stats) {
    if (!/median|p99|threshold/.test(s.label) || s.raw === 0) continue;
    const own = s.key === 'score.threshold' ? facts.table.score?.value : facts.rows.get(s.key)?.value;
    if (typeof own !== 'number') continue;
    const value = ratio ? own / s.raw : own - s.raw;
    if (numberMatches(n, 1, value)) {
      const owner = s.key === 'score.threshold' ? 'score' : s.key;
      return { verdict: 'supported', evidence: { rows: [owner, s.key], values: [own, s.raw], derivation: `${owner} ${ratio ? '/' : '−'} ${s.label} = ${show(value)}` }, reason: `Derived: ${owner} (${show(own)}) ${ratio ? '/' : '−'} ${s.label} (${show(s.raw)}) = ${show(value)}.` };
    }
  }
  return undefined;
}

/** TTL claims about the field's range: it is 8 bits, so at most 255. */
export function checkValueRange(claim: Claim<'value-range'>, facts: TableFacts): Judgement {
  const rows = rowsFor(facts, claim.data.mention.keys);
  const ev = rows.length > 0 ? rowEvidence(rows, 'IP TTL is an 8-bit field: 0–255') : { rows: ['TTL'], values: [255], derivation: 'IP TTL is an 8-bit field: 0–255' };
  if (claim.data.value === 255) return { verdict: 'supported', evidence: ev, reason: 'The IP TTL field is 8 bits, so 255 is its maximum.' };
  return { verdict: 'contradicted', evidence: ev, reason: `The IP TTL field is 8 bits, so its maximum is 255, not ${claim.data.value}.` };
}

/** Byte rows that count the application payload, by name or by what the vocabulary says of them (Zeek orig_bytes, CICFlowMeter TotLen Fwd Pkts). */
function payloadRows(facts: TableFacts): FactRow[] {
  return [...facts.rows.values()].filter((r) => r.dim === 'bytes' && r.base !== null && (keyTokens(r.key).includes('payload') || /^(?:total\s+)?payload bytes\b/i.test(r.description)));
}

/**
 * "180 bytes of payload": where the record counts payload apart from IP bytes, only the payload
 * rows (of the side the text names) back the figure; IP-level bytes (orig_ip_bytes) are another
 * count. undefined where the record has no payload row, so any byte total is tried as before.
 */
function checkPayloadBytes(n: NumberText, facts: TableFacts, side: 'in' | 'out' | undefined): Judgement | undefined {
  const all = memoised(facts, 'payload-rows', payloadRows);
  const rows = side === undefined ? all : all.filter((r) => sideOfRow(r.key, r.value) !== (side === 'in' ? 'out' : 'in'));
  if (rows.length === 0) return undefined;
  const hit = rows.find((r) => matchesRow(n, r));
  if (hit) return { verdict: 'supported', evidence: rowEvidence([hit]), reason: `${hit.key} is ${shownValue(facts, hit)} payload bytes.` };
  const other = [...facts.rows.values()].find((r) => r.dim === 'bytes' && !rows.includes(r) && matchesRow(n, r));
  const shown = rows.map((r) => `${r.key} is ${shownValue(facts, r)}`).join(', ');
  return {
    verdict: 'contradicted',
    evidence: rowEvidence(other ? [...rows, other] : rows),
    reason: other ? `${shown} payload bytes; ${show(n.value)} is ${other.key}, which counts more than the payload.` : `${shown} payload bytes, not ${said(n)}.`,
  };
}

/** The flow's distinct end addresses: a record of one flow is between these hosts. */
function flowHosts(facts: TableFacts): FactRow[] {
  const out: FactRow[] = [];
  for (const r of [...facts.endpoints.addresses.src.slice(0, 1), ...facts.endpoints.addresses.dst.slice(0, 1)]) {
    if (typeof r.value === 'string' && !out.some((o) => o.value === r.value)) out.push(r);
  }
  return out;
}
