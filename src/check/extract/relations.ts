import type { ClaimPayloads, Operand } from '../claim.ts';
import { PARTY_SIDE_SOURCE, sideOperand } from '../lexicon/side-words.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, scanSentences, scanSentencesAtTriggers, wordGate, type ExtractContext } from './context.ts';
import { stickyOf, triggerOf } from './triggers.ts';

/*
 * Claims that relate two values of the record to each other rather than a value to a figure:
 * "the client sent twice as many packets as the server", "the answer is twice the size of the
 * query", "tcp_flags_ts and tcp_flags_tc are the same", "the two ports differ". Each names two
 * operands (a side and a measure, or two field names) and a relation (equal, different, a factor).
 */

const SIDE = String.raw`(?:the\s+)?(${PARTY_SIDE_SOURCE})(?:'s)?`;
const FACTOR = String.raw`(twice|two times|three times|four times|five times|ten times|half|\d+(?:\.\d+)?\s*(?:times|x|×))`;
const NOUN = String.raw`(packets|bytes|data|traffic|payload|octets|segments)`;
const SENT = String.raw`(?:\s+(?:sent|had|carried|received|got|returned|transmitted|produced|delivered|answered\s+with))?`;

/** "the client sent twice as many packets as the server (did)". */
const SUBJECT_FIRST = new RegExp(String.raw`\b${SIDE}${SENT}\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?${FACTOR}\s+as\s+(?:many|much)\s+${NOUN}\s+as\s+${SIDE}\b`, 'gi');
/** "twice as many backward packets as forward packets". */
const NOUN_FIRST = new RegExp(String.raw`\b${FACTOR}\s+as\s+(?:many|much)\s+(${PARTY_SIDE_SOURCE})\s+${NOUN}\s+as\s+${SIDE}\b`, 'gi');
/** "the answer is twice the size of the query", "the reply was three times as large as the request". */
const SIZE_OF = new RegExp(String.raw`\b${SIDE}(?:\s+(?:payload|packet|message))?\s+(?:is|was)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?${FACTOR}\s+(?:the\s+size\s+of|as\s+(?:large|big)\s+as|larger\s+than|bigger\s+than)\s+${SIDE}\b`, 'gi');
/** "the server sent 20% more bytes than the client", "the client sent about 17 percent fewer packets than the server". */
const PERCENT_MORE = new RegExp(String.raw`\b${SIDE}${SENT}\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+(more|less|fewer|larger|smaller|bigger)\s+(?:${NOUN}\s+)?than\s+${SIDE}\b`, 'gi');
const SEND_VERB = String.raw`sent|returned|transmitted|uploaded|delivered|pushed`;
const RECEIVE_VERB = String.raw`received|got|downloaded|took\s+in`;
/** "the responder returned 23% more bytes than it received", "the client sent 10 percent fewer packets than it got back": one party's two directions. */
const PERCENT_MORE_SELF = new RegExp(String.raw`\b${SIDE}\s+(${SEND_VERB}|${RECEIVE_VERB})\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+(more|less|fewer|larger|smaller|bigger)\s+(?:${NOUN}\s+)?than\s+(?:it|they|he|she)\s+(?:had\s+|did\s+)?(${SEND_VERB}|${RECEIVE_VERB})\b`, 'gi');
/** "than it …", "than they …": the only sentences PERCENT_MORE_SELF can match. */
const SELF_GATE = /than (?:it|they|he|she) /;
const RECEIVED = new RegExp(String.raw`^(?:${RECEIVE_VERB})$`, 'i');

const DEGREE = String.raw`(?:far\s+|much\s+|many\s+|slightly\s+|significantly\s+|considerably\s+|substantially\s+|a\s+lot\s+|a\s+bit\s+)?`;
/** "the server sent more packets than the client (did)", "the client transmitted far less data than the server". */
const MORE_THAN = new RegExp(String.raw`\b${SIDE}${SENT}\s+${DEGREE}(more|fewer|less)\s+(?:${NOUN}\s+)?than\s+${SIDE}\b`, 'gi');
/** "the client received more bytes than it sent": one party's two directions, in order. */
const MORE_THAN_SELF = new RegExp(String.raw`\b${SIDE}\s+(${SEND_VERB}|${RECEIVE_VERB})\s+${DEGREE}(more|fewer|less)\s+(?:${NOUN}\s+)?than\s+(?:it|they|he|she)\s+(?:had\s+|did\s+)?(${SEND_VERB}|${RECEIVE_VERB})\b`, 'gi');
/** "the server's byte count was higher than the client's", "client packets outnumbered server packets", "the responder's bytes exceeded the originator's". */
const MEASURE = String.raw`(packets|bytes|data|traffic|payload|octets|segments|byte\s+count|packet\s+count|(?:byte|packet)\s+total)`;
const COMPARED = new RegExp(String.raw`\b${SIDE}\s+${MEASURE}\s+(?:(?:is|was|were|are)\s+${DEGREE}(higher|greater|larger|bigger|lower|smaller)\s+than|(outnumber(?:ed|s)?|exceed(?:ed|s)?))\s+(?:that\s+of\s+|those\s+of\s+)?${SIDE}\b`, 'gi');

