import type { Claim, ClaimPayloads, Mention } from '../claim.ts';
import type { Sentence } from '../text/segment.ts';
import type { ClaimKind } from '../types.ts';

/** What every extractor reads: the narrative, its sentences, row mentions, and spans already taken. */
export interface ExtractContext {
  text: string;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  /** Spans owned by an earlier extractor (addresses, timestamps, ports): numbers inside them are not quantities. */
  taken: Array<[number, number]>;
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
  return ctx.taken.some(([a, b]) => start < b && end > a);
}

/** Record a claim and optionally reserve its span. */
export function addClaim<K extends ClaimKind>(ctx: ExtractContext, kind: K, start: number, end: number, data: ClaimPayloads[K], reserve = false): void {
  const sentence = sentenceAt(ctx, start);
  if (!sentence) return;
  ctx.claims.push({ kind, start, end, sentence, data } as Claim);
  if (reserve) ctx.taken.push([start, end]);
}

/** Mentions in the same sentence as offset `at`. */
export function mentionsIn(ctx: ExtractContext, sentence: Sentence): Mention[] {
  return ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
}

/**
 * The mention a value at [start, end) is about: the nearest in its sentence within 60 characters,
 * preferring one before it (a mention after counts double distance), among those `accept` allows.
 */
export function nearestMention(ctx: ExtractContext, sentence: Sentence, start: number, end: number, accept: (m: Mention) => boolean = () => true): Mention | undefined {
  let best: Mention | undefined;
  let bestDistance = 61;
  for (const m of ctx.mentions) {
    if (m.start < sentence.start || m.end > sentence.end || !accept(m)) continue;
    const following = m.start >= end;
    if (following && /[;|:()]/.test(ctx.text.slice(end, m.start))) continue;
    const distance = m.end <= start ? start - m.end : following ? 2 * (m.start - end) : 0;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether the sentence's lower-cased text contains any of the words. */
export const hasAny = (s: Sentence, words: readonly string[]): boolean => words.some((w) => s.lower.includes(w));

/**
 * Run a global regex over the sentences that pass a cheap gate (a keyword test), calling `fn` with
 * each match and its absolute offset. Most sentences fail most gates, so most regexes never run.
 */
export function scan(ctx: ExtractContext, re: RegExp, gate: (s: Sentence) => boolean, fn: (m: RegExpExecArray, at: number, s: Sentence) => void): void {
  for (const s of ctx.sentences) {
    if (!gate(s)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) fn(m, s.start + m.index, s);
  }
}
