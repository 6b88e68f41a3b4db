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
  [/^(?:KB\/s|kB\/s|KBps|kilobytes per second)$/, both('bytes/s', 1e3, 1024)],
  [/^(?:MB\/s|MBps|megabytes per second)$/, both('bytes/s', 1e6, 1024 ** 2)],
  [/^(?:packets?|pkts?) ?(?:\/ ?s|per second)$|^pps$/i, dec('packets/s', 1)],
  [/^(?:packets?|pkts?|segments?)$/i, dec('packets', 1)],
  [/^(?:ms|msec|milliseconds?)$/i, dec('time', 1)],
  [/^(?:µs|us|microseconds?)$/i, dec('time', 1e-3)],
  [/^(?:s|sec|secs|seconds?)$/i, dec('time', 1e3)],
  [/^(?:min|mins|minutes?)$/i, dec('time', 6e4)],
  [/^(?:h|hrs?|hours?)$/i, dec('time', 3.6e6)],
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
    String.raw`bytes? ?(?:\/ ?s|per second|\/sec)|bits? ?(?:\/ ?s|per second)|(?:packets?|pkts?) ?(?:\/ ?s|per second)|kilobits per second|megabits per second|gigabits per second|kilobytes per second|megabytes per second|` +
    String.raw`Kbps|kbps|Mbps|Gbps|bps|pps|KBps|MBps|[KMG]b\/s|[KMG]bit\/s|[KkMG]B\/s|B\/s|KiB|MiB|GiB|KB|kB|MB|GB|Kb|Mb|Gb|kbit|Mbit|Gbit|` +
    String.raw`kilobytes?|megabytes?|gigabytes?|kilobits?|megabits?|gigabits?|bytes?|octets?|bits?|B|packets?|pkts?|segments?|milliseconds?|msec|ms|microseconds?|µs|us|seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|h|%|percent|flows?|connections?|sessions?|ports?|addresses|hosts|destinations|sources|IPs|hops|times|fold|x|×` +
    String.raw`)(?![\w/]))?`,
  'g',
);

/** The hedge or bound written right before a number ("about", "~", "more than"). */
const HEDGE_BEFORE_RE = /(?:^|[^\w])(about|approximately|approx\.?|around|roughly|nearly|almost|close to|some|~|≈|over|more than|above|exceeding|at least|under|less than|below|at most|just under|just over)\s{0,2}$/i;

/** The hedge word before offset `at`, and where it starts. */
export function hedgeBefore(text: string, at: number): { word: string; start: number } | undefined {
  const before = text.slice(Math.max(0, at - 16), at);
  const m = HEDGE_BEFORE_RE.exec(before);
  if (!m) return undefined;
  return { word: m[1]!, start: at - before.length + m.index + m[0].indexOf(m[1]!) };
}

const HEDGES: Readonly<Record<string, NumberText['bound']>> = {
  over: 'over', 'more than': 'over', above: 'over', exceeding: 'over', 'at least': 'over', 'just over': 'over',
  under: 'under', 'less than': 'under', below: 'under', 'at most': 'under', 'just under': 'under',
};

/** Turn a NUMBER_RE match (and the hedge word before it, if any) into a NumberText. */
export function numberText(m: RegExpExecArray, hedge?: string): NumberText {
  const [, intPart, frac, unit] = m;
  const digits = intPart!.replace(/,/g, '');
  const value = Number(frac ? `${digits}.${frac}` : digits);
  let step = frac ? 10 ** -frac.length : 1;
  if (!frac && digits.length >= 4) {
    const zeros = /0*$/.exec(digits)![0].length;
    step = 10 ** Math.min(zeros, digits.length - 1);
  }
  const readings = unit ? (UNITS.find(([re]) => re.test(unit.trim()))?.[1] ?? []) : [];
  const bound = hedge === undefined ? undefined : (HEDGES[hedge.toLowerCase()] ?? 'approx');
  return { value, halfStep: step / 2, ...(unit ? { unit: unit.trim() } : {}), readings, ...(bound ? { bound } : {}) };
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
