import type { Mention, Operand } from '../claim.ts';
import { ANY_LAYER_KEYS } from '../facts/concepts.ts';

/**
 * English words that name one side of a flow: the source (the side that opened it: the client, the
 * sender, the request, the forward direction) or the destination (the server, the receiver, the reply,
 * the backward direction). "in" and "out" follow NetFlow's IN_/OUT_ counters, which count what the
 * source sent and what came back. After "to" or "toward" a role word names the receiver instead:
 * "to server" is what the client sent.
 */
export type FlowSide = 'src' | 'dst';

const SOURCE_WORDS = ['in', 'inbound', 'incoming', 'sent', 'upload', 'uploaded', 'up', 'tx', 'forward', 'fwd', 'client', 'source', 'src', 'orig', 'originator', 'initiator', 'sender', 'request', 'requests', 'query', 'queries', 'toserver', 'ts'];
const DESTINATION_WORDS = ['out', 'outbound', 'outgoing', 'received', 'download', 'downloaded', 'down', 'rx', 'backward', 'bwd', 'server', 'destination', 'dest', 'dst', 'resp', 'responder', 'receiver', 'reply', 'replies', 'response', 'responses', 'answer', 'answers', 'toclient', 'tc'];
/** Role words whose side flips after "to"/"toward": they name a party, not a direction. */
const PARTIES = new Set(['client', 'server', 'source', 'src', 'destination', 'dest', 'dst', 'originator', 'initiator', 'responder', 'sender', 'receiver']);

const SIDE = new Map<string, FlowSide>([...SOURCE_WORDS.map((w) => [w, 'src'] as const), ...DESTINATION_WORDS.map((w) => [w, 'dst'] as const)]);

/** The words as a regex alternation, longest first (so "inbound" is tried before "in"). */
export const SIDE_WORD_SOURCE = [...SIDE.keys()].sort((a, b) => b.length - a.length).join('|');

/** The side a word names; `toward` is the "to"/"toward"/"from" written before it, if any. */
export function sideOfWord(word: string, toward?: string): FlowSide | undefined {
  const lower = word.toLowerCase();
  const side = SIDE.get(lower);
  if (side === undefined || toward === undefined || !PARTIES.has(lower) || /^from$/i.test(toward)) return side;
  return side === 'src' ? 'dst' : 'src';
}

/** The project's row for one side's total of a measure (rows of other schemas answer for it, concepts.ts). */
function sideKeys(dim: string, side: FlowSide): readonly string[] | undefined {
  if (dim === 'packets') return side === 'src' ? SRC_PACKETS : DST_PACKETS;
  if (dim === 'bytes') return side === 'src' ? SRC_BYTES : DST_BYTES;
  return undefined;
}

const SRC_PACKETS = ['IN_PKTS'];
const DST_PACKETS = ['OUT_PKTS'];
// "the client sent N bytes" may count the IP bytes or the payload: both totals of the side back it
const SRC_BYTES = ['IN_BYTES', ANY_LAYER_KEYS.src];
const DST_BYTES = ['OUT_BYTES', ANY_LAYER_KEYS.dst];

/** A mention of one side's packets or bytes at [start, end) ("client packets", "in/out"); undefined for other measures. */
export function sideMention(dim: string, side: FlowSide, start: number, end: number): Mention | undefined {
  const keys = sideKeys(dim, side);
  return keys === undefined ? undefined : { start, end, phrase: `${side === 'src' ? 'source' : 'destination'} ${dim}`, keys, exact: false };
}

/** Side words that name a party or a direction on their own (not "in", "up", "sent": too common as other words). */
const PHRASE_SIDES = ['client', 'server', 'source', 'destination', 'originator', 'responder', 'sender', 'receiver', 'request', 'response', 'reply', 'query', 'answer', 'forward', 'backward', 'fwd', 'bwd', 'upload', 'download', 'inbound', 'outbound', 'incoming', 'outgoing'];
const PHRASE_NOUNS: ReadonlyArray<[string, string]> = [['bytes', 'bytes'], ['payload', 'bytes'], ['payloads', 'bytes'], ['payload bytes', 'bytes'], ['byte count', 'bytes'], ['packets', 'packets'], ['packet count', 'packets']];

/** "client bytes", "query payload", "response packets": a side word before a measure names that side's row. */
export function sidePhrases(): Array<[string, readonly string[]]> {
  const out: Array<[string, readonly string[]]> = [];
  for (const word of PHRASE_SIDES) for (const [noun, dim] of PHRASE_NOUNS) out.push([`${word} ${noun}`, sideKeys(dim, SIDE.get(word)!)!]);
  return out;
}

/** Words that name a side on their own in a comparison ("the client sent twice as many … as the server"), as a regex alternation. */
export const PARTY_SIDE_SOURCE = [...PHRASE_SIDES, 'orig', 'resp', 'src', 'dst'].sort((a, b) => b.length - a.length).join('|');

/** One side's total of a measure, as an operand of a comparison; with `received`, the total the other side sent it. */
export function sideOperand(word: string, measure: 'packets' | 'bytes', received = false): Operand {
  const own = sideOfWord(word);
  const side = own === undefined || !received ? own : own === 'src' ? 'dst' : 'src';
  return side === undefined ? { keys: [], phrase: word } : { keys: sideKeys(measure, side)!, phrase: received ? `${measure} the ${word.toLowerCase()} received` : `${word.toLowerCase()} ${measure}` };
}