/** A field name as written: with an underscore or a dot inside ("tcp_flags_ts", "flow.bytes_toserver"). */
const FIELD = String.raw`([a-z][\w]*(?:[_.][\w]+)+)`;
/** "OUT_BYTES is twice the IN_BYTES", "orig_pkts is half of resp_pkts", "the OUT_BYTES value is three times IN_BYTES". */
const FIELDS_RATIO = new RegExp(String.raw`\b${FIELD}(?:\s+(?:value|count|field|figure))?\s+(?:is|was)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|exactly\s+)?${FACTOR}\s+(?:of\s+)?(?:the\s+)?(?:value\s+of\s+)?(?:the\s+)?${FIELD}\b`, 'gi');
/** Equal or different to each other; "differ from the baseline", "differ most", "match the rule" relate them to a third thing. */
const SAME = String.raw`(?:(?:are|were|is|was)\s+(not\s+)?(the\s+same|identical|equal|different|distinct)|(differ|match))(?!\s+(?:from|to|than|by|with|as|most|the|a|an|in|on|at|significantly|greatly|markedly|strongly|sharply|widely)\b)`;
/** "tcp_flags_ts and tcp_flags_tc are the same", "orig_pkts and resp_pkts differ". */
const FIELDS_SAME = new RegExp(String.raw`\b${FIELD}\s+and\s+${FIELD}\s+(?:${SAME})\b`, 'gi');
/** "the two ports differ", "the byte counts in the two directions are equal", "the source and destination ports are the same". */
const PAIR_SAME = new RegExp(String.raw`\bthe\s+(?:(two|both)\s+(ports|addresses|ips)|(byte|packet)\s+counts?\s+(?:in|of)\s+(?:the\s+)?(?:two|both)\s+directions|(source|client)\s+and\s+(?:the\s+)?(?:destination|server)\s+(ports?|addresses|ips?|byte\s+counts?|packet\s+counts?))\s+(?:${SAME})\b`, 'gi');

/**
 * Where a comparison that opens with a side can start: "the" or a party word. The regexes below
 * that open with SIDE run sticky there only, not at every character of their sentences.
 */
export const SIDE_START = triggerOf(new RegExp(String.raw`\b${SIDE}`, 'gi'));
/** The comparisons that open with a side (each match starts where SIDE_START fires). */
export const SIDE_FIRST = { SUBJECT_FIRST, SIZE_OF, PERCENT_MORE, PERCENT_MORE_SELF, MORE_THAN, MORE_THAN_SELF, COMPARED };
const [SUBJECT_FIRST_Y, SIZE_OF_Y, PERCENT_MORE_Y, PERCENT_MORE_SELF_Y, MORE_THAN_Y, MORE_THAN_SELF_Y, COMPARED_Y] = Object.values(SIDE_FIRST).map(stickyOf) as [RegExp, RegExp, RegExp, RegExp, RegExp, RegExp, RegExp];

const GATE = wordGate(/\b(?:as (?:many|much|large|big)|the size of|larger than|bigger than|the same|identical|equal|different|distinct|differ|match|twice|half|times|more|less|fewer|smaller|higher|greater|lower|outnumber\w*|exceed\w*)\b/);

const FACTORS: Readonly<Record<string, number>> = { twice: 2, 'two times': 2, 'three times': 3, 'four times': 4, 'five times': 5, 'ten times': 10, half: 0.5 };

function factorOf(text: string): number {
  return FACTORS[text.toLowerCase()] ?? Number(/\d+(?:\.\d+)?/.exec(text)![0]);
}

/** What a noun of a comparison measures. */
const measureOf = (noun: string | undefined): 'packets' | 'bytes' => (noun !== undefined && /^(?:packets?|segments)$/i.test(noun) ? 'packets' : 'bytes');

