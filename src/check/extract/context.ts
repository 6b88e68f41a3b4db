import type { Claim, ClaimPayloads, Mention } from '../claim.ts';
import type { Sentence } from '../text/segment.ts';
import { isDigitCode } from '../text/chars.ts';
import type { ClaimKind } from '../types.ts';
import { execAtHits, triggered, type StartTest, type Triggered, type Trigger, type TriggerHits } from './triggers.ts';

/** What every extractor reads: the narrative, its sentences, row mentions, and spans already taken. */
export interface ExtractContext {
  text: string;
  /** text.toLowerCase() when that keeps every offset (ASCII and most scripts); undefined otherwise. */
  lower: string | undefined;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  /** The mentions of each sentence (both lists are in text order). */
  bySentence: ReadonlyMap<Sentence, readonly Mention[]>;
  /** Where each registered trigger word occurs (triggers.ts): the only places its regex is run. */
  triggers: TriggerHits;
  /** Spans owned by an earlier extractor (addresses, timestamps, ports): numbers inside them are not quantities. */
  taken: Uint8Array;
  claims: Claim[];
}

/** The sentence holding offset `at` (binary search). */
export function sentenceAt(ctx: ExtractContext, at: number): Sentence | undefined {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function isTaken(ctx: ExtractContext, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (ctx.taken[i] === 1) return true;
  return false;
}

/** Reserve a span so later extractors skip it. */
export function reserve(ctx: ExtractContext, start: number, end: number): void {
  ctx.taken.fill(1, start, end);
}

/** Record a claim and optionally reserve its span. */
export function addClaim<K extends ClaimKind>(ctx: ExtractContext, kind: K, start: number, end: number, data: ClaimPayloads[K], keep = false): void {
  const sentence = sentenceAt(ctx, start);
  if (!sentence) return;
  ctx.claims.push({ kind, start, end, sentence, data } as Claim);
  if (keep) reserve(ctx, start, end);
}

/** Whether a claim already found (of `kind`, when given) overlaps [start, end). */
export function overlapsClaim(ctx: ExtractContext, start: number, end: number, kind?: ClaimKind): boolean {
  for (const c of ctx.claims) if (c.start < end && c.end > start && (kind === undefined || c.kind === kind)) return true;
  return false;
}

/** Mentions in a sentence. */
export function mentionsIn(ctx: ExtractContext, sentence: Sentence): readonly Mention[] {
  return ctx.bySentence.get(sentence) ?? [];
}

/** Group mentions by sentence in one merge pass. */
export function groupMentions(sentences: readonly Sentence[], mentions: readonly Mention[]): Map<Sentence, Mention[]> {
  const out = new Map<Sentence, Mention[]>();
  let i = 0;
  for (const s of sentences) {
    while (i < mentions.length && mentions[i]!.start < s.start) i++;
    const list: Mention[] = [];
    for (let j = i; j < mentions.length && mentions[j]!.start < s.end; j++) if (mentions[j]!.end <= s.end) list.push(mentions[j]!);
    if (list.length > 0) out.set(s, list);
  }
  return out;
}

/** A filter on candidate mentions; `arg` carries the caller's data, so no closure is built per call. */
export type MentionFilter<A> = (ctx: ExtractContext, m: Mention, arg: A) => boolean;

/**
 * The mention a value at [start, end) is about: the nearest in its sentence within 60 characters,
 * preferring one before it (a mention after counts double distance), among those `accept` allows.
 */
export function nearestMention<A>(ctx: ExtractContext, sentence: Sentence, start: number, end: number, accept?: MentionFilter<A>, arg?: A): Mention | undefined {
  let best: Mention | undefined;
  let bestDistance = 61;
  for (const m of mentionsIn(ctx, sentence)) {
    const following = m.start >= end;
    const distance = m.end <= start ? start - m.end : following ? 2 * (m.start - end) : 0;
    // cheap distance test first: the filter and the gap scan run only for a mention that would win
    if (distance >= bestDistance) continue;
    if (accept && !accept(ctx, m, arg as A)) continue;
    if (following && hasCharIn(ctx.text, end, m.start, CLAUSE_MARKS)) continue;
    best = m;
    bestDistance = distance;
  }
  return best;
}

const CLAUSE_MARKS = ';|:()';

/** Whether text[from, to) holds any of the characters of `chars`. */
export function hasCharIn(text: string, from: number, to: number, chars: string): boolean {
  for (let i = from; i < to; i++) if (chars.includes(text[i]!)) return true;
  return false;
}

/** Whether text[from, to) holds an ASCII digit (what /\d/ matches). */
export function hasDigitIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Run a trigger's sticky regex over the whole text, at its trigger words only: the matches a global
 * scan of the text finds, with their sentences (a match outside every sentence is dropped), without
 * a pass over every character.
 */
export function scanTriggers(ctx: ExtractContext, trigger: Trigger, sticky: RegExp, fn: (m: RegExpExecArray, at: number, s: Sentence) => void, hay = ctx.text): void {
  const { at: hits, from } = ctx.triggers;
  execAtHits(sticky, hay, hits, 0, (m, at) => {
    const s = sentenceAt(ctx, at);
    if (s) fn(m, at, s);
  }, from[trigger.id]!, from[trigger.id + 1]!);
}

/**
 * Run a trigger's sticky regex inside each sentence (that `accept` passes) at its trigger words:
 * the matches a global scan of each such sentence's text finds (scan), with absolute offsets.
 */
export function scanTriggersIn(ctx: ExtractContext, trigger: Trigger, sticky: RegExp, accept: ((s: Sentence) => boolean) | undefined, fn: (m: RegExpExecArray, at: number, s: Sentence) => void, mayStart?: StartTest): void {
  const { at: hits, from } = ctx.triggers;
  const last = from[trigger.id + 1]!;
  const sentences = ctx.sentences;
  let k = 0;
  for (let i = from[trigger.id]!; i < last; ) {
    while (k < sentences.length && sentences[k]!.end <= hits[i]!) k++;
    if (k === sentences.length) return;
    const s = sentences[k]!;
    let j = i;
    while (j < last && hits[j]! < s.end) j++;
    // hits before the sentence's start (between sentences) fall outside its text and are skipped
    if (accept === undefined || accept(s)) execAtHits(sticky, s.text, hits, s.start, (m, at) => fn(m, s.start + at, s), i, j, mayStart);
    i = j;
  }
}

/** The length of the run of ASCII digits at `at` (0 when none starts there). */
export function digitRunAt(text: string, at: number): number {
  let end = at;
  while (isDigitCode(text.charCodeAt(end))) end++;
  return end - at;
}

/**
 * Run a trigger's sticky regex inside each of the given sentences (in text order: a gate's result)
 * at its trigger words only: what scanSentences finds with the regex, when every match starts at one.
 */
export function scanSentencesAtTriggers(ctx: ExtractContext, sentences: readonly Sentence[], trigger: Trigger, sticky: RegExp, fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  const { at: hits, from } = ctx.triggers;
  const last = from[trigger.id + 1]!;
  let i = from[trigger.id]!;
  for (const s of sentences) {
    while (i < last && hits[i]! < s.start) i++;
    let j = i;
    while (j < last && hits[j]! < s.end) j++;
    if (j > i) execAtHits(sticky, s.text, hits, s.start, (m, at) => fn(m, s.start + at, s), i, j);
    i = j;
  }
}

/**
 * A cheap keyword test a sentence must pass before a costly regex runs on it: a global regex
 * searched in the sentence's text, or in its lower-cased text when `lower`.
 */
export interface Gate {
  re: RegExp;
  lower: boolean;
}

/** A gate from a regex (made global), searched in the lower-cased text. */
export const lowerGate = (re: RegExp): Gate => ({ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), lower: true });
/** A gate from a regex (made global), searched in the text as written. */
export const textGate = (re: RegExp): Gate => ({ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), lower: false });

