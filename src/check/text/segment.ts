import { HEDGE_RE, NEGATION_RE } from '../lexicon/terms.ts';
import type { Statement } from './general.ts';
import { isSpaceCode } from './chars.ts';

/** A sentence (or table row, list item, heading) of the narrative, with offsets into it. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** text in lower case, for cheap keyword gates before any regex runs. */
  lower: string;
  /** The nearest heading or bold label above, lower-cased: the topic a terse list item is about. */
  topic: string;
  /** Clause breaks as [start, end) pairs relative to the sentence, found on first use (clauseBounds). */
  breaks: number[] | undefined;
  /** The row keys of the exact field names it mentions, found on first use (quantity context). */
  exactKeys: readonly string[] | undefined;
  /** Its statements, split on first use (general.ts). */
  statements: Statement[] | undefined;
  /** Whether it gives advice, read on first use (check-narrative.ts). */
  advice: boolean | undefined;
}

const HEADING_LINE = /^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?\s*)$/;

/**
 * Split a narrative into sentences: at line breaks, and after . ! ? when the next word starts a
 * new sentence (so "65.9", "e.g., within" and "Approx. 577" stay whole).
 */
export function splitSentences(text: string, lower?: string): Sentence[] {
  const out: Sentence[] = [];
  let topic = '';
  let lineStart = 0;
  const ends = sentenceEnds(text);
  let e = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (mayBeHeading(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      if (HEADING_LINE.test(line)) topic = line.toLowerCase();
    }
    let from = lineStart;
    for (; e < ends.length && ends[e]! < lineEnd; e++) {
      const end = ends[e]!;
      if (isAbbreviation(text, lineStart, end)) continue;
      push(text, from, end + 1, topic, out, lower);
      from = end + 1;
    }
    push(text, from, lineEnd, topic, out, lower);
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Offsets of the . ! ? followed by blanks (not a line break) and a sentence's first character
 * [A-Z*`"(#\d-], in order: what splits a line. Found with indexOf rather than a regex over every
 * character; a boundary's gap cannot hold a line break, so the whole text is searched at once.
 */
function sentenceEnds(text: string): number[] {
  const out = endsAt(text, '.', []);
  const n = out.length;
  endsAt(text, '!', out);
  endsAt(text, '?', out);
  return out.length > n ? out.sort((a, b) => a - b) : out;
}

function endsAt(text: string, mark: string, out: number[]): number[] {
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
    let next = at + 1;
    while (next < text.length && text.charCodeAt(next) !== 10 && isSpaceAt(text, next)) next++;
    if (next > at + 1 && startsSentence(text.charCodeAt(next))) out.push(at);
  }
  return out;
}

/** [A-Z*`"(#\d-]: what may start the sentence after a boundary. */
function startsSentence(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 42 || c === 96 || c === 34 || c === 40 || c === 35 || c === 45;
}

const ABBREVIATION = /(?:\b(?:e\.g|i\.e|approx|vs|etc|cf|Fig|No|incl|est)|\b[A-Z])$/;
/** The last characters ABBREVIATION can end on: any other skips its test. */
const ABBREVIATION_ENDS = 'gexscfolt';

/** Whether the line [start, end) can be a heading: HEADING_LINE needs # or * after leading blanks. */
function mayBeHeading(text: string, start: number, end: number): boolean {
  if (start === end) return false;
  const c = text.charCodeAt(start);
  return c === 35 /* # */ || c === 42 /* * */ || c <= 32 || c >= 128;
}

/** Whether the . ! ? at `at` ends an abbreviation ("e.g.", "approx.", an initial), looking back at most 8 characters within the line. */
function isAbbreviation(text: string, lineStart: number, at: number): boolean {
  if (at === lineStart) return false;
  const c = text.charCodeAt(at - 1);
  const upper = c >= 65 && c <= 90;
  if (!upper && !ABBREVIATION_ENDS.includes(text[at - 1]!)) return false;
  return ABBREVIATION.test(text.slice(Math.max(lineStart, at - 8), at));
}

function push(text: string, from: number, to: number, topic: string, out: Sentence[], lower: string | undefined): void {
  let a = from;
  let b = to;
  while (a < b && isSpaceAt(text, a)) a++;
  while (b > a && isSpaceAt(text, b - 1)) b--;
  if (b - a < 2) return;
  const sentence = text.slice(a, b);
  // every field present from the start: one object shape for all sentences
  out.push({ start: a, end: b, text: sentence, lower: lower === undefined ? sentence.toLowerCase() : lower.slice(a, b), topic, breaks: undefined, exactKeys: undefined, statements: undefined, advice: undefined });
}

/** /\s/ on one character, without a regex call for ASCII. */
const isSpaceAt = (text: string, i: number): boolean => isSpaceCode(text.charCodeAt(i));

const CLAUSE_REACH = 300;
const CLAUSE_BREAK = /[;:()\[\]|—–]|,\s+(?:but|while|whereas|although|though|which|and)\b|\s(?:but|while|whereas|although)\s/g;

/** The clause of `sentence` around offset `at` (absolute): between clause breaks. */
export function clauseAround(sentence: Sentence, at: number): { start: number; end: number; text: string } {
  const { start, end } = clauseBounds(sentence, at);
  return { start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start) };
}

/** clauseAround without the clause's text. */
export function clauseBounds(sentence: Sentence, at: number): { start: number; end: number } {
  const rel = at - sentence.start;
  // a sentence no longer than the reach is its own window: its breaks are found once and reused
  if (sentence.text.length <= CLAUSE_REACH) return between(breaksOf(sentence), rel, 0, sentence.text.length, sentence.start);
  // look at most CLAUSE_REACH characters either side: linear time on a run-on "sentence"
  const from = Math.max(0, rel - CLAUSE_REACH);
  const window = sentence.text.slice(from, Math.min(sentence.text.length, rel + CLAUSE_REACH));
  return between(findBreaks(window), rel - from, 0, window.length, sentence.start + from);
}

function breaksOf(sentence: Sentence): number[] {
  sentence.breaks ??= findBreaks(sentence.text);
  return sentence.breaks;
}

function findBreaks(text: string): number[] {
  const out: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** The span between the last break ending at or before `pos` and the first starting at or after it (a break across `pos` is skipped). */
function between(breaks: readonly number[], pos: number, start: number, end: number, offset: number): { start: number; end: number } {
  for (let i = 0; i < breaks.length; i += 2) {
    if (breaks[i + 1]! <= pos) start = breaks[i + 1]!;
    else if (breaks[i]! >= pos) {
      end = breaks[i]!;
      break;
    }
  }
  return { start: offset + start, end: offset + end };
}

/**
 * Whether the claim at [start, end) is hedged: a hedge in its own clause, or earlier in the
 * sentence outside any parenthesis the claim is not in. An "(e.g., within a data center)" aside
 * is its own assertion.
 */
export function isHedged(sentence: Sentence, start: number): boolean {
  const rel = start - sentence.start;
  const before = sentence.text.slice(Math.max(0, rel - CLAUSE_REACH), rel);
  const open = before.lastIndexOf('(');
  const inParens = open >= 0 && before.indexOf(')', open) < 0;
  const scope = inParens ? before.slice(open) : before.replace(/\([^)]*\)/g, '');
  const clause = clauseAround(sentence, start);
  if (HEDGE_RE.test(scope)) return true;
  // after the claim, the clause counts up to its next comma: "X, indicative of Y" hedges Y, not X
  const after = start - clause.start;
  const comma = clause.text.indexOf(',', Math.max(0, after));
  return HEDGE_RE.test(comma < 0 ? clause.text : clause.text.slice(0, comma));
}

/** Whether a negation precedes the claim in its clause (a denial asserts nothing about the flow). */
export function isNegated(sentence: Sentence, start: number): boolean {
  const clause = clauseBounds(sentence, start);
  const rel = clause.start - sentence.start;
  if (NEGATION_RE.test(sentence.text.slice(rel, start - sentence.start))) return true;
  // "no DNS, ICMP or FTP activity": a negation before a list governs every item of it, across its commas
  return rel > 0 && sentence.text.charCodeAt(rel - 1) === 44 && NEGATED_LIST.test(sentence.text.slice(Math.max(0, rel - 80), start - sentence.start));
}

/** A negation, then list items (a word or two each) joined by commas and "or"/"and"/"nor", up to the item at the end. */
const NEGATED_LIST = /\b(?:no|not|neither|without|nor)\s+[\w./-]+(?:\s+[\w./-]+)?(?:\s*,\s*(?:or\s+|and\s+|nor\s+)?[\w./-]+(?:\s+[\w./-]+)?)*\s*,\s*(?:(?:or|and|nor)\s+)?(?:[\w./-]+\s+(?:or|and|nor)\s+)?$/i;
