import type { Mention } from '../claim.ts';
import { STRONG_NATURAL } from '../lexicon/field-names.ts';
import { compatible, keyDimension } from '../lexicon/key-dimension.ts';
import { isNegated } from '../text/segment.ts';
import type { Sentence } from '../text/segment.ts';
import { addClaim, isTaken, mentionsIn, nearestMention, scan, sentenceAt, type ExtractContext } from './context.ts';
import { hedgeBefore, NUMBER_RE, numberText } from './number-text.ts';

const QUALIFIER_RE = /(?<![\w])(median|p99|p9\d|p50|percentile|threshold|scored?|rank|contribution|contributes)\b[^.;|]{0,14}$/i;
const COUNT_NOUN_RE = /^\s+(?:[\w-]+\s+){1,2}?(flows?|connections?|sessions?|ports?|destinations|addresses|hosts|packets?)\b/i;
const RATIO_RE = /\b(?:ratio|factor|times)\b[^.;|]{0,30}$/i;
const SIDE_IN_RE = /\b(?:source|client|sender|src)\b[^;|]{0,30}\b(?:sent|transmitted|uploaded|pushed|delivered)\b[^;|]{0,20}$|\b(?:sent|transmitted|uploaded) by the source\b/i;
const SIDE_OUT_RE = /\b(?:received|came back|returned|replied|got back|back from|response of|responded with)\b[^;|]{0,20}$/i;
const SKIP_BEFORE = /(?:flow(?: id)?|\bid|#|rfc|version|v|top|step|section|phase|stage|item)[\s:#`*]{0,3}$/i;
const TTL_MAX_RE = /\b(?:maximum|max|highest|largest|upper limit|greatest)(?: possible| allowed)?(?: TTL)?(?: value)?\b/i;

/** Numbers with units, or bound to a row name: each becomes a quantity claim. */
export function extractQuantities(ctx: ExtractContext): void {
  scan(ctx, NUMBER_RE, (s) => HAS_DIGIT.test(s.text), (m, numStart, sentence) => quantityAt(ctx, m, numStart, sentence));
}

const HAS_DIGIT = /\d/;
const QUALIFIER_GATE = /median|p[59]\d|percentile|threshold|score|rank|contribut/;
const RATIO_GATE = /ratio|factor|times/;
const PERCENTILE_AFTER_RE = /^(?:st|nd|rd|th)?[- ]percentile/i;
const SIDE_IN_GATE = /sent|transmitted|uploaded|pushed|delivered/;
const SIDE_OUT_GATE = /receiv|back|returned|repl|respon/;

function quantityAt(ctx: ExtractContext, m: RegExpExecArray, numStart: number, sentence: Sentence): void {
  const end = numStart + m[0].length;
  if (isTaken(ctx, numStart, end) || skipNumber(ctx.text, numStart, end)) return;
  const inSentence = mentionsIn(ctx, sentence);
  if (inSentence.some((x) => numStart < x.end && end > x.start)) return;
  const hedge = hedgeBefore(ctx.text, numStart);
  const start = hedge?.start ?? numStart;
  let number = numberText(m, hedge?.word);
  const beforeText = ctx.text.slice(Math.max(sentence.start, numStart - 40), numStart);
  const lower = beforeText.toLowerCase();
  // cheap keyword gates first: most numbers have none of these words before them
  const qualifier = (QUALIFIER_GATE.test(lower) ? QUALIFIER_RE.exec(beforeText)?.[1]?.toLowerCase() : undefined) ?? (PERCENTILE_AFTER_RE.test(ctx.text.slice(end, end + 14)) ? 'percentile' : undefined);
  let claimEnd = end;
  if (number.readings.length === 0) {
    const noun = COUNT_NOUN_RE.exec(ctx.text.slice(end, Math.min(sentence.end, end + 40)));
    if (noun) {
      number = numberText(Object.assign([m[0], m[1], m[2], noun[1]], { index: m.index, input: m.input }) as unknown as RegExpExecArray, hedge?.word);
      claimEnd = end + noun[0].length;
    } else if (RATIO_GATE.test(lower) && RATIO_RE.test(beforeText)) number = { ...number, readings: [{ dim: 'ratio', factor: 1 }] };
  }
  const ratio = number.readings.length === 1 && number.readings[0]!.dim === 'ratio';
  const mention = ratio ? undefined : bindMention(ctx, sentence, numStart, end, number.readings.map((r) => r.dim));
  if (number.readings.length === 0 && !mention && !qualifier) return;
  const range = mention && mention.keys.some((k) => /TTL/.test(k)) ? TTL_MAX_RE.exec(ctx.text.slice(end, Math.min(sentence.end, end + 40))) : null;
  if (range && /\d/.test(ctx.text.slice(end, end + range.index))) range.index = -1;
  if (mention && range && range.index >= 0) {
    addClaim(ctx, 'value-range', numStart, end + range.index + range[0].length, { value: number.value, mention });
    return;
  }
  const context = inSentence.filter((x) => x.exact).flatMap((x) => x.keys);
  const side = SIDE_IN_GATE.test(lower) && SIDE_IN_RE.test(beforeText) ? 'in' : SIDE_OUT_GATE.test(lower) && SIDE_OUT_RE.test(beforeText) ? 'out' : undefined;
  addClaim(ctx, 'quantity', start, claimEnd, { number, context, ...(side ? { side } : {}), ...(mention ? { mention } : {}), ...(qualifier ? { qualifier } : {}) });
}

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
  if (SKIP_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return true;
  if (/^\/\d/.test(text.slice(end, end + 2)) || /\d\/$/.test(text.slice(start - 2, start))) return true; // 4/4
  return false;
}

/**
 * The row a number is about. With a unit, the nearest row of a compatible dimension; an exact
 * field name right before it binds whatever its unit (so "IN_BYTES of 4,761,630 bytes per second"
 * is judged, and caught, as a wrong unit). Without a unit, the nearest row name.
 */
function bindMention(ctx: ExtractContext, sentence: Parameters<typeof nearestMention>[1], start: number, end: number, dims: readonly string[]): Mention | undefined {
  // a mention with another figure between it and this one is that figure's, not this one's
  const clear = (m: Mention): boolean => !/\d/.test(m.end <= start ? ctx.text.slice(m.end, start) : ctx.text.slice(end, m.start).replace(/^[\s-]*[a-z]+/i, ''));
  const notCode = (m: Mention): boolean => clear(m) && m.keys.some((k) => keyDimension(k) !== 'code' || /FLAGS/.test(k));
  if (dims.length === 0) return nearestMention(ctx, sentence, start, end, notCode);
  const near = nearestMention(ctx, sentence, start, end, notCode);
  if (near && near.exact && near.end <= start && start - near.end <= 20) return near;
  return nearestMention(ctx, sentence, start, end, (m) => clear(m) && m.keys.some((k) => dims.some((d) => compatible(d as never, keyDimension(k)))));
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
