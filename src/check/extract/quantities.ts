import type { ClaimPayloads, Mention, NumberText } from '../claim.ts';
import type { Dimension } from '../facts/dimension.ts';
import { STRONG_NATURAL } from '../lexicon/field-names.ts';
import { compatible, keyDimension } from '../lexicon/key-dimension.ts';
import { isDigitCode } from '../text/chars.ts';
import { clauseBounds, isNegated } from '../text/segment.ts';
import type { Sentence } from '../text/segment.ts';
import { addClaim, hasDigitIn, scan, scanTriggers, wordGate, scanTriggersIn, isTaken, mentionsIn, nearestMention, sentenceAt, type ExtractContext, type MentionFilter } from './context.ts';
import { labelBefore } from './label-before.ts';
import { PREFIX_NOUN_SOURCE } from './field-values.ts';
import { sideMention, sideOfWord } from '../lexicon/side-words.ts';
import { parallelMention } from './parallel.ts';
import { stickyOf } from './triggers.ts';
import { boundOf, hedgeBefore, NUMBER_RE, numberText, readingsOf } from './number-text.ts';
import { triggered } from './triggers.ts';

// "the median of IN_PKTS is 6": the statistic may name its field between it and the figure
const STAT_WORD = String.raw`median|p99|p9\d|p50|percentile|threshold|scored?|rank|contribution|contribut(?:es|ed|ing)`;
/** The statistic a figure is quoted as: the nearest word of one before it ("rank 1) with a score of 0.71" is a score). */
const QUALIFIER_RE = new RegExp(String.raw`(?<![\w])(${STAT_WORD})\b(?![^.;|,]*(?<![\w])(?:${STAT_WORD})\b)[^.;|,]{0,28}$`, 'i');
/** "above the 99th percentile of 60": the value at a percentile, not a percentile. */
const VALUE_AT_PERCENTILE = /\b(\d{1,2})(?:st|nd|rd|th)[- ]percentile\s+(?:of|is|was|at|=|:)\s*(?:about\s+|only\s+|roughly\s+)?$/i;
/** "below the median (462 vs 1,180)": the first of a pair set against each other is the record's own value. */
const PAIR_FIRST_AFTER = /^\s*(?:[\w/%]+\s+)?(?:vs\.?|versus|against|compared\s+(?:to|with))\s/i;
// the words between a count and its noun describe the noun ("5 distinct destination ports"); a verb or a joining word ends the phrase ("128 suggest packets")
const COUNT_NOUN_RE = /^\s+(?:(?!(?:suggests?|indicates?|shows?|means?|implies|imply|points?|reflects?|confirms?|is|are|was|were|and|or|but|to|from|of|in|on|at|for|by|with|than)\b)[\w-]+\s+){1,2}?(flows?|connections?|sessions?|ports?|destinations|addresses|hosts|packets?)\b/i;
const RATIO_RE = /\b(?:ratio|factor|times)\b[^.;|]{0,45}$/i;
const SIDE_IN_RE = /\b(?:forward|fwd|upstream|client-to-server|source-to-destination|query|queries|request|requests)\b(?:\s+\w+){0,2}?\s+(?:carried|had|has|contained|saw|sent|transmitted|was|were|is|are|totall?ed|moved|delivered|held)\b[^;|.]{0,20}$|\b(?:source|client|sender|src|originator|initiator)\b[^;|]{0,30}\b(?:sent|transmitted|uploaded|pushed|delivered)\b[^;|]{0,20}$|\b(?:sent|transmitted|uploaded) by the source\b/i;
const SIDE_OUT_RE = /\b(?:backward|bwd|reverse|return|downstream|server-to-client|destination-to-source|answers?|responses?|repl(?:y|ies))\b(?:\s+\w+){0,2}?\s+(?:carried|had|has|contained|saw|sent|transmitted|was|were|is|are|totall?ed|moved|delivered|held)\b[^;|.]{0,20}$|\b(?:received|came back|returned|replied|got back|back from|response of|responded with)\b[^;|]{0,20}$|\b(?:destination|server|responder|receiver|target)\b[^;|]{0,30}\b(?:sent|transmitted|returned|delivered|answered with)\b[^;|]{0,20}$/i;
/** "180 bytes of payload", "a 180-byte payload", "180 payload bytes", "a payload of 180 bytes": the application data, not the IP packets. */
const PAYLOAD_AFTER = /^(?:-byte)?\s+(?:of\s+(?:\w+\s+)?|\w+\s+)?payloads?\b|^\s+payload\s+bytes\b/i;
const PAYLOAD_BEFORE = /\bpayloads?\s+(?:of|was|were|is|are|totall?ing|carried)\s+(?:about\s+|only\s+|just\s+)?$/i;
/** "65,535 bytes, was advertised by the server", "1,200 bytes were sent by the client": the side a passive names after the figure. */
const BY_THE = /\bby\s+the\s/i;
const sentenceHasByThe = (sentence: Sentence): boolean => (sentenceGates(sentence) & BY_THE_WORDS) !== 0;
const BY_PARTY = /[^.;]{0,40}?\b(?:was|were)\s+(?:advertised|sent|announced|offered|transmitted|uploaded|returned)\s+by\s+the\s+(server|client|source|destination|responder|originator|initiator|sender|receiver)\b/iy;

