import { isDigitCode } from '../text/chars.ts';
import type { Sentence } from '../text/segment.ts';
import { sentenceAt, type ExtractContext, type Gate } from './context.ts';

/*
 * Faster ways to find the matches a regex would find when run over each sentence on its own.
 *
 * Sentences are separated by whitespace (after their . ! ? or line break), so a match without
 * whitespace never crosses a sentence, and \b or a one-character lookaround at a sentence edge
 * reads the blank beyond it as it reads the sentence's start or end. That lets a regex run once
 * over the whole text, or only where a literal every match must hold occurs (an "anchor").
 */

/**
 * The matches of a global regex, sentence by sentence, from one search of the whole text. A match
 * that runs past its sentence (through a blank, e.g. `\s?`) is not what the sentence alone gives:
 * the rest of that sentence is then searched on its own.
 */
export function scanTextBySentence(ctx: ExtractContext, re: RegExp, fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  const text = ctx.text;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    const s = sentenceAt(ctx, at);
    if (!s) re.lastIndex = at + 1;
    else if (at + m[0].length <= s.end) fn(m, at, s);
    else {
      scanRestOfSentence(s, re, at - s.start, fn);
      re.lastIndex = s.end;
    }
  }
}

function scanRestOfSentence(s: Sentence, re: RegExp, from: number, fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  re.lastIndex = from;
  for (let m = re.exec(s.text); m; m = re.exec(s.text)) fn(m, s.start + m.index, s);
}

/** Whether a sentence passes a gate, tested on the sentence alone (what gatedSentences finds). */
export function passes(s: Sentence, gate: Gate): boolean {
  gate.re.lastIndex = 0;
  return gate.re.test(gate.lower ? s.lower : s.text);
}

/** The first match of a sticky regex starting at any of from..to (leftmost first), or null. */
export function stickyMatch(re: RegExp, text: string, from: number, to: number): RegExpExecArray | null {
  for (let at = from; at <= to; at++) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** Whether the character at i is an ASCII digit (what /\d/ matches). */
export const isDigitAt = (text: string, i: number): boolean => isDigitCode(text.charCodeAt(i));

/** Whether the character at i is a hex digit, either case (what /[0-9a-f]/i matches). */
export function isHexAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isDigitCode(c)) return true;
  const letter = c | 0x20; // A–F to a–f
  return letter >= 97 && letter <= 102;
}
