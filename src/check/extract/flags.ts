import { FLAG_WORD_RE, FLAG_WORDS } from '../lexicon/terms.ts';
import { addClaim, isTaken, lowerGate, scan, scanText, type ExtractContext } from './context.ts';

const FLAG_GATE = lowerGate(/flag/);

const FLAGS_VALUE_RE = /\b(?:TCP_FLAGS|(?:CLIENT|SERVER)_TCP_FLAGS|TCP[ _]FLAGS|TCP flags?|flags?)(?: (?:value|field|bitmask))?(?: (?:of|is|was|=|set to|equal to|equals|at))?[\s`:=*()"']{0,5}(\d{1,3})(?![\d.])/gi;
const NEGATED_BEFORE = /\b(?:without|no|not|absence of|lack(?:s|ing)? (?:of )?|missing|never|neither|nor)\b[^.;:]{0,25}$/i;
const NEGATED_AFTER = /^[\s\w/+-]{0,25}?\b(?:(?:flags? |bits? )?(?:is |was |are |were )?(?:not set|unset|absent|missing|cleared|not present))\b/i;

/**
 * TCP flag claims: a value quoted for the flags field ("TCP_FLAGS 22") and each flag named as
 * set or not set ("PSH and RST without SYN or ACK" → PSH, RST set; SYN, ACK not set).
 */
export function extractFlags(ctx: ExtractContext): void {
  scan(ctx, FLAGS_VALUE_RE, FLAG_GATE, (m, mAt) => {
    const at = mAt + m[0].lastIndexOf(m[1]!);
    if (isTaken(ctx, at, at + m[1]!.length)) return;
    const field = /^(CLIENT|SERVER)_TCP_FLAGS/i.exec(m[0])?.[0].toUpperCase();
    addClaim(ctx, 'tcp-flags', mAt, at + m[1]!.length, field ? { flags: [], value: Number(m[1]), field } : { flags: [], value: Number(m[1]) }, true);
  });
  scanText(ctx, FLAG_WORD_RE, (m, at) => {
    const word = m[0];
    const lower = word.toLowerCase();
    // the English words count only beside "flag": "a reset flag", not "reset the counter"
    if (word !== word.toUpperCase()) {
      const around = ctx.text.slice(Math.max(0, at - 12), at + word.length + 12);
      if (!/flag|\(RST\)|\(PSH\)|\(FIN\)|\(ACK\)/i.test(around)) return;
    }
    const flag = FLAG_WORDS[lower] ?? (lower.startsWith('acknowledg') ? 'ACK' : word.toUpperCase());
    const end = at + word.length;
    if (/^[-\s]*(?:flood|scan)/i.test(ctx.text.slice(end, end + 8))) return;
    addClaim(ctx, 'tcp-flags', at, end, { flags: [{ flag, set: !isNegatedFlag(ctx, at, end) }] });
  });
}

function isNegatedFlag(ctx: ExtractContext, start: number, end: number): boolean {
  const before = ctx.text.slice(Math.max(0, start - 60), start);
  const lastBreak = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf('\n'));
  if (NEGATED_BEFORE.test(before.slice(lastBreak + 1))) return true;
  return NEGATED_AFTER.test(ctx.text.slice(end, end + 40).split(/[,.;)]/)[0] ?? '');
}