function sideByAgent(text: string, end: number, sentence: Sentence): { side: 'in' | 'out'; end: number } | undefined {
  const sentenceEnd = sentence.end;
  // only a sentence with "by the" in it can name the agent; the lazy search below tries 40 starts
  if (!sentenceHasByThe(sentence)) return undefined;
  // sticky at the figure's end: the pattern's own bounded reach keeps the search short, with no slice
  BY_PARTY.lastIndex = end;
  const m = BY_PARTY.exec(text);
  if (!m || m.index + m[0].length > sentenceEnd) return undefined;
  return { side: /^(?:server|destination|responder|receiver)$/i.test(m[1]!) ? 'out' : 'in', end: m.index + m[0].length };
}

/** "… and the client 32": a party right before a bare figure after "and". */
/** The parties a figure of one side is said of (elided after "and", or qualifying what is measured). */
const PARTY = 'client|server|source|destination|originator|responder|sender|receiver';
const ELIDED_PARTY = new RegExp(String.raw`\band\s+(?:the\s+)?(${PARTY})\s+$`, 'i');

/** The last figure with a unit read before `at` in the sentence (the one an elided figure repeats the unit of). */
function lastQuantityIn(ctx: ExtractContext, sentence: Sentence, at: number): NumberText | undefined {
  for (let i = ctx.claims.length - 1; i >= 0; i--) {
    const c = ctx.claims[i]!;
    if (c.sentence !== sentence || c.end > at) continue;
    if (c.kind === 'quantity' && (c.data as ClaimPayloads['quantity']).number.unit !== undefined) return (c.data as ClaimPayloads['quantity']).number;
  }
  return undefined;
}

/** "the gap between client packets was 124 ms", "server-side bytes totalled …": a side named as a noun's qualifier before the figure (the last one in reach). */
const SIDE_NOUN_RE = new RegExp(String.raw`\b(${PARTY})(?:'s)?[\s-]+(?:packets?|bytes|segments|traffic|data|side)\b`, 'gi');

/** The party words SIDE_NOUN_RE reads, as a cheap test on the lower-case window first. */
const SIDE_NOUN_GATE = new RegExp(PARTY);
/** What one side of a flow sends: a side named of a figure of these is its. */
const SIDED: ReadonlySet<string> = new Set(['bytes', 'packets', 'time', 'bytes/s', 'bits/s', 'packets/s', 'bits']);

function sideOfNoun(before: string): 'in' | 'out' | undefined {
  let word: string | undefined;
  SIDE_NOUN_RE.lastIndex = 0;
  for (let m = SIDE_NOUN_RE.exec(before); m; m = SIDE_NOUN_RE.exec(before)) word = m[1];
  const side = word === undefined ? undefined : sideOfWord(word);
  return side === 'src' ? 'in' : side === 'dst' ? 'out' : undefined;
}

const WITH_HEADERS = /^[^.;]{0,25}\b(?:with|including|incl\.?|plus)\s+(?:the\s+|its\s+)?(?:IP\s+|TCP\s+|UDP\s+)?headers?\b/i;

/** A byte figure said of the payload alone: not one said to include the headers. */
function isPayloadOnly(after: string, before: string): boolean {
  return (PAYLOAD_AFTER.test(after) || PAYLOAD_BEFORE.test(before)) && !WITH_HEADERS.test(after);
}
const INITIAL_RE = /\b(?:initial|original|starting|default|start(?:ing)? value of the)\s+(?:ip\s+)?$/i;
const TTL_MAX_RE = /\b(?:maximum|max|highest|largest|upper limit|greatest)(?: possible| allowed)?(?: TTL)?(?: value)?\b/i;

/** Numbers with units, or bound to a row name: each becomes a quantity claim. */
export function extractQuantities(ctx: ExtractContext): void {
  scanTriggersIn(ctx, NUMBER.trigger, NUMBER.sticky, undefined, (m, numStart, sentence) => quantityAt(ctx, m, numStart, sentence));
  scanTriggers(ctx, NUMBER_WORD.trigger, NUMBER_WORD.sticky, (m, at, sentence) => numberWordAt(ctx, m, at, sentence));
  scan(ctx, ARTICLE_TIME_RE, ARTICLE_TIME_GATE, (m, at, sentence) => articleTimeAt(ctx, m, at, sentence));
  scan(ctx, WORD_TIMES_RE, WORD_TIMES_GATE, (m, at, sentence) => wordOccurrencesAt(ctx, m, at, sentence));
}

export const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
/**
 * A count spelled out before what it counts ("twelve different hosts", "three response packets").
 * "one" is left out: "one connection" usually means "a connection", not a count to check.
 */
