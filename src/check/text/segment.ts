import { HEDGE_RE, NEGATION_RE } from '../lexicon/terms.ts';

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
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (HEADING_LINE.test(line)) topic = line.toLowerCase();
    splitLine(line, lineStart, topic, out, lower);
    lineStart = lineEnd + 1;
  }
  return out;
}

const BOUNDARY = /[.!?](?=\s+[A-Z*`"(#\d-])/g;
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|approx|vs|etc|cf|Fig|No|incl|est)|\b[A-Z])$/;

function splitLine(line: string, offset: number, topic: string, out: Sentence[], lower: string | undefined): void {
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    if (ABBREVIATION.test(line.slice(Math.max(0, m.index - 8), m.index))) continue;
    push(line, from, m.index + 1, offset, topic, out, lower);
    from = m.index + 1;
  }
  push(line, from, line.length, offset, topic, out, lower);
}

function push(line: string, from: number, to: number, offset: number, topic: string, out: Sentence[], lower: string | undefined): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(line[a]!)) a++;
  while (b > a && /\s/.test(line[b - 1]!)) b--;
  if (b - a < 2) return;
  const text = line.slice(a, b);
  // every field present from the start: one object shape for all sentences
  out.push({ start: offset + a, end: offset + b, text, lower: lower === undefined ? text.toLowerCase() : lower.slice(offset + a, offset + b), topic, breaks: undefined, exactKeys: undefined });
}

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
  return HEDGE_RE.test(scope) || HEDGE_RE.test(clause.text);
}

/** Whether a negation precedes the claim in its clause (a denial asserts nothing about the flow). */
export function isNegated(sentence: Sentence, start: number): boolean {
  const clause = clauseBounds(sentence, start);
  return NEGATION_RE.test(sentence.text.slice(clause.start - sentence.start, start - sentence.start));
}
