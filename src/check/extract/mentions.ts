import type { Mention } from '../claim.ts';
import { isExactName, PHRASES } from '../lexicon/field-names.ts';

interface Entry {
  phrase: string;
  keys: readonly string[];
  exact: boolean;
}

/** Phrases keyed by their words joined with single spaces ("inter-arrival" → "inter arrival"), lower case. */
const BY_WORDS: ReadonlyMap<string, Entry> = new Map(
  [...PHRASES.entries()].map(([phrase, keys]) => [phrase.replace(/[\s-]+/g, ' '), { phrase, keys, exact: isExactName(phrase) }] as const),
);
/** Every proper word prefix of a multi-word phrase: extending a candidate stops as soon as it is not one. */
const PREFIXES: ReadonlySet<string> = new Set(
  [...BY_WORDS.keys()].flatMap((k) => {
    const w = k.split(' ');
    return w.slice(1).map((_, i) => w.slice(0, i + 1).join(' '));
  }),
);

/**
 * A word can open a phrase only if some phrase's first word has its first character with its
 * length, and its last character with its length: two table reads before any substring is made,
 * so most words of the text cost no allocation and no string hashing.
 */
const slot = (c: number, length: number): number => (c < 127 ? c : 127) * 64 + (length < 63 ? length : 63);
const OPENER_FIRST = new Uint8Array(128 * 64);
const OPENER_LAST = new Uint8Array(128 * 64);
for (const k of BY_WORDS.keys()) {
  const w = k.split(' ')[0]!;
  OPENER_FIRST[slot(w.charCodeAt(0), w.length)] = 1;
  OPENER_LAST[slot(w.charCodeAt(w.length - 1), w.length)] = 1;
}

/** [A-Za-z0-9_], the characters of a word (\w), as a lookup table over code units. */
const WORD_CODES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CODES[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * The words of the text as [start, end) pairs: runs of \w, joined across a "." or "," between word
 * characters ("1,024" and "IN_BYTES" stay one word; a trailing "." or "," does not join). Every
 * read is inside the text: charCodeAt past the end gives NaN, and a NaN index into the table
 * would send V8's element reads down a slow generic path for the whole loop.
 */
function wordBounds(source: string): number[] {
  const out: number[] = [];
  const len = source.length;
  let i = 0;
  while (i < len) {
    if (WORD_CODES[source.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < len) {
      const c = source.charCodeAt(i);
      if (WORD_CODES[c] === 1) i++;
      else if ((c === 46 || c === 44) && i + 1 < len && WORD_CODES[source.charCodeAt(i + 1)] === 1) i += 2;
      else break;
    }
    out.push(start, i);
  }
  return out;
}

/** A join between two words of a phrase: 1–3 spaces, tabs or dashes. */
function isJoinGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 45) return false;
  }
  return true;
}

/**
 * Every row name or natural form in the text, in order, longest first. A word scan and map
 * lookups instead of one regex alternation of every phrase: linear in the text, fast.
 */
export function findMentions(text: string, lowerText: string | undefined = lowerSameLength(text)): Mention[] {
  // lower-case once; per-word toLowerCase is the hot spot (falls back if case mapping changes lengths)
  const source = lowerText ?? text;
  const words = wordBounds(source);
  const count = words.length / 2;
  const out: Mention[] = [];
  for (let i = 0; i < count; i++) {
    const s = words[2 * i]!;
    const e = words[2 * i + 1]!;
    if (lowerText && (OPENER_FIRST[slot(source.charCodeAt(s), e - s)] === 0 || OPENER_LAST[slot(source.charCodeAt(e - 1), e - s)] === 0)) continue;
    let key = wordAt(source, words, i, lowerText !== undefined);
    let hit = BY_WORDS.get(key);
    let last = i;
    for (let j = i + 1; j < count && PREFIXES.has(key); j++) {
      if (!isJoinGap(text, words[2 * j - 1]!, words[2 * j]!)) break;
      key += ` ${wordAt(source, words, j, lowerText !== undefined)}`;
      const longer = BY_WORDS.get(key);
      if (longer) {
        hit = longer;
        last = j;
      }
    }
    if (!hit) continue;
    const best = { j: last, hit };
    const start = s;
    const end = words[2 * best.j + 1]!;
    if (/[\w-]/.test(text[start - 1] ?? '') || /[\w]/.test(text[end] ?? '') || (text[end] === '-' && /\w/.test(text[end + 1] ?? ''))) continue;
    out.push({ start, end, phrase: text.slice(start, end), keys: best.hit.keys, exact: best.hit.exact });
    i = best.j;
  }
  return out;
}

/** The k-th word, lower-cased. */
function wordAt(source: string, words: readonly number[], k: number, lowered: boolean): string {
  const w = source.slice(words[2 * k]!, words[2 * k + 1]!);
  return lowered ? w : w.toLowerCase();
}

function lowerSameLength(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}