const NUMBER_WORD_RE = new RegExp(String.raw`\b(${NUMBER_WORDS.join('|')})\s+(?:([\w-]+)\s+)?(flows?|connections?|sessions?|ports?|destinations|addresses|hosts|packets?|seconds|minutes|hours|days)\b`, 'gi');
const NUMBER_WORD = triggered(NUMBER_WORD_RE);
/** "suppressed for an hour", "lasted about a minute": one unit of time said with an article ("a second" is left out: it is as often an ordinal). */
const ARTICLE_TIME_RE = /\b(?:for|about|around|roughly|nearly|almost|over|under|within|lasted|lasting|took|after)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|only\s+)?(an?)\s+(minute|hour|day)\b(?!['’]s)/gi;
const ARTICLE_TIME_GATE = wordGate(/\b(?:minute|hour|day)\b/);

const WORD_RANGE_BEFORE_RE = new RegExp(String.raw`\b(?:between|from)\s+(one|${NUMBER_WORDS.join('|')})\s+(?:and|to)\s+$`, 'i');
/** "the two ports", "these two addresses": the flow's own pair (every flow has two ends), not a count stated. */
const DEFINITE_BEFORE_RE = /\b(?:the|these|those|its|their)\s+$/i;

function flowPair(text: string, m: RegExpExecArray, at: number, sentence: Sentence): boolean {
  return /^two$/i.test(m[1]!) && m[2] === undefined && /^(?:ports|addresses|hosts)$/i.test(m[3]!) && DEFINITE_BEFORE_RE.test(text.slice(Math.max(sentence.start, at - 8), at));
}
const PER_SECOND_RE = /\s*(?:per second|\/\s?s(?:ec)?|a second|each second)\b/iy;

/** The value of a number word ("one" included: it may open a range). */
const wordValue = (word: string): number => (word.toLowerCase() === 'one' ? 1 : NUMBER_WORDS.indexOf(word.toLowerCase()) + 2);

/** "the rule has fired five times": how often something happened, spelled out. */
const WORD_TIMES_RE = new RegExp(String.raw`\b(${NUMBER_WORDS.join('|')})\s+times\b`, 'gi');
const WORD_TIMES_GATE = wordGate(/\btimes\b/);

function wordOccurrencesAt(ctx: ExtractContext, m: RegExpExecArray, at: number, sentence: Sentence): void {
  const end = at + m[0].length;
  if (isTaken(ctx, at, end) || isNegated(sentence, at)) return;
  // "five times larger" compares; only a verb of happening before it makes a count of occurrences
  if (!OCCURRENCE_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 60), at)) || COMPARISON_AFTER.test(ctx.text.slice(end, Math.min(sentence.end, end + 20)))) return;
  const number: NumberText = { value: wordValue(m[1]!), halfStep: 0.5, unit: 'times', readings: RATIO_READING };
  addClaim(ctx, 'quantity', at, end, { number, context: exactKeysOf(sentence, mentionsIn(ctx, sentence)), occurrences: true });
}

function articleTimeAt(ctx: ExtractContext, m: RegExpExecArray, at: number, sentence: Sentence): void {
  const end = at + m[0].length;
  // the article ends what comes before the unit
  const start = at + m[0].slice(0, m[0].length - m[2]!.length).trimEnd().length - m[1]!.length;
  if (isTaken(ctx, start, end) || isNegated(sentence, start)) return;
  const unit = m[2]!.toLowerCase();
  const number: NumberText = { value: 1, halfStep: 0.5, unit, readings: readingsOf(unit) };
  const hedge = hedgeBefore(ctx.text, start);
  if (hedge) number.bound = boundOf(hedge.word);
  addClaim(ctx, 'quantity', start, end, { number, context: exactKeysOf(sentence, mentionsIn(ctx, sentence)) });
}

function numberWordAt(ctx: ExtractContext, m: RegExpExecArray, start: number, sentence: Sentence): void {
  let at = start;
  let end = at + m[0].length;
  if (isTaken(ctx, at, end) || isNegated(sentence, at) || flowPair(ctx.text, m, at, sentence)) return;
  // "six packets per second" is a rate
  PER_SECOND_RE.lastIndex = end;
  const perSecond = /^packets?$/i.test(m[3]!) && PER_SECOND_RE.test(ctx.text);
  if (perSecond) end = PER_SECOND_RE.lastIndex;
  const unit = perSecond ? 'packets per second' : m[3]!;
  const readings = readingsOf(unit.toLowerCase());
  const number: NumberText = { value: wordValue(m[1]!), halfStep: 0.5, unit, readings };
  const hedge = hedgeBefore(ctx.text, start);
  if (hedge) number.bound = boundOf(hedge.word);
  // "between six and seven packets": one claim on the range, as for figures
  const before = WORD_RANGE_BEFORE_RE.exec(ctx.text.slice(Math.max(sentence.start, at - 30), at));
  const range = before !== null && wordValue(before[1]!) < number.value;
  if (range) at -= before[0].length;
  const wordEnd = start + m[1]!.length;
  const data: ClaimPayloads['quantity'] = { number: range ? rangeOf(wordValue(before[1]!), number) : number, context: exactKeysOf(sentence, mentionsIn(ctx, sentence)) };
  // "four client packets": a side word between the count and its noun names the row
  const side = m[2] === undefined || number.readings.length === 0 ? undefined : sideOfWord(m[2]);
  const mention = (side && sideMention(number.readings[0]!.dim, side, at, end)) || bindMention(ctx, sentence, at, wordEnd, number.readings);
  if (mention) data.mention = mention;
  addClaim(ctx, 'quantity', at, end, data);
}