export function extractRelations(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, GATE);
  if (gated.length === 0) return;
  const add = (at: number, length: number, data: ClaimPayloads['relation']): void => {
    if (data.left.keys.length > 0 && data.right.keys.length > 0) addClaim(ctx, 'relation', at, at + length, data, true);
  };
  scanSentencesAtTriggers(ctx, gated, SIDE_START, SUBJECT_FIRST_Y, (m, at) => {
    const measure = measureOf(m[3]);
    add(at, m[0].length, ratio(sideOperand(m[1]!, measure), sideOperand(m[4]!, measure), m[2]!));
  });
  scanSentences(gated, NOUN_FIRST, (m, at) => {
    const measure = measureOf(m[3]);
    add(at, m[0].length, ratio(sideOperand(m[2]!, measure), sideOperand(m[4]!, measure), m[1]!));
  });
  // the comparisons of one party's two directions need "than it …": the sentences that have it, found once
  const selfGated = gated.filter((s) => SELF_GATE.test(s.lower));
  scanSentencesAtTriggers(ctx, gated, SIDE_START, PERCENT_MORE_Y, (m, at) => {
    add(at, m[0].length, percentMore(sideOperand(m[1]!, measureOf(m[4])), sideOperand(m[5]!, measureOf(m[4])), m[2]!, m[3]!));
  });
  scanSentencesAtTriggers(ctx, selfGated, SIDE_START, PERCENT_MORE_SELF_Y, (m, at) => {
    add(at, m[0].length, percentMore(...ownDirections(m[1]!, measureOf(m[5]), m[2]!, m[6]!), m[3]!, m[4]!));
  });
  scanSentencesAtTriggers(ctx, gated, SIDE_START, MORE_THAN_Y, (m, at, s) => {
    if (isNegated(s, at)) return;
    const measure = measureOf(m[3]);
    add(at, m[0].length, { left: sideOperand(m[1]!, measure), right: sideOperand(m[4]!, measure), relation: order(m[2]!) });
  });
  scanSentencesAtTriggers(ctx, selfGated, SIDE_START, MORE_THAN_SELF_Y, (m, at, s) => {
    if (isNegated(s, at)) return;
    const [left, right] = ownDirections(m[1]!, measureOf(m[4]), m[2]!, m[5]!);
    add(at, m[0].length, { left, right, relation: order(m[3]!) });
  });
  scanSentencesAtTriggers(ctx, gated, SIDE_START, COMPARED_Y, (m, at, s) => {
    if (isNegated(s, at)) return;
    const measure = measureOf(m[2]!.split(/\s+/)[0]);
    add(at, m[0].length, { left: sideOperand(m[1]!, measure), right: sideOperand(m[5]!, measure), relation: order(m[3] ?? m[4]!) });
  });
  scanSentencesAtTriggers(ctx, gated, SIDE_START, SIZE_OF_Y, (m, at) => add(at, m[0].length, ratio(sideOperand(m[1]!, 'bytes'), sideOperand(m[3]!, 'bytes'), m[2]!)));
  scanSentences(gated, FIELDS_SAME, (m, at, s) => {
    if (isNegated(s, at)) return;
    add(at, m[0].length, { left: { keys: [m[1]!], phrase: m[1]! }, right: { keys: [m[2]!], phrase: m[2]! }, relation: sameOf(m[3], m[4], m[5]) });
  });
  scanSentences(gated, FIELDS_RATIO, (m, at) => add(at, m[0].length, ratio({ keys: [m[1]!], phrase: m[1]! }, { keys: [m[3]!], phrase: m[3]! }, m[2]!)));
  scanSentences(gated, PAIR_SAME, (m, at) => {
    const what = (m[2] ?? m[5] ?? `${m[3]} counts`).toLowerCase();
    const pair = pairOperands(what);
    if (pair) add(at, m[0].length, { ...pair, relation: sameOf(m[6], m[7], m[8]) });
  });
}

function ratio(left: Operand, right: Operand, factor: string): ClaimPayloads['relation'] {
  return { left, right, relation: 'ratio', factor: factorOf(factor) };
}

/** "20% more" / "17 percent fewer": the left operand that many percent above or below the right. */
function percentMore(left: Operand, right: Operand, figure: string, word: string): ClaimPayloads['relation'] {
  const percent = Number(figure) * (order(word) === 'more' ? 1 : -1);
  return { left, right, relation: 'ratio', factor: 1 + percent / 100, percent };
}

/** One party's two directions as operands, in the order of the verbs ("returned … than it received"). */
function ownDirections(party: string, measure: 'packets' | 'bytes', firstVerb: string, secondVerb: string): [Operand, Operand] {
  return [sideOperand(party, measure, RECEIVED.test(firstVerb)), sideOperand(party, measure, RECEIVED.test(secondVerb))];
}

/** Whether a comparative word puts the left operand above the right. */
function order(word: string): 'more' | 'less' {
  return /^(?:more|higher|greater|larger|bigger|outnumber|exceed)/i.test(word) ? 'more' : 'less';
}

/** "are the same" / "are not the same" / "differ": whether the text says the two are equal. */
function sameOf(not: string | undefined, word: string | undefined, verb: string | undefined): 'same' | 'different' {
  const different = verb !== undefined ? /^differ$/i.test(verb) : /^(?:different|distinct)$/i.test(word!);
  return different !== (not !== undefined) ? 'different' : 'same';
}

/** The two sides' operands of what a pair names: ports, addresses, byte or packet counts. */
function pairOperands(what: string): { left: Operand; right: Operand } | undefined {
  if (/^ports?$/.test(what)) return { left: { keys: ['src_port'], phrase: 'source port' }, right: { keys: ['dst_port'], phrase: 'destination port' } };
  if (/^(?:addresses|ips?)$/.test(what)) return { left: { keys: ['src_addr'], phrase: 'source address' }, right: { keys: ['dst_addr'], phrase: 'destination address' } };
  const measure = /^packet/.test(what) ? 'packets' : /^byte/.test(what) ? 'bytes' : undefined;
  if (!measure) return undefined;
  return { left: sideOperand('client', measure), right: sideOperand('server', measure) };
}
