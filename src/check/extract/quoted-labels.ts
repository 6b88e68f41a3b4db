import { isNegated } from '../text/segment.ts';
import type { StructuredValue } from '../text/structured.ts';
import { addClaim, isTaken, lowerGate, scan, type ExtractContext } from './context.ts';

/*
 * Labels a text quotes from the record: a signature, rule or alert name in quotes after its noun
 * ('the signature "ET INFO Cleartext WordPress Login"') must be what the record says, so a model
 * that quotes another alert's signature is caught.
 */

const RECORD_NOUN = String.raw`(?:signature|rule|alert|msg|message|category|title|classification)(?:\s+name)?`;
const QUOTED_AFTER_NOUN = new RegExp(String.raw`\b${RECORD_NOUN}(?:\s+(?:is|was|reads|read|of|named|called|titled))?\s*[:=]?\s*["“]([^"”\n]{6,120})["”]`, 'gi');
const QUOTED_BEFORE_NOUN = new RegExp(String.raw`["“]([^"”\n]{6,120})["”]\s+(?:signature|rule|alert)\b`, 'gi');
const GATE = lowerGate(/["“]/);

/** The keys of a structured answer whose values are taken from the record. */
const EVIDENCE_KEY = /reason|evidence|indicator|signature|alert|rule|trigger|finding|observable|ioc|detection/i;
/** Words that make a value a sentence (it asserts something) rather than a label it quotes. */
const VERB = /\b(?:is|are|was|were|be|been|has|have|had|does|do|did|shows?|showed|indicates?|suggests?|contains?|uses?|used|made|sent|received|seen|observed|detected|matches|matched|targets?|targeted|appears?|points?|may|might|could|can|should|would|will)\b/i;

/**
 * The values of a structured answer given as bare labels under an evidence key ("reasons":
 * ["Possible XSS attack, script tag"]): a label is offered as what the record shows, so a hedge word
 * inside it ("Possible …", a signature's own wording) does not make its claims speculative.
 */
export function evidenceLabels(text: string, values: readonly StructuredValue[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const value of values) if (value.key !== undefined && EVIDENCE_KEY.test(value.key) && isLabel(text.slice(value.start, value.end))) out.push(value);
  return out;
}

/** A value that reads as a quoted label: two to ten words, no verb, no closing full stop. */
function isLabel(value: string): boolean {
  const text = value.trim();
  const words = text.split(/\s+/).length;
  return words >= 2 && words <= 10 && !text.endsWith('.') && !VERB.test(text) && /[A-Za-z]/.test(text);
}

export function extractQuotedLabels(ctx: ExtractContext): void {
  const add = (at: number, label: string): void => {
    const end = at + label.length;
    if (isTaken(ctx, at, end)) return;
    addClaim(ctx, 'literal', at, end, { kind: 'label', value: label }, true);
  };
  const quoted = (m: RegExpExecArray, at: number, s: Parameters<typeof isNegated>[0]): void => {
    const label = m[1]!.trim();
    if (!isNegated(s, at)) add(at + m[0].indexOf(label), label);
  };
  scan(ctx, QUOTED_AFTER_NOUN, GATE, quoted);
  scan(ctx, QUOTED_BEFORE_NOUN, GATE, quoted);
}