/** Numbers are read at the word runs that start with a digit (NUMBER_RE's lookbehind rules out a word character before one). */
const NUMBER = triggered(NUMBER_RE);
const QUALIFIER_GATE = /median|p[59]\d|percentile|threshold|score|rank|contribut/;
const RATIO_GATE = /ratio|factor|times/;
// a query or request is what the client sent, an answer, response or reply what came back
const SIDE_IN_GATE = /sent|transmitted|uploaded|pushed|delivered|forward|fwd|upstream|client-to|source-to|quer|request/;
const SIDE_OUT_GATE = /receiv|back|returned|repl|respon|sent|transmitted|delivered|answer|bwd|reverse|return|downstream|server-to|destination-to/;
/** Any word of the three gates above: most windows before a number hold none, and one test rules all three out. */
const ANY_GATE = new RegExp([QUALIFIER_GATE, SIDE_IN_GATE, SIDE_OUT_GATE].map((re) => re.source).join('|'));

function quantityAt(ctx: ExtractContext, m: RegExpExecArray, numStart: number, sentence: Sentence): void {
  const end = numStart + m[0].length;
  if (isTaken(ctx, numStart, end) || skipNumber(ctx.text, numStart, end)) return;
  const inSentence = mentionsIn(ctx, sentence);
  for (const x of inSentence) if (numStart < x.end && end > x.start) return;
  const hedge = hedgeBefore(ctx.text, numStart);
  const range = rangeAt(ctx, m, numStart, end);
  if (range) {
    addRange(ctx, range, sentence);
    return;
  }
  const start = hedge?.start ?? numStart;
  let number = numberText(m, hedge?.word);
  const compound = compoundDuration(ctx.text, number, end);
  if (compound) {
    addClaim(ctx, 'quantity', start, compound.end, { number: compound.number, context: contextOf(sentence, inSentence, numStart), ...bound(bindMention(ctx, sentence, numStart, compound.end, compound.number.readings)) }, true);
    return;
  }
  const beforeStart = Math.max(sentence.start, numStart - 40);
  const beforeText = ctx.text.slice(beforeStart, numStart);
  // the shared lower-case text when it keeps offsets; the gates below look for ASCII words only
  const lower = ctx.lower === undefined ? beforeText.toLowerCase() : ctx.lower.slice(beforeStart, numStart);
  // the keyword gates below are read in the sentence once, then in each number's window only where the sentence has them
  const words = ctx.lower === undefined ? ALL_WORDS : sentenceGates(sentence);
  // "the typical MTU of 1,500 bytes", "a default window of 65,535": a reference value, not the record's
  if ((words & NORM_WORDS) !== 0 && NORM_GATE.test(lower) && NORM_BEFORE.test(beforeText)) return;
  // "the source prefix length is 24 bits": a network's prefix length, not a quantity of data
  if ((lower.includes('prefix') || lower.includes('mask')) && PREFIX_BEFORE.test(beforeText)) return;
  // cheap keyword gates first: most numbers have none of these words before them
  const gated = (words & SIDE_WORDS) !== 0 && ANY_GATE.test(lower);
  const qualifier = (gated && QUALIFIER_GATE.test(lower) ? statBefore(beforeText, ctx.text, end) : undefined) ?? qualifierAfter(ctx.text, end) ?? listedContribution(ctx.text, sentence, numStart, end, number);
  let claimEnd = end;
  let messageNoun: string | undefined;
  if (number.readings.length === 0) {
    const noun = COUNT_NOUN_RE.exec(ctx.text.slice(end, Math.min(sentence.end, end + 40)));
    if (noun) {
      number = withUnit(m, noun[1]!, hedge?.word);
      claimEnd = end + noun[0].length;
    } else if (RATIO_GATE.test(lower) && RATIO_RE.test(beforeText)) number = { ...number, readings: RATIO_READING };
    else {
      const message = MESSAGE_NOUN_RE.exec(ctx.text.slice(end, Math.min(sentence.end, end + 50)));
      if (message) {
        const rate = message[2] !== undefined;
        number = withUnit(m, rate ? 'packets per second' : 'packets', hedge?.word);
        claimEnd = end + message[0].length;
        messageNoun = message[1]!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
      }
    }
  }
  // "the rule fired 8 times", "contacted it over 40 times": how often something happened, not a factor
  const occurrences = number.readings.length === 1 && number.readings[0]!.dim === 'ratio' && /^times$/i.test(number.unit ?? '') && OCCURRENCE_BEFORE.test(beforeText) && !COMPARISON_AFTER.test(ctx.text.slice(end, Math.min(sentence.end, end + 20)));
  const ratio = !occurrences && number.readings.length === 1 && number.readings[0]!.dim === 'ratio';
  // "1,514 × 512": an arithmetic product, its result is the claim
  if (ratio && /^[×x*]$/.test(number.unit ?? '') && /^\s*\d/.test(ctx.text.slice(end, end + 3))) return;
  let mention = ratio ? undefined : (periodMention(ctx.text, start, number.readings) ?? parallelMention(ctx, sentence, numStart, end) ?? bindMention(ctx, sentence, numStart, end, number.readings));
  let elided: 'in' | 'out' | undefined;
  if (number.readings.length === 0 && !mention && !qualifier) {
    // "447 and 563 bytes", "7, 6 and 13 packets": a bare figure in a list takes the unit written after the last;
    // "the server sent 23 packets and the client 32": a party's figure with the verb and unit left out takes them from the figure before
    const ellipsis = lower.includes('and ') ? ELIDED_PARTY.exec(beforeText) : null;
    const before = ellipsis ? lastQuantityIn(ctx, sentence, numStart) : undefined;
    const shared = before?.unit ?? sharedUnit(ctx.text, end, sentence.end);
    if (shared === undefined) return;
    if (before) {
      const party = sideOfWord(ellipsis![1]!);
      elided = party === 'src' ? 'in' : party === 'dst' ? 'out' : undefined;
    }
    number = withUnit(m, shared, hedge?.word);
    if (number.readings.length === 0) return;
    mention = bindMention(ctx, sentence, numStart, end, number.readings);
  }
  if (mention && keyInfo(mention.keys).ttl && valueRange(ctx, mention, number.value, numStart, end, sentence)) return;
  // "an initial TTL of 64": the sender's starting value, inferred from the one seen, not the one seen
  const initial = mention !== undefined && keyInfo(mention.keys).ttl && INITIAL_RE.test(ctx.text.slice(Math.max(sentence.start, mention.start - 24), mention.start));
  const context = contextOf(sentence, inSentence, numStart);
  // "the answer was 16 bytes larger than the query": a difference of the two sides is neither side's figure
  const compared = gated && DIFFERENCE_AFTER.test(ctx.text.slice(end, Math.min(sentence.end, end + 30)));
  const sideBefore = !gated || compared ? undefined : SIDE_IN_GATE.test(lower) && SIDE_IN_RE.test(beforeText) ? 'in' : SIDE_OUT_GATE.test(lower) && SIDE_OUT_RE.test(beforeText) ? 'out' : undefined;
  const agent = sideBefore === undefined ? sideByAgent(ctx.text, end, sentence) : undefined;
  const named = sideBefore === undefined && agent === undefined ? (elided ?? (number.readings.some((r) => SIDED.has(r.dim)) && SIDE_NOUN_GATE.test(lower) ? sideOfNoun(beforeText) : undefined)) : undefined;
  // a ratio of the two sides ("3,148 bytes sent and 3,869 received, a ratio of about 0.81") is neither side's figure
  const dims = number.readings;
  const side = dims.length > 0 && dims.every((r) => r.dim === 'ratio') ? undefined : dims.length > 0 && dims.every((r) => r.dim === 'percent') ? (sideBefore ?? agent?.side) : (sideBefore ?? agent?.side ?? named);
  // the claim runs to the party it names: "65,535 bytes, was advertised by the server"
  if (agent) claimEnd = agent.end;
  const data: ClaimPayloads['quantity'] = { number, context };
  if (side) data.side = side;
  if (mention) data.mention = mention;
  if (qualifier) data.qualifier = qualifier;
  if (initial) data.initial = true;
  if (occurrences) data.occurrences = true;
  if (messageNoun) {
    data.messages = true;
    data.message = messageNoun;
  }
  if (number.readings.some((r) => r.dim === 'bytes') && isPayloadOnly(ctx.text.slice(end, Math.min(sentence.end, end + 40)), beforeText)) data.payload = true;
  addClaim(ctx, 'quantity', start, claimEnd, data);
}

