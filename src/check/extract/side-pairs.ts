import type { ClaimPayloads, NumberText } from '../claim.ts';
import { SIDE_WORD_SOURCE, sideMention, sideOfWord, type FlowSide } from '../lexicon/side-words.ts';
import { addClaim, isTaken, scan, wordGate, type ExtractContext } from './context.ts';
import { figureOf, readingsOf } from './number-text.ts';

/*
 * A pair of figures given for the two sides of the flow, named by a pair of side words in the same
 * order: "Packets in/out were 4/3", "Requests/replies: 1/2", "to server/client 4/2 packets", "the
 * client and server sent 120 and 236 bytes respectively". Each figure is a claim about its own
 * side's row, so a pair in the wrong order or with a wrong half is caught, where a figure read on its
 * own would be matched against any row that happens to hold it.
 */

const W = SIDE_WORD_SOURCE;
const TOWARD = String.raw`(?:to(?:wards?)?|from)`;
/** Two side words of a pair, joined by a slash, "and" or "vs"; "to" before the first reads for both. */
const PAIR = String.raw`\b(?:(${TOWARD})\s+(?:the\s+)?)?(${W})(?:'s)?(?:\s*\/\s*|\s+and\s+|\s+vs\.?\s+|\s+versus\s+)(?:(${TOWARD})\s+)?(?:the\s+)?(${W})(?:'s)?\b`;
const NOUN = String.raw`packets?|pkts|bytes?|octets?|segments?|payloads?|sizes?`;
const FIGURE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Between the pair and its figures: a measure noun, a short verb, a colon or opening; no other figure. */
const LEAD = String.raw`(?:\s+(${NOUN})(?:\s+(?:counts?|totals?))?)?[\s:=(]*(?:(?:were|are|was|is|of|at|sent|exchanged|received|transferred|carried|totall?ed|counted|numbered|with|had|respectively)\b[\s:=(]*){0,3}`;
// a comma between two figures is followed by a space: "101,480" is one figure, not 101 and 480
const FIGURES = String.raw`(${FIGURE})(?:\s*\/\s*|,\s+|\s+and\s+|\s+vs\.?\s+)(${FIGURE})(?:\s*(${NOUN}|[KMG]i?B|kB|ms|s|seconds?))?(?![\w\/]|\.\d)`;
/** What the pair of side words may qualify: "the forward and backward directions carried 22 and 33 packets". */
const ENDS = String.raw`(?:\s+(?:directions?|sides?|ends?|endpoints?|hosts?|parties))?`;
const PAIR_RE = new RegExp(String.raw`(?:\b(${NOUN})\s+)?${PAIR}${ENDS}${LEAD}${FIGURES}`, 'gid');
/** A further pair of figures in the same sentence that reuses the sides: "… were 4/2 and bytes 236/120". */
const AGAIN_RE = new RegExp(String.raw`^\s*(?:,|;)?\s*(?:and\s+)?(${NOUN})\s*(?:were\s+|are\s+|:\s*)?${FIGURES}`, 'id');
const GATE = wordGate(new RegExp(String.raw`\b(?:${W})(?:'s)?(?:\s*\/\s*|\s+and\s+|\s+vs)`));

/** A noun as the unit it counts in: a payload or a size is counted in bytes. */
function measured(noun: string | undefined): string | undefined {
  return noun === undefined ? undefined : /^(?:payloads?|sizes?)$/i.test(noun) ? 'bytes' : noun;
}

/** Words for a message of one side: a count of them is a count of packets. */
const MESSAGE_WORD = /^(?:requests?|repl(?:y|ies)|respon(?:se|ses)|quer(?:y|ies))$/i;

export function extractSidePairs(ctx: ExtractContext): void {
  scan(ctx, PAIR_RE, GATE, (m, at, sentence) => {
    const first = sideOfWord(m[3]!, m[2]);
    const second = sideOfWord(m[5]!, m[4] ?? m[2]);
    if (first === undefined || second === undefined || first === second) return;
    // offsets of the groups in the sentence, made absolute
    const base = at - m.index;
    const span = (i: number, from = base, match: RegExpExecArray = m): [number, number] => [from + match.indices![i]![0], from + match.indices![i]![1]];
    const pair = { start: span(3)[0], end: span(5)[1] };
    const written = measured(m[9]) ?? measured(m[1]) ?? measured(m[6]);
    const messages = written === undefined && MESSAGE_WORD.test(m[3]!);
    if (!addPair(ctx, [first, second], written ?? (messages ? 'packets' : undefined), [m[7]!, m[8]!], [span(7), span(8)], pair, messages)) return;
    const end = at + m[0].length;
    const again = AGAIN_RE.exec(ctx.text.slice(end, sentence.end));
    if (again) addPair(ctx, [first, second], measured(again[4]) ?? measured(again[1]), [again[2]!, again[3]!], [span(2, end, again), span(3, end, again)], pair);
  });
}

/** Two quantity claims, one per figure, each bound to its side's row. */
function addPair(ctx: ExtractContext, sides: [FlowSide, FlowSide], noun: string | undefined, figures: [string, string], spans: Array<[number, number]>, pair: { start: number; end: number }, messages = false): boolean {
  const readings = noun === undefined ? [] : readingsOf(noun);
  if (readings.length === 0) return false;
  if (spans.some(([s, e]) => isTaken(ctx, s, e))) return false;
  spans.forEach(([start, end], i) => {
    const side = sides[i]!;
    const number: NumberText = { ...figureOf(figures[i]!), unit: noun!, readings };
    const data: ClaimPayloads['quantity'] = { number, context: [], side: side === 'src' ? 'in' : 'out' };
    if (messages) data.messages = true;
    const mention = sideMention(readings[0]!.dim, side, pair.start, pair.end);
    if (mention) data.mention = mention;
    addClaim(ctx, 'quantity', start, end, data, true);
  });
  return true;
}
