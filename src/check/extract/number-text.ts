import type { Dimension } from '../facts/dimension.ts';
import type { NumberText } from '../claim.ts';

type Reading = { dim: Dimension; factor: number };
const r = (dim: Dimension, factor: number): Reading => ({ dim, factor });
const dec = (dim: Dimension, k: number): Reading[] => [r(dim, k)];
const both = (dim: Dimension, d: number, b: number): Reading[] => [r(dim, d), r(dim, b)];

/** Unit words → base-unit readings. KB/MB/GB read as decimal or binary (models use both). */
const UNITS: ReadonlyArray<[RegExp, Reading[]]> = [
  [/^(?:bytes?|B|octets?)$/i, dec('bytes', 1)],
  [/^(?:KB|kB|kilobytes?)$/, both('bytes', 1e3, 1024)],
  [/^(?:MB|megabytes?)$/, both('bytes', 1e6, 1024 ** 2)],
  [/^(?:GB|gigabytes?)$/, both('bytes', 1e9, 1024 ** 3)],
  [/^KiB$/, dec('bytes', 1024)],
  [/^MiB$/, dec('bytes', 1024 ** 2)],
  [/^GiB$/, dec('bytes', 1024 ** 3)],
  [/^(?:bits?)$/i, dec('bits', 1)],
  [/^(?:Kb|kbit|kilobits?)$/, both('bits', 1e3, 1024)],
  [/^(?:Mb|Mbit|megabits?)$/, both('bits', 1e6, 1024 ** 2)],
  [/^(?:Gb|Gbit|gigabits?)$/, both('bits', 1e9, 1024 ** 3)],
  [/^(?:bps|bits? ?(?:\/ ?s|per second))$/, dec('bits/s', 1)],
  [/^(?:Kbps|kbps|kb\/s|Kb\/s|kbit\/s|Kbit\/s|kilobits per second)$/, both('bits/s', 1e3, 1024)],
  [/^(?:Mbps|Mb\/s|Mbit\/s|megabits per second)$/, both('bits/s', 1e6, 1024 ** 2)],
  [/^(?:Gbps|Gb\/s|Gbit\/s|gigabits per second)$/, both('bits/s', 1e9, 1024 ** 3)],
  [/^(?:B\/s|bytes? ?(?:\/ ?s|per second|\/sec))$/, dec('bytes/s', 1)],
  [/^(?:KB\/s|kB\/s|KBps|kilobytes per second|[Kk]B ?(?:per second|\/sec))$/, both('bytes/s', 1e3, 1024)],
  [/^KiB ?(?:\/s|per second|\/sec)$/, dec('bytes/s', 1024)],
  [/^MiB ?(?:\/s|per second|\/sec)$/, dec('bytes/s', 1024 ** 2)],
  [/^(?:MB\/s|MBps|megabytes per second|MB ?(?:per second|\/sec))$/, both('bytes/s', 1e6, 1024 ** 2)],
  [/^(?:GB\/s|GB ?(?:per second|\/sec))$/, both('bytes/s', 1e9, 1024 ** 3)],
  [/^(?:packets?|pkts?) ?(?:\/ ?s|per second)$|^pps$/i, dec('packets/s', 1)],
  [/^(?:packets?|pkts?|segments?)$/i, dec('packets', 1)],
  [/^(?:ms|msec|milliseconds?)$/i, dec('time', 1)],
  [/^(?:µs|us|microseconds?)$/i, dec('time', 1e-3)],
  [/^(?:s|sec|secs|seconds?)$/i, dec('time', 1e3)],
  [/^(?:min|mins|minutes?)$/i, dec('time', 6e4)],
  [/^(?:h|hrs?|hours?)$/i, dec('time', 3.6e6)],
  [/^days?$/i, dec('time', 8.64e7)],
  [/^(?:%|percent|per ?cent)$/i, dec('percent', 1)],
  [/^(?:flows?|connections?|sessions?)$/i, dec('flows', 1)],
  [/^(?:ports?)$/i, dec('ports', 1)],
  [/^(?:addresses|hosts|destinations|sources|IPs)$/i, dec('addresses', 1)],
  [/^(?:hops)$/i, dec('hops', 1)],
  [/^(?:times|x|×|fold)$/i, dec('ratio', 1)],
];