const NORM_WORDS = 1;
const SIDE_WORDS = 2;
const BY_THE_WORDS = 4;
const ALL_WORDS = NORM_WORDS | SIDE_WORDS | BY_THE_WORDS;
let gatesOf: Sentence | undefined;
let gates = 0;

/**
 * Which of NORM_GATE, ANY_GATE and BY_THE match anywhere in the sentence's lower-case text (bits),
 * read once per sentence: a number's window is a part of its sentence, so a gate the sentence lacks
 * cannot match there. Numbers come sentence by sentence, so the last sentence's answer is all that is kept.
 */
function sentenceGates(sentence: Sentence): number {
  if (gatesOf !== sentence) {
    gatesOf = sentence;
    const lower = sentence.lower;
    gates = (NORM_GATE.test(lower) ? NORM_WORDS : 0) | (ANY_GATE.test(lower) ? SIDE_WORDS : 0) | (BY_THE.test(lower) ? BY_THE_WORDS : 0);
  }
  return gates;
}

const RATIO_READING: NumberText['readings'] = [{ dim: 'ratio', factor: 1 }];

/** The figure of a number match read with a unit written elsewhere (a noun after it, the last unit of its list, a message counted). */
function withUnit(m: RegExpExecArray, unit: string, hedge: string | undefined): NumberText {
  return numberText(Object.assign([m[0], m[1], m[2], unit], { index: m.index, input: m.input }) as unknown as RegExpExecArray, hedge);
}

/** A verb of happening before "N times" (with "over", "at least", "a total of" between). */
const OCCURRENCE_BEFORE = /\b(?:fired|triggered|alerted|matched|hit|seen|observed|occurred|happened|repeated|attempted|tried|failed|logged|recorded|contacted|connected|visited|queried|requested|scanned|pinged|reported|appeared|retried|retransmitted)\b(?:\s+[\w.-]+){0,3}?\s+(?:over\s+|more than\s+|at least\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|a total of\s+|exactly\s+)?$/i;

