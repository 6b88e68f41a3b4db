import { FLAG_WORD_RE, FLAG_WORDS } from '../lexicon/terms.ts';
import { isWordCode } from '../text/chars.ts';
import { scanFromWords } from './anchored-scan.ts';
import { execAtHits, stickyOf, triggered } from './triggers.ts';
import { addClaim, isTaken, lowerGate, scan, type ExtractContext } from './context.ts';

const FLAG_GATE = lowerGate(/flag/);

const FLAGS_VALUE_RE = /\b(?:TCP_FLAGS|(?:CLIENT|SERVER)_TCP_FLAGS|TCP[ _]FLAGS|TCP flags?|flags?)(?: (?:value|field|bitmask))?(?: (?:of|is|was|=|set to|equal to|equals|at))?[\s`:=*()"']{0,5}(\d{1,3})(?![\d.])/gi;
/** Every FLAGS_VALUE_RE match holds "flag" (any case) at most 11 characters after its start ("SERVER_TCP_FLAGS"). */
const FLAGS_VALUE_REACH = 11;
const NEGATED_BEFORE = /\b(?:without|no|not|absence of|lack(?:s|ing)? (?:of )?|missing|never|neither|nor)\b[^.;:]{0,25}$/i;
const NEGATED_AFTER = /^[\s\w/+-]{0,25}?\b(?:(?:flags? |bits? )?(?:is |was |are |were )?(?:not set|unset|absent|missing|cleared|not present))\b/i;

/**
 * FLAG_WORD_RE's words written in capitals, derived so the two lists stay one (terms.ts has only the
 * case-insensitive form). Upper-casing the source turns its \b into \B, put back; it holds no other
 * escape that upper case would change (\d, \w, \s).
 */
const FLAG_WORD_CAPITALS = new RegExp(FLAG_WORD_RE.source.toUpperCase().replaceAll('\\B', '\\b'), 'g');
/** ... tried only at those words (triggers.ts), not by a pass over the whole text. */
const CAPITALS = triggered(FLAG_WORD_CAPITALS);
/** What an English flag word ("reset", "Push") needs within 12 characters either side. */
const FLAG_CONTEXT = /flag|\(RST\)|\(PSH\)|\(FIN\)|\(ACK\)/gi;
const FLAG_CONTEXT_Y = stickyOf(FLAG_CONTEXT);
const FLAG_CONTEXT_REACH = 12;
/** The longest flag word ("acknowledgement"). */
const FLAG_WORD_MAX = 15;
const FLOOD_OR_SCAN = /[-\s]*(?:flood|scan)/iy;

/**
 * TCP flag claims: a value quoted for the flags field ("TCP_FLAGS 22") and each flag named as
 * set or not set ("PSH and RST without SYN or ACK" → PSH, RST set; SYN, ACK not set).
 */
export function extractFlags(ctx: ExtractContext): void {
  if (ctx.lower === undefined) scan(ctx, FLAGS_VALUE_RE, FLAG_GATE, (m, at) => addFlagsValue(ctx, m, at));
  else scanFromWords(ctx, ctx.lower, FLAGS_VALUE_RE, ['flag'], FLAGS_VALUE_REACH, (m, at) => addFlagsValue(ctx, m, at));
  for (const at of flagWords(ctx.text, ctx.lower, ctx.triggers[CAPITALS.trigger.id]!)) addFlagWord(ctx, at.at, at.word);
}

function addFlagsValue(ctx: ExtractContext, m: RegExpExecArray, mAt: number): void {
  const at = mAt + m[0].lastIndexOf(m[1]!);
  if (isTaken(ctx, at, at + m[1]!.length)) return;
  const field = /^(CLIENT|SERVER)_TCP_FLAGS/i.exec(m[0])?.[0].toUpperCase();
  addClaim(ctx, 'tcp-flags', mAt, at + m[1]!.length, field ? { flags: [], value: Number(m[1]), field } : { flags: [], value: Number(m[1]) }, true);
}

type WordAt = { at: number; word: string };

/**
 * The FLAG_WORD_RE matches that count, in text order: words in capitals anywhere, other spellings
 * only with "flag" or "(RST)" … within 12 characters ("a reset flag", not "reset the counter").
 * Rather than running the case-insensitive regex over the whole text, capitals are found by a
 * case-sensitive regex and other spellings only around the (rare) context words.
 */
function flagWords(text: string, lower: string | undefined, capitalHits: readonly number[]): WordAt[] {
  const capitals: WordAt[] = [];
  execAtHits(CAPITALS.sticky, text, capitalHits, 0, (m, at) => capitals.push({ at, word: m[0] }), 0, capitalHits.length);
  const others = wordsBesideContext(text, flagContexts(text, lower));
  if (others.length === 0) return capitals;
  return mergeByOffset(capitals, others);
}

/**
 * FLAG_CONTEXT's matches as [start, end) pairs, in order. With a lower-case text that keeps offsets,
 * only where "flag" or "(" occurs (indexOf), each confirmed by the regex itself (its matches cannot
 * overlap, so every occurrence is one).
 */
function flagContexts(text: string, lower: string | undefined): number[] {
  const out: number[] = [];
  if (lower === undefined) {
    FLAG_CONTEXT.lastIndex = 0;
    for (let m = FLAG_CONTEXT.exec(text); m; m = FLAG_CONTEXT.exec(text)) out.push(m.index, m.index + m[0].length);
    return out;
  }
  let flag = lower.indexOf('flag');
  let paren = text.indexOf('(');
  while (flag >= 0 || paren >= 0) {
    const at = paren < 0 || (flag >= 0 && flag < paren) ? flag : paren;
    FLAG_CONTEXT_Y.lastIndex = at;
    if (FLAG_CONTEXT_Y.test(text)) out.push(at, FLAG_CONTEXT_Y.lastIndex);
    if (at === flag) flag = lower.indexOf('flag', at + 1);
    else paren = text.indexOf('(', at + 1);
  }
  return out;
}

/** Flag words not in capitals that have a context ([start, end) pairs in order) within reach, in text order. */
function wordsBesideContext(text: string, contexts: readonly number[]): WordAt[] {
  const out: WordAt[] = [];
  for (let c = 0; c < contexts.length; c += 2) {
    const contextStart = contexts[c]!;
    const contextEnd = contexts[c + 1]!;
    // a word at [at, end) sees the context when at - 12 <= contextStart and contextEnd <= end + 12
    const from = Math.max(0, contextEnd - FLAG_CONTEXT_REACH - FLAG_WORD_MAX);
    const window = text.slice(from, Math.min(text.length, contextStart + FLAG_CONTEXT_REACH + FLAG_WORD_MAX));
    FLAG_WORD_RE.lastIndex = 0;
    for (let m = FLAG_WORD_RE.exec(window); m; m = FLAG_WORD_RE.exec(window)) {
      const at = from + m.index;
      const end = at + m[0].length;
      if (at > contextStart + FLAG_CONTEXT_REACH || end < contextEnd - FLAG_CONTEXT_REACH) continue;
      // the window's edges are no word boundary of the text
      if (isWordCharAt(text, at - 1) || isWordCharAt(text, end)) continue;
      if (m[0] === m[0].toUpperCase()) continue;
      // consecutive contexts can see the same word; their words come in text order
      if (out.length > 0 && out[out.length - 1]!.at >= at) continue;
      out.push({ at, word: m[0] });
    }
  }
  return out;
}

function mergeByOffset(a: readonly WordAt[], b: readonly WordAt[]): WordAt[] {
  const out: WordAt[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.at < b[j]!.at)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Whether the character at i is one \b counts as a word character; false outside the text. */
const isWordCharAt = (text: string, i: number): boolean => isWordCode(text.charCodeAt(i));

function addFlagWord(ctx: ExtractContext, at: number, word: string): void {
  const lower = word.toLowerCase();
  const flag = FLAG_WORDS[lower] ?? (lower.startsWith('acknowledg') ? 'ACK' : word.toUpperCase());
  const end = at + word.length;
  if (isFloodOrScan(ctx.text, end)) return;
  addClaim(ctx, 'tcp-flags', at, end, { flags: [{ flag, set: !isNegatedFlag(ctx.text, at, end) }] });
}

/** "SYN flood", "SYN-scan": within 8 characters after the word (the match is unique: blanks and dashes, then the word). */
function isFloodOrScan(text: string, end: number): boolean {
  FLOOD_OR_SCAN.lastIndex = end;
  return FLOOD_OR_SCAN.test(text) && FLOOD_OR_SCAN.lastIndex <= end + 8;
}

function isNegatedFlag(text: string, start: number, end: number): boolean {
  if (NEGATED_BEFORE.test(text.slice(clauseStartBefore(text, start), start))) return true;
  return NEGATED_AFTER.test(text.slice(end, clauseEndAfter(text, end)));
}

/**
 * How far back NEGATED_BEFORE can reach: a negation word of at most 11 characters ("lacking of ")
 * and at most 25 more before the flag, plus the character its \b reads. Where the clause starts
 * further back (up to 60 characters, as first written) cannot change the result.
 */
const NEGATION_REACH = 37;

/** Just after the last . ; ( or line break in the NEGATION_REACH characters before `start` (or their start). */
function clauseStartBefore(text: string, start: number): number {
  const limit = Math.max(0, start - NEGATION_REACH);
  for (let i = start - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 59 || c === 40 || c === 10) return i + 1;
  }
  return limit;
}

/** The first , . ; or ) in the 40 characters after `end` (or their end). */
function clauseEndAfter(text: string, end: number): number {
  const limit = Math.min(text.length, end + 40);
  for (let i = end; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 59 || c === 41) return i;
  }
  return limit;
}