/**
 * One regex for a number with its hedge and unit. Bounded quantifiers and no nested repetition:
 * linear on any input (no catastrophic backtracking).
 */
export const NUMBER_RE = new RegExp(
  String.raw`(?<![\w.:/-])(\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?:\.(\d{1,12}))?(?![\d.]\d)` +
    String.raw`(?:(?:\s{0,2}|-)(` +
    String.raw`bytes? ?(?:\/ ?s|per second|\/sec)|[KkMG]i?B ?(?:per second|\/sec)|bits? ?(?:\/ ?s|per second)|(?:packets?|pkts?) ?(?:\/ ?s|per second)|kilobits per second|megabits per second|gigabits per second|kilobytes per second|megabytes per second|` +
    String.raw`Kbps|kbps|Mbps|Gbps|bps|pps|KBps|MBps|[kKMG]b\/s|[kKMG]bit\/s|[KkMG]B\/s|B\/s|KiB|MiB|GiB|KB|kB|MB|GB|Kb|Mb|Gb|kbit|Mbit|Gbit|` +
    String.raw`kilobytes?|megabytes?|gigabytes?|kilobits?|megabits?|gigabits?|bytes?|octets?|bits?|B|packets?|pkts?|segments?|milliseconds?|msec|ms|microseconds?|µs|us|seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|h|%|percent|flows?|connections?|sessions?|ports?|addresses|hosts|destinations|sources|IPs|hops|times|fold|x|×` +
    String.raw`)(?![\w/]))?`,
  'g',
);

const HEDGE_WORDS = new Set(['about', 'approximately', 'approx', 'approx.', 'around', 'roughly', 'nearly', 'almost', 'some', '~', '≈', 'over', 'above', 'exceeding', 'under', 'below']);
const HEDGE_PAIRS = new Set(['close to', 'more than', 'at least', 'less than', 'at most', 'just under', 'just over']);

/** A-Z, a-z or '.' (for "approx."). */
const isWordChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;

/** Words a pair ends with ("more than", "at least", "just under"). */
const PAIR_ENDS = new Set([...HEDGE_PAIRS].map((p) => p.split(' ')[1]!));
/** Last letters (lower case) of every hedge word and pair end: any other word before a number is no hedge. */
const HEDGE_LAST = new Set([...HEDGE_WORDS, ...PAIR_ENDS].map((w) => w.charCodeAt(w.length - 1)));
const LONGEST_HEDGE = Math.max(...[...HEDGE_WORDS, ...HEDGE_PAIRS].map((w) => w.length));

/**
 * The word (or tilde) right before `from`, scanning back over spaces: a hand-rolled, allocation-light
 * lookbehind. Gives [start, end), or undefined.
 */
function wordBefore(text: string, from: number): [number, number] | undefined {
  let end = from;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === from - 3 || end === 0) return undefined;
  const last = text[end - 1]!;
  if (last === '~' || last === '≈') return [end - 1, end];
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return start === end ? undefined : [start, end];
}