/** "3 times more packets", "twice as many": a factor after all. */
const PREFIX_BEFORE = new RegExp(String.raw`\b${PREFIX_NOUN_SOURCE}$`, 'i');

/** A unit, then a comparative: "16 bytes larger than", "3 packets more than". */
const DIFFERENCE_AFTER = /^\s*[\w/%-]*\s+(?:more|less|fewer|larger|bigger|smaller|higher|lower|greater|longer|shorter)\s+than\b/i;
const COMPARISON_AFTER = /^\s+(?:more|less|fewer|as|larger|bigger|smaller|higher|lower|greater|the)\b/i;

/** A value named as a norm before the figure: the standard, default or typical one, or an MTU. */
const NORM_GATE = /typical|standard|default|usual|normal|convention|customary|recommended|mtu/;
const NORM_BEFORE = /\b(?:typical|typically|standard|default|usual|normal|conventional|customary|recommended)\s+(?:[\w-]+\s+){0,3}(?:of|is|at|around|=|:)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?$|\bMTUs?\s+(?:of|is|at|=|size\s+of)\s+(?:about\s+|around\s+)?$/i;

/** What a figure may count of an application's exchange: "500 requests per second", "40 login attempts", "3 DNS queries". */
const MESSAGE_NOUN_RE = /^\s+(?:[\w-]+\s+){0,2}(requests?|queries|query|responses?|replies|reply|messages?|attempts?|logins?|commands?|probes?|retries)\b(\s*(?:per second|\/\s?s(?:ec)?|a second|each second|every second))?/i;

/** What joins the figures of a list: a comma (with "and" or "or"), or "and"/"or" alone. */
const LIST_JOIN_RE = /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/y;

/**
 * The unit written after the last figure of a list that the figure ending at `end` opens ("447 and
 * 563 bytes", "7, 6 and 13 packets"); undefined when no figure of the list has one.
 */
function sharedUnit(text: string, end: number, limit: number): string | undefined {
  let at = end;
  for (let i = 0; i < 6; i++) {
    LIST_JOIN_RE.lastIndex = at;
    const join = LIST_JOIN_RE.exec(text);
    if (join === null) return undefined;
    NUMBER_Y.lastIndex = at + join[0].length;
    const next = NUMBER_Y.exec(text);
    if (next === null || next.index + next[0].length > limit) return undefined;
    if (next[3] !== undefined) return next[3];
    at = next.index + next[0].length;
  }
  return undefined;
}

const bound = (mention: Mention | undefined): { mention?: Mention } => (mention ? { mention } : {});

/** A further figure of a smaller time unit right after a time: "4 minutes 53 seconds", "1 h, 2 min and 5 s". */
const NEXT_TIME_RE = /\s*(?:,\s*|\s+and\s+)?(\d{1,3})(?:\.(\d{1,6}))?\s*(hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?|s|milliseconds?|msec|ms)\b/y;

/**
 * A duration written in several units is one figure: "4 minutes 53 seconds" is 293 s, read to the
 * precision of its last part, not two claims of 4 minutes and of 53 seconds.
 */
function compoundDuration(text: string, first: NumberText, end: number): { number: NumberText; end: number } | undefined {
  const factor = first.readings.length === 1 && first.readings[0]!.dim === 'time' ? first.readings[0]!.factor : undefined;
  if (factor === undefined || first.bound === 'over' || first.bound === 'under') return undefined;
  let ms = first.value * factor;
  let last = factor;
  let halfStep = first.halfStep * factor;
  let at = end;
  for (;;) {
    NEXT_TIME_RE.lastIndex = at;
    const m = NEXT_TIME_RE.exec(text);
    const unit = m ? readingsOf(m[3]!)[0]?.factor : undefined;
    if (!m || unit === undefined || unit >= last) break;
    const value = Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
    ms += value * unit;
    halfStep = (m[2] === undefined ? 0.5 : 10 ** -m[2].length / 2) * unit;
    last = unit;
    at = m.index + m[0].length;
  }
  if (at === end) return undefined;
  const number: NumberText = { value: ms, halfStep, unit: 'ms', readings: MS_READING };
  if (first.bound) number.bound = first.bound;
  return { number, end: at };
}

const MS_READING: NumberText['readings'] = [{ dim: 'time', factor: 1 }];

const NUMBER_Y = stickyOf(NUMBER_RE);
const RANGE_BEFORE_RE = /\b(?:between|from)\s+$/i;
const RANGE_JOIN_RE = /\s*(?:and|to|-|–)\s*/y;

/**
 * "between 40 and 60 ms", "from 2 to 5 packets", "40–60 ms": one claim that the value lies in the
 * range, read as its middle with half its width as the tolerance (a number as written already
 * carries half a step of its last digit). The unit is the one written after the second figure.
 */
