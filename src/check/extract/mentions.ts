import type { Mention } from '../claim.ts';
import { isExactName, PHRASES } from '../lexicon/field-names.ts';
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
/** Every proper word prefix of a multi-word phrase: extending a candidate stops as soon as it is not one. */
const PREFIXES: ReadonlySet<string> = new Set(
  [...BY_WORDS.keys()].flatMap((k) => {
    const w = k.split(' ');
    return w.slice(1).map((_, i) => w.slice(0, i + 1).join(' '));
  }),
);

/** The first run of word characters of each phrase's first word ("1,024" → "1"): where a mention can start. */
export const MENTION_TRIGGER = triggerOfRuns([...new Set([...BY_WORDS.keys()].map((k) => k.split(' ')[0]!.split(/[.,]/)[0]!))].map((text) => ({ text, exact: true })));

/** [A-Za-z0-9_], the characters of a word (\w), as a lookup table over code units. */
const WORD_CODES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CODES[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

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
 * start with (the trigger's hits, found in the one scan of the text's words), map lookups over
 * the words that follow; no regex alternation of every phrase.
 */
export function findMentions(text: string, lowerText: string | undefined, hits: readonly number[]): Mention[] {
  const source = lowerText ?? text;
  const out: Mention[] = [];
  let consumed = 0;
  for (const start of hits) {
    if (start < consumed || !startsWord(source, start)) continue;
    let wordEndAt = wordEnd(source, start);
    let key = lowerWord(source, start, wordEndAt, lowerText !== undefined);
    let hit = BY_WORDS.get(key);
    let end = wordEndAt;
    while (PREFIXES.has(key)) {
      const next = nextWordStart(source, wordEndAt);
      if (next < 0 || !isJoinGap(text, wordEndAt, next)) break;
      wordEndAt = wordEnd(source, next);
      key += ` ${lowerWord(source, next, wordEndAt, lowerText !== undefined)}`;
      const longer = BY_WORDS.get(key);
      if (longer) {
        hit = longer;
        end = wordEndAt;
      }
    }
    if (!hit) continue;
    if (/[\w-]/.test(text[start - 1] ?? '') || /[\w]/.test(text[end] ?? '') || (text[end] === '-' && /\w/.test(text[end + 1] ?? ''))) continue;
    out.push({ start, end, phrase: text.slice(start, end), keys: hit.keys, exact: hit.exact });
    consumed = end;
  }
  return out;
}

/** The word [start, end), lower-cased. */
function lowerWord(source: string, start: number, end: number, lowered: boolean): string {
  const w = source.slice(start, end);
  return lowered ? w : w.toLowerCase();
}
