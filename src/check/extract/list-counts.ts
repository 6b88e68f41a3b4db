import { isNegated } from '../text/segment.ts';
import { addClaim, digitRunAt, isTaken, overlapsClaim, scan, scanTriggersIn, wordGate, type ExtractContext } from './context.ts';
import { isSpaceCode } from '../text/chars.ts';
import { triggered } from './triggers.ts';
import { NUMBER_WORDS } from './quantities.ts';

/*
 * A count of the items of a list the record holds, or of the different values one field takes over
 * them: "three SSH login events", "five different user names", "two distinct source ports". Which
 * list and field, if any, is the checker's to find; counts of packets, bytes or flows are quantities.
 */
const COUNT = String.raw`(\d{1,3}|one|${NUMBER_WORDS.join('|')})`;
const LIST_COUNT_RE = new RegExp(String.raw`\b${COUNT}\s+(?:(different|distinct|unique|separate)\s+)?((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*s)\b`, 'gi');
/** Run at its first words only: a figure or a number word. */
const LIST_COUNT = triggered(LIST_COUNT_RE);
/** Where LIST_COUNT_RE can start: at a word, or at a run of at most 3 digits with a blank after it; most figures are not. */
export const listCountMayStart = (text: string, at: number): boolean => {
  const digits = digitRunAt(text, at);
  return digits === 0 || (digits <= 3 && isSpaceCode(text.charCodeAt(at + digits)));
};
/** Plural nouns that quantities and other claims read: no list count. */
const MEASURES = /(?:^|\s)(?:packets|bytes|octets|flows|connections|sessions|seconds|minutes|hours|days|milliseconds|ms|times|bits|kilobytes|megabytes|percent|hops|segments)$/i;

/** Words ending in s that are no plural noun. */
const NOT_PLURAL = /(?:^|\s)(?:is|was|has|does|its|this|thus|plus|as|us|yes|his|hers|ours|yours|theirs|whereas|unless|across|always|perhaps|sometimes)$/i;
/** A character that joins the count to a name ("db-01", "v2.14"). */
const INSIDE_NAME = /[-./_:]/;

/** "the first two attempts", "the other three": a part of the list, not its size. */
const SUBSET_BEFORE = /\b(?:first|last|next|other|remaining|previous|earlier|later|final|initial|top|of the|of these|of those|of its)\s+$/i;

const wordCount = (word: string): number => (/^\d+$/.test(word) ? Number(word) : word.toLowerCase() === 'one' ? 1 : NUMBER_WORDS.indexOf(word.toLowerCase()) + 2);

export function extractListCounts(ctx: ExtractContext): void {
  scanTriggersIn(ctx, LIST_COUNT.trigger, LIST_COUNT.sticky, undefined, (m, at, sentence) => {
    const noun = m[3]!;
    // "db-01 is": digits inside a name, and a verb or pronoun ending in s, are no count of things
    if (MEASURES.test(noun) || NOT_PLURAL.test(noun) || INSIDE_NAME.test(ctx.text.charAt(at - 1)) || isTaken(ctx, at, at + m[0].length) || isNegated(sentence, at)) return;
    // a claim already on the count itself ("five packets" read as a quantity) keeps it
    const countEnd = at + m[1]!.length;
    if (overlapsClaim(ctx, at, countEnd) || SUBSET_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 16), at))) return;
    addClaim(ctx, 'list-count', at, at + m[0].length, { count: wordCount(m[1]!), distinct: m[2] !== undefined, noun: noun.toLowerCase() });
  }, listCountMayStart);
}

/**
 * "Both failures used the same source port", "all attempts came from the same IP", "each event had a
 * different user": whether the items of a list share a value. Which items are meant ("both
 * failures") is not read; the checker answers only where the whole list settles it.
 */
const LIST_SAME = /\b(?:both|all|each|every|the)\s+(?:(?:of\s+the\s+)?(?:\w+\s+){0,2}?)(?:used|came from|targeted|had|shared|share|use|come from|were from|went to|hit)\s+(?:the\s+)?(same|different|distinct)\s+(?:(source|src|destination|dst|dest|target)\s+)?(ports?|addresses|address|ips?|user names?|usernames?|users?|accounts?|hosts?)\b/gi;
const LIST_SAME_GATE = wordGate(/\b(?:same|different|distinct)\b/);

export function extractListSame(ctx: ExtractContext): void {
  scan(ctx, LIST_SAME, LIST_SAME_GATE, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    const noun = m[3]!.toLowerCase();
    const what = /^port/.test(noun) ? 'port' : /^(?:address|ip)/.test(noun) ? 'address' : /^(?:user|account)/.test(noun) ? 'user' : 'host';
    const sideWord = m[2]?.toLowerCase();
    // without a side word, the verb says which end: "came from" the source, "targeted" the destination
    const verb = /\b(?:came from|come from|were from)\b/i.test(m[0]) ? 'src' : /\b(?:targeted|went to|hit)\b/i.test(m[0]) ? 'dst' : undefined;
    const side = sideWord === undefined ? verb : /^(?:source|src)$/.test(sideWord) ? 'src' : 'dst';
    addClaim(ctx, 'list-same', at, at + m[0].length, { what, ...(side ? { side } : {}), same: m[1]!.toLowerCase() === 'same' });
  });
}