/**
 * A gate read at its trigger words: a keyword regex that starts with \b and a word (first-runs.ts)
 * is tried only where one of its first words occurs, instead of at every character of the text. A
 * lower-case gate is run case-insensitively on the text as written (offsets never move).
 */
export interface WordGate extends Triggered {
  /** The gate as written, for the test that the triggered reading passes the same sentences. */
  gate: Gate;
}

const WORD_GATES: WordGate[] = [];

export function wordGate(re: RegExp, lower = true): WordGate {
  const gate = lower ? lowerGate(re) : textGate(re);
  const flags = lower && !re.flags.includes('i') ? `${re.flags}i` : re.flags;
  const out = { ...triggered(new RegExp(re.source, flags)), gate };
  WORD_GATES.push(out);
  return out;
}

/** Every word gate made so far (the extractors make theirs when their modules load). */
export const registeredWordGates = (): readonly WordGate[] => WORD_GATES;

const isWordGate = (gate: Gate | WordGate): gate is WordGate => 'trigger' in gate;

/** The sentences a word gate passes: those where its regex matches, whole, at one of its trigger words. */
function wordGatedSentences(ctx: ExtractContext, gate: WordGate): Sentence[] {
  const out: Sentence[] = [];
  const { at: hits, from } = ctx.triggers;
  const { sentences, text } = ctx;
  const sticky = gate.sticky;
  let k = 0;
  for (let h = from[gate.trigger.id]!, last = from[gate.trigger.id + 1]!; h < last; h++) {
    const at = hits[h]!;
    while (k < sentences.length && sentences[k]!.end <= at) k++;
    if (k === sentences.length) break;
    const s = sentences[k]!;
    if (at < s.start || out[out.length - 1] === s) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m !== null && at + m[0].length <= s.end) out.push(s);
  }
  return out;
}

