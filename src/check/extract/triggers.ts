/**
 * Trigger words: where a keyword regex can match, found from one scan of the text's words instead
 * of one regex pass over the whole text per regex.
 *
 * A trigger is made from a regex that begins with \b (or a lookbehind that rules out a word
 * character before): every match starts at the start of a run of word characters, and that run is
 * one the regex's source names (the first word of an alternative, or a prefix of it). Running the
 * regex sticky at each such run, in order, skipping runs inside the previous match, finds exactly
 * the matches a global scan finds. The first words are read from the regex source itself
 * (first-runs.ts), so a term added to a list is a trigger at once.
 */

import { firstRuns, type RunPattern } from './first-runs.ts';

export interface Trigger {
  readonly id: number;
  /** The regex the trigger was read from, if any (tests compare its global scan with the triggered one). */
  readonly re?: RegExp;
}

/** Code of a word character in the trie, case folded: 1–37 (0: not a word character). */
const CODE = new Uint8Array(128);
'abcdefghijklmnopqrstuvwxyz0123456789_'.split('').forEach((ch, i) => {
  CODE[ch.charCodeAt(0)] = i + 1;
  CODE[ch.toUpperCase().charCodeAt(0)] = i + 1;
});
const RADIX = 38;

const TRIGGERS: Trigger[] = [];
const PATTERNS: RunPattern[][] = [];

/**
 * Every trigger's run patterns in one trie over case-folded characters: `next` holds the child per
 * (node, character) (0: none; the root, node 0, is never a child); a node's `prefixBits` are the
 * triggers whose prefix pattern ends there or at an ancestor, its `exactBits` those whose exact
 * word does, in two 32-bit words per node (triggers 0–31, then 32–63). Nodes are
 * numbered breadth first, so the rows every run reads (the first two levels) sit together in a
 * few kilobytes of cache rather than spread over the whole table.
 */
interface Trie {
  next: Uint16Array;
  prefixBits: Uint32Array;
  exactBits: Uint32Array;
}

let trie: Trie | undefined;

interface BuildNode {
  children: Map<number, BuildNode>;
  prefixBits: [number, number];
  exactBits: [number, number];
}

function buildTrie(): Trie {
  const root: BuildNode = { children: new Map(), prefixBits: [0, 0], exactBits: [0, 0] };
  PATTERNS.forEach((list, id) => {
    for (const p of list) {
      let node = root;
      for (let i = 0; i < p.text.length; i++) {
        const code = CODE[p.text.charCodeAt(i)]!;
        let child = node.children.get(code);
        if (!child) node.children.set(code, (child = { children: new Map(), prefixBits: [0, 0], exactBits: [0, 0] }));
        node = child;
      }
      const bits = p.exact ? node.exactBits : node.prefixBits;
      bits[id >> 5] = bits[id >> 5]! | (1 << (id & 31));
    }
  });
  const order: BuildNode[] = [root];
  for (let i = 0; i < order.length; i++) order.push(...order[i]!.children.values());
  if (order.length > 65535) throw new RangeError(`Trigger trie too large: ${order.length} nodes`);
  const index = new Map(order.map((n, i) => [n, i] as const));
  const t: Trie = { next: new Uint16Array(order.length * RADIX), prefixBits: new Uint32Array(2 * order.length), exactBits: new Uint32Array(2 * order.length) };
  order.forEach((n, i) => {
    t.prefixBits.set(n.prefixBits, 2 * i);
    t.exactBits.set(n.exactBits, 2 * i);
    for (const [code, child] of n.children) t.next[i * RADIX + code] = index.get(child)!;
  });
  // a node's prefix bits take in its ancestors' (parents come first in breadth-first order): a run
  // reads the bits of the deepest node it reaches only, not a word per character
  for (let i = 1; i < order.length; i++) {
    for (const child of order[i]!.children.values()) {
      const c = index.get(child)!;
      for (const w of [0, 1]) t.prefixBits[2 * c + w] = t.prefixBits[2 * c + w]! | t.prefixBits[2 * i + w]!;
    }
  }
  return t;
}

/**
 * Register a regex's triggers. Throws at load time when its source does not let every match's
 * first run be named (then the regex must be scanned over the whole text instead).
 */
export function triggerOf(re: RegExp): Trigger {
  const patterns = firstRuns(re.source);
  if (!patterns || patterns.length === 0) throw new TypeError(`Cannot derive trigger words for /${re.source}/: it must start with \\b and a word`);
  return triggerOfRuns(patterns, re);
}

/** Register a trigger from its run patterns directly (for word lists that are not a regex). */
export function triggerOfRuns(patterns: readonly RunPattern[], re?: RegExp): Trigger {
  if (TRIGGERS.length >= 64) throw new RangeError('At most 64 triggers: their bits share two 32-bit words per trie node');
  const trigger: Trigger = re ? { id: TRIGGERS.length, re } : { id: TRIGGERS.length };
  TRIGGERS.push(trigger);
  PATTERNS.push([...patterns]);
  trie = undefined;
  return trigger;
}

/** Every trigger registered so far (the extractors register theirs when their modules load). */
export const registeredTriggers = (): readonly Trigger[] => TRIGGERS;

