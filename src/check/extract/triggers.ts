/**
 * Trigger words: where a keyword regex can match, found from one scan of the text's words instead
 * of one regex pass over the whole text per regex.
 *
 * A trigger is made from a regex that begins with \b (or a lookbehind that rules out a word
 * character before): every match starts at the start of a run of word characters, and that run is one the regex's source names (the first word of an
 * alternative, or a prefix of it). Running the regex sticky at each such run, in order, skipping
 * runs inside the previous match, finds exactly the matches a global scan finds. The first words
 * are read from the regex source itself (firstRuns), so a term added to a list is a trigger at once.
 */

/** A run must equal `text` (exact) or start with it. */
export interface RunPattern {
  text: string;
  exact: boolean;
}

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
 * triggers whose prefix pattern ends there, its `exactBits` those whose exact word does. Nodes are
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
  prefixBits: number;
  exactBits: number;
}

function buildTrie(): Trie {
  const root: BuildNode = { children: new Map(), prefixBits: 0, exactBits: 0 };
  PATTERNS.forEach((list, id) => {
    for (const p of list) {
      let node = root;
      for (let i = 0; i < p.text.length; i++) {
        const code = CODE[p.text.charCodeAt(i)]!;
        let child = node.children.get(code);
        if (!child) node.children.set(code, (child = { children: new Map(), prefixBits: 0, exactBits: 0 }));
        node = child;
      }
      if (p.exact) node.exactBits |= 1 << id;
      else node.prefixBits |= 1 << id;
    }
  });
  const order: BuildNode[] = [root];
  for (let i = 0; i < order.length; i++) order.push(...order[i]!.children.values());
  if (order.length > 65535) throw new RangeError(`Trigger trie too large: ${order.length} nodes`);
  const index = new Map(order.map((n, i) => [n, i] as const));
  const t: Trie = { next: new Uint16Array(order.length * RADIX), prefixBits: new Uint32Array(order.length), exactBits: new Uint32Array(order.length) };
  order.forEach((n, i) => {
    t.prefixBits[i] = n.prefixBits;
    t.exactBits[i] = n.exactBits;
    for (const [code, child] of n.children) t.next[i * RADIX + code] = index.get(child)!;
  });
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
  if (TRIGGERS.length >= 32) throw new RangeError('At most 32 triggers: their bits share one 32-bit word per trie node');
  const trigger: Trigger = re ? { id: TRIGGERS.length, re } : { id: TRIGGERS.length };
  TRIGGERS.push(trigger);
  PATTERNS.push([...patterns]);
  trie = undefined;
  return trigger;
}

/** Every trigger registered so far (the extractors register theirs when their modules load). */
export const registeredTriggers = (): readonly Trigger[] => TRIGGERS;

/** Start offsets of the runs that may begin a match, per trigger id, in text order. */
export type TriggerHits = ReadonlyArray<readonly number[]>;

/**
 * One scan of the text's word runs, walking the trigger trie along each run as it is read: for
 * each registered trigger, the runs it fires on. No run is sliced or hashed.
 */
export function findTriggers(text: string): TriggerHits {
  const { next, prefixBits, exactBits } = (trie ??= buildTrie());
  const hits: number[][] = TRIGGERS.map(() => []);
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c0 = text.charCodeAt(i);
    if (c0 >= 128 || CODE[c0] === 0) {
      i++;
      continue;
    }
    const start = i;
    let node = next[CODE[c0]!]!;
    let fired = node === 0 ? 0 : prefixBits[node]!;
    for (i++; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 || CODE[c] === 0) break;
      if (node !== 0) {
        node = next[node * RADIX + CODE[c]!]!;
        fired |= prefixBits[node]!;
      }
    }
    if (node !== 0) fired |= exactBits[node]!;
    for (let id = 0; fired !== 0; fired >>>= 1, id++) if ((fired & 1) === 1) hits[id]!.push(start);
  }
  return hits;
}

/**
 * Run a sticky regex at hits[first, last) (offsets into `hay` plus `offset`), in order, skipping
 * hits inside the previous match or before `hay`: the matches a global scan of `hay` finds, when
 * every match starts at a hit.
 */
export function execAtHits(sticky: RegExp, hay: string, hits: readonly number[], offset: number, fn: (m: RegExpExecArray, at: number) => void, first: number, last: number): void {
  let next = 0;
  for (let i = first; i < last; i++) {
    const at = hits[i]! - offset;
    if (at < next) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(hay);
    if (!m) continue;
    next = at + Math.max(1, m[0].length);
    fn(m, at);
  }
}

/** A regex's sticky twin (same source and flags, `y` instead of `g`). */
export const stickyOf = (re: RegExp): RegExp => new RegExp(re.source, `${re.flags.replace('g', '')}y`);

/** A keyword regex ready to run at its trigger words only: its trigger and sticky twin. */
export interface Triggered {
  trigger: Trigger;
  sticky: RegExp;
}

export const triggered = (re: RegExp): Triggered => ({ trigger: triggerOf(re), sticky: stickyOf(re) });

// ---------------------------------------------------------------------------------------------
// Reading a regex source for the first runs of its matches. Only the constructs the checker's
// keyword lists use are understood; anything else ends the known prefix (a looser trigger) or, at
// the start of a match, makes firstRuns give up.

type Atom =
  | { kind: 'boundary' }
  | { kind: 'char'; ch: string; word: boolean; min: number }
  | { kind: 'digit'; min: number }
  | { kind: 'group'; alternatives: Atom[][]; min: number; max: number }
  | { kind: 'other' };

const isWordChar = (ch: string): boolean => ch.length === 1 && ch.charCodeAt(0) < 128 && CODE[ch.charCodeAt(0)] !== 0;

