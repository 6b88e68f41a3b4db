import { isNegated } from '../text/segment.ts';
import { addClaim, isTaken, lowerGate, overlapsClaim, scan, type ExtractContext } from './context.ts';
import { NUMBER_WORDS } from './quantities.ts';

/*
 * A count of the items of a list the record holds, or of the different values one field takes over
 * them: "three SSH login events", "five different user names", "two distinct source ports". Which
 * list and field, if any, is the checker's to find; counts of packets, bytes or flows are quantities.
 */
const COUNT = String.raw`(\d{1,3}|one|${NUMBER_WORDS.join('|')})`;
const LIST_COUNT_RE = new RegExp(String.raw`\b${COUNT}\s+(?:(different|distinct|unique|separate)\s+)?((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*s)\b`, 'gi');
const GATE = lowerGate(new RegExp(String.raw`\b(?:\d{1,3}|one|${NUMBER_WORDS.join('|')})\s+`));
/** Plural nouns that quantities and other claims read: no list count. */
const MEASURES = /(?:^|\s)(?:packets|bytes|octets|flows|connections|sessions|seconds|minutes|hours|days|milliseconds|ms|times|bits|kilobytes|megabytes|percent|hops|segments)$/i;

/** "the first two attempts", "the other three": a part of the list, not its size. */
const SUBSET_BEFORE = /\b(?:first|last|next|other|remaining|previous|earlier|later|final|initial|top|of the|of these|of those|of its)\s+$/i;

const wordCount = (word: string): number => (/^\d+$/.test(word) ? Number(word) : word.toLowerCase() === 'one' ? 1 : NUMBER_WORDS.indexOf(word.toLowerCase()) + 2);

export function extractListCounts(ctx: ExtractContext): void {
  scan(ctx, LIST_COUNT_RE, GATE, (m, at, sentence) => {
    const noun = m[3]!;
    if (MEASURES.test(noun) || isTaken(ctx, at, at + m[0].length) || isNegated(sentence, at)) return;
    // a claim already on the count itself ("five packets" read as a quantity) keeps it
    const countEnd = at + m[1]!.length;
    if (overlapsClaim(ctx, at, countEnd) || SUBSET_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 16), at))) return;
    addClaim(ctx, 'list-count', at, at + m[0].length, { count: wordCount(m[1]!), distinct: m[2] !== undefined, noun: noun.toLowerCase() });
  });
}