function rangeAt(ctx: ExtractContext, m: RegExpExecArray, numStart: number, end: number): { start: number; end: number; number: NumberText } | undefined {
  if (m[3] !== undefined) return undefined;
  const before = ctx.text.slice(Math.max(0, numStart - 10), numStart);
  const between = RANGE_BEFORE_RE.exec(before);
  RANGE_JOIN_RE.lastIndex = end;
  const join = RANGE_JOIN_RE.exec(ctx.text);
  if (!join || (!between && !/^[-–]$/.test(join[0]))) return undefined;
  NUMBER_Y.lastIndex = end + join[0].length;
  const m2 = NUMBER_Y.exec(ctx.text);
  if (!m2 || m2.index !== end + join[0].length) return undefined;
  const low = numberText(m);
  const high = numberText(m2);
  if (!(high.value > low.value) || high.readings.length === 0) return undefined;
  const number = rangeOf(low.value, high);
  return { start: between ? numStart - before.length + between.index : numStart, end: m2.index + m2[0].length, number };
}

/**
 * A range read as one figure: its middle, with half its width as the tolerance on top of the
 * precision of its upper bound as written, which also gives the unit.
 */
function rangeOf(low: number, high: NumberText): NumberText {
  return { ...high, value: (low + high.value) / 2, halfStep: (high.value - low) / 2 + high.halfStep, range: [low, high.value] };
}

function addRange(ctx: ExtractContext, range: { start: number; end: number; number: NumberText }, sentence: Sentence): void {
  const data: ClaimPayloads['quantity'] = { number: range.number, context: exactKeysOf(sentence, mentionsIn(ctx, sentence)) };
  const mention = bindMention(ctx, sentence, range.start, range.end, range.number.readings);
  if (mention) data.mention = mention;
  addClaim(ctx, 'quantity', range.start, range.end, data, true);
}
const EVERY_BEFORE_RE = /\b(?:once )?every\s+$/i;
const PERIOD_KEYS: readonly string[] = ['inter_arrival_ms'];

/**
 * "every 5,000 ms": a time after "every" is the gap between flows, whatever row is named nearby
 * ("… every 5,000 ms, each exchange lasting 0.3 s" is not a claim about the duration).
 */
function periodMention(text: string, start: number, readings: NumberText['readings']): Mention | undefined {
  if (!readings.some((r) => r.dim === 'time')) return undefined;
  const before = text.slice(Math.max(0, start - 12), start);
  const every = EVERY_BEFORE_RE.exec(before);
  if (!every) return undefined;
  const at = start - before.length + every.index;
  return { start: at, end: at + every[0].trimEnd().length, phrase: every[0].trimEnd(), keys: PERIOD_KEYS, exact: false };
}


/**
 * "contributes most (3.4), followed by the SYN count (2.8) and the missing reply bytes (1.9)": bare
 * figures in parentheses, listed after a sentence has said they are contributions, are contributions.
 */
const CONTRIBUTION_WORD = /\bcontribut/i;
function listedContribution(text: string, sentence: Sentence, numStart: number, end: number, number: NumberText): string | undefined {
  if (number.unit !== undefined || text.charCodeAt(numStart - 1) !== 40 || text.charCodeAt(end) !== 41) return undefined;
  return CONTRIBUTION_WORD.test(text.slice(sentence.start, numStart)) ? 'contribution' : undefined;
}

/**
 * The statistic named right after a figure: "99th percentile", "71st-percentile"; "of 1,000 scored
 * flows" (the number of flows a rank is out of); "the 950 ms median", "the 0.62 threshold", "a
 * 1,450,000-byte baseline p99". One sticky test at the figure's end, no slice of the text.
 */
const QUALIFIER_AFTER_RE = /(?:st|nd|rd|th)?[- ](percentile)|\s+(?:scored|ranked)\s+(flows)\b|[- ](?:baseline\s+)?(median|p99|p9\d|p50|threshold)\b/iy;

/** The statistic named before a figure, as QUALIFIER_RE reads it; none for the record's own value set against a statistic. */
function statBefore(beforeText: string, text: string, end: number): string | undefined {
  const word = QUALIFIER_RE.exec(beforeText)?.[1]?.toLowerCase();
  if (word === undefined) return undefined;
  if (beforeText.endsWith('(') && PAIR_FIRST_AFTER.test(text.slice(end, end + 30))) return undefined;
  if (word === 'percentile') {
    const at = VALUE_AT_PERCENTILE.exec(beforeText);
    if (at) return at[1] === '99' ? 'p99' : at[1] === '50' ? 'median' : undefined;
  }
  return word.startsWith('contribut') ? 'contribution' : word;
}

function qualifierAfter(text: string, at: number): string | undefined {
  QUALIFIER_AFTER_RE.lastIndex = at;
  const m = QUALIFIER_AFTER_RE.exec(text);
  if (m === null) return undefined;
  return m[1] !== undefined ? 'percentile' : m[2] !== undefined ? 'rank' : m[3]!.toLowerCase();
}

/** "TTL of 128, the maximum possible": a claim about the field's range, not its value. */
function valueRange(ctx: ExtractContext, mention: Mention, value: number, numStart: number, end: number, sentence: Sentence): boolean {
  const after = ctx.text.slice(end, Math.min(sentence.end, end + 40));
  const range = TTL_MAX_RE.exec(after);
  if (!range || hasDigitIn(after, 0, range.index)) return false;
  addClaim(ctx, 'value-range', numStart, end + range.index + range[0].length, { value, mention });
  return true;
}

/** The exact field names of a sentence (the rows it names), computed once per sentence. */
function exactKeysOf(sentence: Sentence, inSentence: readonly Mention[]): readonly string[] {
  sentence.exactKeys ??= inSentence.length === 0 ? NO_KEYS : exactKeys(inSentence);
  return sentence.exactKeys;
}