/** Split at top-level `|`. */
function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** Index of the `)` closing the group opened at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new SyntaxError(`Unbalanced group in /${source}/`);
}

/** The quantifier at `i`, if any: its bounds and length. */
function quantifierAt(source: string, i: number): { min: number; max: number; length: number } {
  const ch = source[i];
  let q = ch === '?' ? { min: 0, max: 1, length: 1 } : ch === '*' ? { min: 0, max: Infinity, length: 1 } : ch === '+' ? { min: 1, max: Infinity, length: 1 } : undefined;
  if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m) q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), length: m[0].length };
  }
  if (!q) return { min: 1, max: 1, length: 0 };
  if (source[i + q.length] === '?') q.length++; // lazy
  return q;
}

function parseSequence(source: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    let atom: Atom;
    let next: number;
    if (ch === '(') {
      const close = closingParen(source, i);
      const head = /^\((?:\?:|\?<[A-Za-z]\w*>)?/.exec(source.slice(i, close))![0];
      const lookaround = /^\(\?<?[=!]/.test(source.slice(i, close + 1));
      const body = source.slice(i + (lookaround ? 0 : head.length), close);
      // (?<![\w…]): no word character before, so a match that starts with one starts a run, as after \b
      const notAfterWord = /^\(\?<!\[[^\]]*\\w[^\]]*\]\)$/.test(source.slice(i, close + 1));
      atom = notAfterWord ? { kind: 'boundary' } : lookaround ? { kind: 'other' } : { kind: 'group', alternatives: splitAlternatives(body).map(parseSequence), min: 1, max: 1 };
      next = close + 1;
    } else if (ch === '\\') {
      const esc = source[i + 1]!;
      if (esc === 'b') atom = { kind: 'boundary' };
      else if (esc === 'd') atom = { kind: 'digit', min: 1 };
      else if (/[dDwWsSB0-9cuxkpP]/.test(esc)) atom = { kind: 'other' };
      else atom = { kind: 'char', ch: esc, word: false, min: 1 };
      next = i + 2;
    } else if (ch === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom = { kind: 'other' };
      next = j + 1;
    } else if (ch === '.' || ch === '^' || ch === '$') {
      atom = { kind: 'other' };
      next = i + 1;
    } else {
      atom = { kind: 'char', ch: ch.toLowerCase(), word: isWordChar(ch), min: 1 };
      next = i + 1;
    }
    const q = quantifierAt(source, next);
    if (atom.kind === 'group') Object.assign(atom, { min: q.min, max: q.max });
    else if (atom.kind === 'digit') atom.min = q.min;
    else if (atom.kind === 'char') atom.min = q.max === 1 && q.min === 1 ? 1 : q.min === 0 ? 0 : 2; // 2: "one or more"
    else if (atom.kind === 'boundary' && q.length > 0) atom = { kind: 'other' };
    atoms.push(atom);
    i = next + q.length;
  }
  return atoms;
}

const DIGITS = '0123456789'.split('');

/** The first-run patterns of a sequence, given the word characters already read (`prefix`); undefined when unknowable. */
function runsOf(atoms: readonly Atom[], prefix: string): RunPattern[] | undefined {
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    const rest = atoms.slice(i + 1);
    if (atom.kind === 'boundary') {
      if (prefix === '') continue;
      // \b after word characters: the next character is not one, so the run ends here
      return [{ text: prefix, exact: true }];
    }
    if (atom.kind === 'char') {
      if (atom.word && atom.min === 1) {
        prefix += atom.ch;
        continue;
      }
      if (atom.word && atom.min === 2) return prefix + atom.ch === '' ? undefined : [{ text: prefix + atom.ch, exact: false }];
      if (prefix === '') return undefined; // a match that may start with a non-word character, or with an optional one
      return [{ text: prefix, exact: !atom.word && atom.min >= 1 }];
    }
    // "T\d{4}": the run goes on with a digit (ten prefixes rather than every run starting with "t")
    if (atom.kind === 'digit' && atom.min >= 1) return DIGITS.map((d) => ({ text: prefix + d, exact: false }));
    if (atom.kind === 'group' && prefix === '') {
      const out: RunPattern[] = [];
      for (const alt of atom.alternatives) {
        // a repeated group may be followed by itself: what comes after it is then not known
        const runs = atom.max > 1 ? runsOf(alt, '')?.map((r) => ({ text: r.text, exact: false })) : runsOf([...alt, ...rest], '');
        if (!runs) return undefined;
        out.push(...runs);
      }
      if (atom.min === 0) {
        const skipped = runsOf(rest, '');
        if (!skipped) return undefined;
        out.push(...skipped);
      }
      return out;
    }
    return prefix === '' ? undefined : [{ text: prefix, exact: false }];
  }
  return prefix === '' ? undefined : [{ text: prefix, exact: false }];
}

/**
 * The runs a match of `source` can begin with, when every alternative starts with \b before a
 * word character; undefined otherwise. Exported for tests.
 */
export function firstRuns(source: string): RunPattern[] | undefined {
  const out: RunPattern[] = [];
  for (const alt of splitAlternatives(source)) {
    const atoms = parseSequence(alt);
    if (!startsAtBoundary(atoms)) return undefined;
    const runs = runsOf(atoms, '');
    if (!runs) return undefined;
    out.push(...runs);
  }
  return out;
}

/** Whether every match of the sequence starts at \b (directly, or inside a leading group whose alternatives all do). */
function startsAtBoundary(atoms: readonly Atom[]): boolean {
  const first = atoms[0];
  if (!first) return false;
  if (first.kind === 'boundary') return true;
  if (first.kind === 'group' && first.min >= 1) return first.alternatives.every(startsAtBoundary);
  return false;
}