/**
 * Start offsets of the runs that may begin a match, for every trigger at once: trigger `id`'s, in
 * text order, are `at[from[id]]` up to (not including) `at[from[id + 1]]`. Both arrays are buffers
 * reused from call to call (extraction is synchronous and never re-entered), valid until the next
 * findTriggers: 52 arrays grown by push per narrative cost more than the scan.
 */
export interface TriggerHits {
  readonly at: Int32Array;
  readonly from: Int32Array;
}

/** Each run that fired some trigger, as (start, low bits, high bits); reused like the hits. */
let runs = new Int32Array(3 * 1024);
let starts = new Int32Array(2048);
const from = new Int32Array(65);

/**
 * One scan of the text's word runs, walking the trigger trie along each run as it is read: for
 * each registered trigger, the runs it fires on. No run is sliced or hashed. The runs that fire are
 * kept with their trigger bits, counted per trigger, then placed trigger by trigger in one array.
 */
export function findTriggers(text: string): TriggerHits {
  const { next, prefixBits, exactBits } = (trie ??= buildTrie());
  from.fill(0);
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    const c0 = text.charCodeAt(i);
    if (c0 >= 128 || CODE[c0] === 0) {
      i++;
      continue;
    }
    const start = i;
    let node = next[CODE[c0]!]!;
    let deepest = node;
    for (i++; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 || CODE[c] === 0) break;
      if (node !== 0) {
        node = next[node * RADIX + CODE[c]!]!;
        if (node !== 0) deepest = node;
      }
    }
    if (deepest === 0) continue;
    let low = prefixBits[2 * deepest]!;
    let high = prefixBits[2 * deepest + 1]!;
    if (node !== 0) {
      low |= exactBits[2 * node]!;
      high |= exactBits[2 * node + 1]!;
    }
    if ((low | high) === 0) continue;
    if (n + 3 > runs.length) runs = grown(runs, n + 3);
    runs[n] = start;
    runs[n + 1] = low;
    runs[n + 2] = high;
    n += 3;
    count(low, 1);
    count(high, 33);
  }
  // from[id + 1] holds trigger id's count: summed up, from[id] is where its hits begin
  for (let id = 1; id < from.length; id++) from[id] = from[id]! + from[id - 1]!;
  const total = from[from.length - 1]!;
  if (starts.length < total) starts = grown(starts, total);
  // from[id] is advanced as trigger id's hits are placed (each then starts where the next trigger's did), and moved back after
  for (let r = 0; r < n; r += 3) {
    place(runs[r + 1]!, 0, runs[r]!);
    place(runs[r + 2]!, 32, runs[r]!);
  }
  for (let id = from.length - 1; id > 0; id--) from[id] = from[id - 1]!;
  from[0] = 0;
  return { at: starts, from };
}

/** Count a run for each set bit of `bits`, in from[base + bit] (trigger base − 1 + bit's slot after the first). */
function count(bits: number, base: number): void {
  while (bits !== 0) {
    const lowest = bits & -bits;
    const slot = base + 31 - Math.clz32(lowest);
    from[slot] = from[slot]! + 1;
    bits ^= lowest;
  }
}

/** Place a run's start for each set bit of `bits` (triggers from `base`), lowest first, without a step per unset bit. */
function place(bits: number, base: number, start: number): void {
  while (bits !== 0) {
    const lowest = bits & -bits;
    const id = base + 31 - Math.clz32(lowest);
    starts[from[id]!] = start;
    from[id] = from[id]! + 1;
    bits ^= lowest;
  }
}

function grown(buffer: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(need, 2 * buffer.length));
  out.set(buffer);
  return out;
}

/**
 * Run a sticky regex at hits[first, last) (offsets into `hay` plus `offset`), in order, skipping
 * hits inside the previous match or before `hay`: the matches a global scan of `hay` finds, when
 * every match starts at a hit. `mayStart`, when given, rules out a hit without running the regex:
 * it must hold wherever a match can start.
 */
export function execAtHits(sticky: RegExp, hay: string, hits: ArrayLike<number>, offset: number, fn: (m: RegExpExecArray, at: number) => void, first: number, last: number, mayStart?: StartTest): void {
  let next = 0;
  for (let i = first; i < last; i++) {
    const at = hits[i]! - offset;
    if (at < next || (mayStart !== undefined && !mayStart(hay, at))) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(hay);
    if (!m) continue;
    next = at + Math.max(1, m[0].length);
    fn(m, at);
  }
}

/** A cheap test that a regex can match at `at` in `text` (false only where it cannot). */
export type StartTest = (text: string, at: number) => boolean;

/** A regex's sticky twin (same source and flags, `y` instead of `g`). */
export const stickyOf = (re: RegExp): RegExp => new RegExp(re.source, `${re.flags.replace('g', '')}y`);

/** A keyword regex ready to run at its trigger words only: its trigger and sticky twin. */
export interface Triggered {
  trigger: Trigger;
  sticky: RegExp;
}

export const triggered = (re: RegExp): Triggered => ({ trigger: triggerOf(re), sticky: stickyOf(re) });