/**
 * The sentences a gate passes, in order, from one search of the whole text rather than one test per
 * sentence. A gate match counts for the sentence that holds all of it; sentences are separated by
 * whitespace (after their . ! ? or line break), so a gate's keywords and \b read the same in
 * the whole text as in the sentence alone.
 */
export function gatedSentences(ctx: ExtractContext, gate: Gate | WordGate): Sentence[] {
  if (isWordGate(gate)) return wordGatedSentences(ctx, gate);
  const out: Sentence[] = [];
  if (gate.lower && ctx.lower === undefined) {
    // lower-casing changed lengths: offsets differ, so test sentence by sentence
    for (const s of ctx.sentences) if (testFrom(gate.re, s.lower)) out.push(s);
    return out;
  }
  const hay = gate.lower ? ctx.lower! : ctx.text;
  const re = gate.re;
  re.lastIndex = 0;
  for (let m = re.exec(hay); m; m = re.exec(hay)) {
    const s = sentenceAt(ctx, m.index);
    if (s && m.index + m[0].length <= s.end) {
      out.push(s);
      re.lastIndex = s.end;
    } else re.lastIndex = m.index + 1;
  }
  return out;
}

function testFrom(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * Run a global regex over the sentences that pass a gate, calling `fn` with each match and its
 * absolute offset. Most sentences fail most gates, so most regexes never run.
 */
export function scan(ctx: ExtractContext, re: RegExp, gate: Gate | WordGate | ((s: Sentence) => boolean), fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  scanSentences(typeof gate === 'function' ? ctx.sentences.filter(gate) : gatedSentences(ctx, gate), re, fn);
}

/** Run a global regex over each of the given sentences (a gate's result, when two regexes share one gate). */
export function scanSentences(sentences: readonly Sentence[], re: RegExp, fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  for (const s of sentences) {
    re.lastIndex = 0;
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) fn(m, s.start + m.index, s);
  }
}
