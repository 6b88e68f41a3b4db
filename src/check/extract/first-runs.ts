import { isWordCode } from '../text/chars.ts';

/**
 * Reading a regex source for the first runs of its matches: the words (runs of \w) a match can
 * start with, so the regex need only be tried where one occurs (triggers.ts). Only the constructs
 * the checker's keyword lists use are understood; anything else ends the known prefix (a looser
 * pattern) or, at the start of a match, makes firstRuns give up.
 */

/** A run must equal `text` (exact) or start with it. */
export interface RunPattern {
  text: string;
  exact: boolean;
}

const isWordChar = (ch: string): boolean => ch.length === 1 && isWordCode(ch.charCodeAt(0));

type Atom =
  | { kind: 'boundary' }
  | { kind: 'char'; ch: string; word: boolean; min: number }
  | { kind: 'digit'; min: number }
  | { kind: 'group'; alternatives: Atom[][]; min: number; max: number }
  | { kind: 'other' };

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
