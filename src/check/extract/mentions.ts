import type { Mention } from '../claim.ts';
import { isExactName, PHRASES } from '../lexicon/field-names.ts';
import { isWordCode } from '../text/chars.ts';
import { triggerOfRuns } from './triggers.ts';

interface Entry {
  phrase: string;
  keys: readonly string[];
  exact: boolean;
}

/** Phrases keyed by their words joined with single spaces ("inter-arrival" → "inter arrival"), lower case. */
const BY_WORDS: ReadonlyMap<string, Entry> = new Map(
  [...PHRASES.entries()].map(([phrase, keys]) => [phrase.replace(/[\s-]+/g, ' '), { phrase, keys, exact: isExactName(phrase) }] as const),
);
/**
 * The phrases as a trie over their normalised text (lower case; one space between words), walked
 * along the text from a word a phrase can start with: no key strings are built, sliced or hashed.
 * Columns: a–z, 0–9, "_", ".", "," (inside a word such as "1,024") and the space between words.
 */
const COLUMN = new Uint8Array(128);
'abcdefghijklmnopqrstuvwxyz0123456789_., '.split('').forEach((ch, i) => {
  COLUMN[ch.charCodeAt(0)] = i + 1;
  COLUMN[ch.toUpperCase().charCodeAt(0)] = i + 1;
});
const COLUMNS = 41;
const SPACE = COLUMN[32]!;

interface PhraseTrie {
  next: Uint16Array;
  /** 1 + the index in ENTRIES of the phrase ending at a node; 0 where none does. */
  entry: Uint16Array;
}

const ENTRIES: Entry[] = [...BY_WORDS.values()];

function buildPhraseTrie(): PhraseTrie {
  const children: Array<Map<number, number>> = [new Map()];
  const ends = new Map<number, number>();
  [...BY_WORDS.keys()].forEach((key, i) => {
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const column = COLUMN[key.charCodeAt(k)]!;
      let child = children[node]!.get(column);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        children[node]!.set(column, child);
      }
      node = child;
    }
    ends.set(node, i + 1);
  });
  const t: PhraseTrie = { next: new Uint16Array(children.length * COLUMNS), entry: new Uint16Array(children.length) };
  children.forEach((map, node) => map.forEach((child, column) => (t.next[node * COLUMNS + column] = child)));
  ends.forEach((entry, node) => (t.entry[node] = entry));
  return t;
}

const TRIE = buildPhraseTrie();

/** The first run of word characters of each phrase's first word ("1,024" → "1"): where a mention can start. */
export const MENTION_TRIGGER = triggerOfRuns([...new Set([...BY_WORDS.keys()].map((k) => k.split(' ')[0]!.split(/[.,]/)[0]!))].map((text) => ({ text, exact: true })));

/** [A-Za-z0-9_], the characters of a word (\w), as a lookup table over code units. */
const WORD_CODES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CODES[c] = isWordCode(c) ? 1 : 0;

/**
 * A word is a run of \w, joined across a "." or "," between word characters ("1,024" and
 * "IN_BYTES" stay one word; a trailing "." or "," does not join). Every read is inside the text:
 * charCodeAt past the end gives NaN, and a NaN index into the table would send V8's element reads
 * down a slow generic path.
 */
function wordEnd(source: string, start: number): number {
  const len = source.length;
  let i = start + 1;
  while (i < len) {
    const c = source.charCodeAt(i);
    if (WORD_CODES[c] === 1) i++;
    else if ((c === 46 || c === 44) && i + 1 < len && WORD_CODES[source.charCodeAt(i + 1)] === 1) i += 2;
    else break;
  }
  return i;
}

/** Whether the run at `at` starts a word (rather than continuing one across "." or ","). */
function startsWord(source: string, at: number): boolean {
  const c = source.charCodeAt(at - 1);
  return !((c === 46 || c === 44) && at >= 2 && WORD_CODES[source.charCodeAt(at - 2)] === 1);
}

/** The start of the next word at or after `from`, or -1. */
function nextWordStart(source: string, from: number): number {
  for (let i = from; i < source.length; i++) if (WORD_CODES[source.charCodeAt(i)] === 1) return i;
  return -1;
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
 * Every row name or natural form in the text, in order, longest first: from the words a phrase can
 * start with (the trigger's hits, found in the one scan of the text's words), a walk of the phrase
 * trie over the words that follow; no regex alternation of every phrase.
 */
export function findMentions(text: string, lowerText: string | undefined, hits: ArrayLike<number>, first = 0, last = hits.length): Mention[] {
  const source = lowerText ?? text;
  const out: Mention[] = [];
  let consumed = 0;
  for (let h = first; h < last; h++) {
    const start = hits[h]!;
    if (start < consumed || !startsWord(source, start)) continue;
    const found = longestPhrase(text, source, start);
    if (found === undefined) continue;
    const [entry, end] = found;
    if (/[\w-]/.test(text[start - 1] ?? '') || /[\w]/.test(text[end] ?? '') || (text[end] === '-' && /\w/.test(text[end + 1] ?? ''))) continue;
    out.push({ start, end, phrase: text.slice(start, end), keys: entry.keys, exact: entry.exact });
    consumed = end;
  }
  return out;
}

/**
 * The longest phrase whose words are the words from `start` on, joined by 1–3 spaces, tabs or
 * dashes, and where it ends. Walks the trie word by word; a phrase counts only where a word ends.
 */
function longestPhrase(text: string, source: string, start: number): [Entry, number] | undefined {
  let best: [Entry, number] | undefined;
  let node = 0; // the root; no child is 0, so 0 after a step means no phrase goes on
  let at = start;
  for (;;) {
    const end = wordEnd(source, at);
    for (let k = at; k < end; k++) {
      const c = source.charCodeAt(k);
      node = c < 128 ? TRIE.next[node * COLUMNS + COLUMN[c]!]! : 0;
      if (node === 0) return best;
    }
    if (TRIE.entry[node] !== 0) best = [ENTRIES[TRIE.entry[node]! - 1]!, end];
    const space = TRIE.next[node * COLUMNS + SPACE]!;
    if (space === 0) return best;
    const next = nextWordStart(source, end);
    if (next < 0 || !isJoinGap(text, end, next)) return best;
    node = space;
    at = next;
  }
}