/** The hedge or bound written right before a number ("about", "~", "more than"), and where it starts. */
export function hedgeBefore(text: string, at: number): { word: string; start: number } | undefined {
  const one = wordBefore(text, at);
  // cheap tests on the bounds first: most numbers follow a word that ends in no hedge's last letter
  if (!one || one[1] - one[0] > LONGEST_HEDGE || !HEDGE_LAST.has(text.charCodeAt(one[1] - 1) | (isLetter(text.charCodeAt(one[1] - 1)) ? 32 : 0))) return undefined;
  const word = text.slice(one[0], one[1]).toLowerCase();
  if (HEDGE_WORDS.has(word)) return { word, start: one[0] };
  if (!PAIR_ENDS.has(word)) return undefined;
  const two = wordBefore(text, one[0]);
  if (!two) return undefined;
  const pair = `${text.slice(two[0], two[1]).toLowerCase()} ${word}`;
  return HEDGE_PAIRS.has(pair) ? { word: pair, start: two[0] } : undefined;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const HEDGES: Readonly<Record<string, NumberText['bound']>> = {
  over: 'over', 'more than': 'over', above: 'over', exceeding: 'over', 'at least': 'over', 'just over': 'over',
  under: 'under', 'less than': 'under', below: 'under', 'at most': 'under', 'just under': 'under',
};

/** The bound a hedge word sets: "over", "under", or 'approx' for "about", "~" and the like. */
export function boundOf(hedge: string): NonNullable<NumberText['bound']> {
  return HEDGES[hedge.toLowerCase()] ?? 'approx';
}

const readingMemo = new Map<string, Reading[]>();

/** Base-unit readings of a unit word as written (memoised). */
export function readingsOf(unit: string): Reading[] {
  let readings = readingMemo.get(unit);
  if (readings === undefined) {
    readings = UNITS.find(([re]) => re.test(unit))?.[1] ?? [];
    readingMemo.set(unit, readings);
  }
  return readings;
}

/**
 * The value of "1,234" + ".56" as Number("1234.56") gives it, without building that string: the
 * digits as one integer (exact below 2^53) divided once by a power of ten (exact to 10^22) is the
 * same correctly rounded double. Longer figures go through Number. Also the integer part's digit
 * count and its trailing zeros (at most all but one).
 */
function parseDecimal(intPart: string, frac: string | undefined): { value: number; trailingZeros: number; digits: number } {
  let n = 0;
  let digits = 0;
  let zeros = 0;
  for (let i = 0; i < intPart.length; i++) {
    const d = intPart.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue; // a thousands comma
    n = n * 10 + d;
    digits++;
    zeros = d === 0 ? zeros + 1 : 0;
  }
  const trailingZeros = Math.min(zeros, digits - 1);
  const places = frac?.length ?? 0;
  if (digits + places > 15) return { value: Number(frac ? `${intPart.replace(/,/g, '')}.${frac}` : intPart.replace(/,/g, '')), trailingZeros, digits };
  for (let i = 0; i < places; i++) n = n * 10 + (frac!.charCodeAt(i) - 48);
  return { value: places === 0 ? n : n / 10 ** places, trailingZeros, digits };
}

/** A figure's value and half a step of its last written digit (a round "4,000" is read to its thousands). */
function valueAndHalfStep(intPart: string, frac: string | undefined): { value: number; halfStep: number } {
  const { value, trailingZeros, digits } = parseDecimal(intPart, frac);
  let step = frac ? 10 ** -frac.length : 1;
  if (!frac && digits >= 4) step = 10 ** trailingZeros;
  return { value, halfStep: step / 2 };
}

/** A figure as written ("1,240", "0.64"), without a unit: its value and precision, as numberText reads them. */
export function figureOf(figure: string): { value: number; halfStep: number } {
  const dot = figure.indexOf('.');
  return dot < 0 ? valueAndHalfStep(figure, undefined) : valueAndHalfStep(figure.slice(0, dot), figure.slice(dot + 1));
}

/** Turn a NUMBER_RE match (and the hedge word before it, if any) into a NumberText. */
export function numberText(m: RegExpExecArray, hedge?: string): NumberText {
  // indexed reads, not array destructuring: destructuring walks the match through the iterator protocol
  const rawUnit = m[3];
  const { value, halfStep } = valueAndHalfStep(m[1]!, m[2]);
  const out: NumberText = { value, halfStep, readings: [] };
  if (rawUnit) {
    const unit = rawUnit.trim();
    out.unit = unit;
    out.readings = readingsOf(unit);
  }
  if (hedge !== undefined) out.bound = boundOf(hedge);
  return out;
}

/**
 * Whether a table value (base units) is what the number says, within the precision written:
 * half a step of the last digit plus 1 % (3 % when hedged with "about", "~", …).
 */
export function numberMatches(n: NumberText, factor: number, actual: number): boolean {
  const claimed = n.value * factor;
  const slack = n.bound === 'approx' ? 0.03 : 0.01;
  const tol = n.halfStep * factor + slack * Math.abs(claimed) + 1e-9;
  if (n.bound === 'over') return actual >= claimed - tol;
  if (n.bound === 'under') return actual <= claimed + tol;
  return Math.abs(actual - claimed) <= tol;
}