/**
 * The rows a figure's sentence names, for the figure at `at`: a name after it in a later clause
 * names another figure's rows ("… totalling 280 bytes, so each packet was 56 bytes, which matches
 * LONGEST_FLOW_PKT"), so it does not narrow this one's search.
 */
function contextOf(sentence: Sentence, inSentence: readonly Mention[], at: number): readonly string[] {
  const all = exactKeysOf(sentence, inSentence);
  if (all.length === 0) return all;
  let clauseEnd = -1;
  for (const m of inSentence) {
    if (!m.exact || m.start <= at) continue;
    if (clauseEnd < 0) clauseEnd = clauseBounds(sentence, at).end;
    if (m.start >= clauseEnd) return exactKeys(inSentence.filter((x) => x.start <= at || x.start < clauseEnd));
  }
  return all;
}

/** The row keys of the exact mentions, in order (a plain loop: filter + flatMap costs more than the work). */
function exactKeys(mentions: readonly Mention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) if (m.exact) for (const k of m.keys) out.push(k);
  return out;
}

const NO_KEYS: readonly string[] = [];

function skipNumber(text: string, start: number, end: number): boolean {
  // the line's start, looked for at most 12 characters back (bounded: a run-on line stays linear)
  let lineStart = -1;
  for (let i = start - 1; i >= Math.max(0, start - 13); i--) if (text.charCodeAt(i) === 10) { lineStart = i + 1; break; }
  if (lineStart < 0 && start <= 12) lineStart = 0;
  if (lineStart >= 0) {
    const lead = text.slice(lineStart, start);
    if (/^\s*(?:[-*]\s*)?(?:#{1,6}\s*)?$/.test(lead) && /^[.)]\s/.test(text.slice(end, end + 2))) return true; // list marker "1. "
    if (/^\s*#{1,6}\s/.test(lead) && /^[.:]/.test(text.slice(end, end + 1))) return true;
  }
  if (labelBefore(text, start)) return true;
  const next = text.charCodeAt(end);
  const prev = text.charCodeAt(start - 1);
  if ((next === 47 && isDigitCode(text.charCodeAt(end + 1))) || (prev === 47 && isDigitCode(text.charCodeAt(start - 2)))) return true; // 4/4
  return false;
}


/** What the lexicon says about a mention's row keys, computed once per key list (they are shared lexicon arrays). */
interface KeyInfo {
  /** Some key is a quantity (or a flags field): a number may be bound to it without a unit. */
  quantity: boolean;
  ttl: boolean;
  dims: readonly Dimension[];
}

const keyInfoMemo = new Map<readonly string[], KeyInfo>();

function keyInfo(keys: readonly string[]): KeyInfo {
  let info = keyInfoMemo.get(keys);
  if (info === undefined) {
    info = { quantity: keys.some((k) => keyDimension(k) !== 'code' || /FLAGS/.test(k)), ttl: keys.some((k) => /TTL/.test(k)), dims: keys.map((k) => keyDimension(k)) };
    keyInfoMemo.set(keys, info);
  }
  return info;
}

type Readings = NumberText['readings'];

/** No other figure between the mention and the number (a mention with one between is that figure's). */
function clearOf(ctx: ExtractContext, m: Mention, start: number, end: number): boolean {
  return m.end <= start ? !hasDigitIn(ctx.text, m.end, start) : !hasDigitIn(ctx.text, end, m.start);
}

type Span = { start: number; end: number; readings: Readings };
const notCode: MentionFilter<Span> = (ctx, m, at) => keyInfo(m.keys).quantity && clearOf(ctx, m, at.start, at.end);
const ofDimension: MentionFilter<Span> = (ctx, m, at) => {
  if (!clearOf(ctx, m, at.start, at.end)) return false;
  for (const k of keyInfo(m.keys).dims) for (const r of at.readings) if (compatible(r.dim, k)) return true;
  return false;
};

/**
 * The row a number is about. With a unit, the nearest row of a compatible dimension; an exact
 * field name right before it binds whatever its unit (so "IN_BYTES of 4,761,630 bytes per second"
 * is judged, and caught, as a wrong unit). Without a unit, the nearest row name.
 */
function bindMention(ctx: ExtractContext, sentence: Sentence, start: number, end: number, readings: Readings): Mention | undefined {
  const at: Span = { start, end, readings };
  const near = nearestMention(ctx, sentence, start, end, notCode, at);
  if (readings.length === 0) return near;
  if (near && near.exact && near.end <= start && start - near.end <= 20) return near;
  return nearestMention(ctx, sentence, start, end, ofDimension, at);
}

/** Field names the table may not hold: each exact name (and a few natural forms models invent) is an absent-field claim. */
export function extractFieldMentions(ctx: ExtractContext): void {
  for (const mention of ctx.mentions) {
    if (!mention.exact && !STRONG_NATURAL.has(mention.phrase.toLowerCase())) continue;
    const sentence = sentenceAt(ctx, mention.start);
    if (!sentence || isNegated(sentence, mention.start)) continue;
    addClaim(ctx, 'absent-field', mention.start, mention.end, { mention });
  }
}
