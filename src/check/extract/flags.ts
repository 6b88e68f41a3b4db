import { FLAG_WORD_RE, FLAG_WORDS, TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { triggered } from './triggers.ts';
import { flagNumber, groupFlagSets, SIDE_DST } from './flag-sets.ts';
import { addClaim, isTaken, scanTriggers, scanTriggersIn, type ExtractContext } from './context.ts';

const FLAGS_VALUE_RE = /\b(?:TCP_FLAGS|(?:CLIENT|SERVER)_TCP_FLAGS|TCP[ _]FLAGS|TCP flags?|flags?)(?: (?:value|field|bitmask))?(?: (?:of|is|was|are|were|=|set to|equal to|equals|at))?[\s`:=*()"']{0,5}(0x[0-9a-f]{1,3}|\d{1,3}|\d[0-9a-f]{0,2})(?!\w|\.\d)/gi;
/** Flag values are read at their words (triggers.ts), sentence by sentence. */
const FLAGS_VALUE = triggered(FLAGS_VALUE_RE);
const NEGATED_BEFORE = /\b(?:without|no|not|absence of|lack(?:s|ing)? (?:of )?|missing|never|neither|nor)\b[^.;:]{0,25}$/i;
const NEGATED_AFTER = /^[\s\w/+-]{0,25}?\b(?:(?:flags? |bits? )?(?:is |was |are |were )?(?:not set|unset|absent|missing|cleared|not present))\b/i;

/** Flag words are tried only at their words (triggers.ts), not by a pass over the whole text. */
const FLAG_WORD = triggered(FLAG_WORD_RE);
/** What an English flag word ("reset", "Push") needs within 12 characters either side. */
const FLAG_CONTEXT = /flag|\(RST\)|\(PSH\)|\(FIN\)|\(ACK\)/i;
const FLOOD_OR_SCAN = /[-\s]*(?:flood|scan)/iy;

/**
 * TCP flag claims: a value quoted for the flags field ("TCP_FLAGS 22") and each flag named as
 * set or not set ("PSH and RST without SYN or ACK" → PSH, RST set; SYN, ACK not set).
 */
export function extractFlags(ctx: ExtractContext): void {
  const from = ctx.claims.length;
  scanTriggersIn(ctx, FLAGS_VALUE.trigger, FLAGS_VALUE.sticky, undefined, (m, at) => addFlagsValue(ctx, m, at));
  scanTriggers(ctx, FLAG_WORD.trigger, FLAG_WORD.sticky, (m, at) => {
    const word = m[0];
    // the English words count only beside "flag": "a reset flag", not "reset the counter"
    if (word !== word.toUpperCase() && !FLAG_CONTEXT.test(ctx.text.slice(Math.max(0, at - 12), at + word.length + 12))) return;
    // "FIN-LAPTOP-22", "host-SYN01": a flag's letters inside a name joined by dashes to words that are no flags
    if (insideName(ctx.text, at, at + word.length)) return;
    addFlagWord(ctx, at, word);
  });
  groupFlagSets(ctx, from);
}

/** A dash-joined word before or after that is no flag name ("SYN-ACK" and "FIN-ACK" stay flag pairs), or digits glued after. */
/** The flags' names as an alternation, from the one table of them. */
const FLAG_NAMES = Object.keys(TCP_FLAG_BITS).join('|');
const NAME_AFTER = new RegExp(String.raw`^-(?!(?:${FLAG_NAMES})\b)[A-Za-z0-9]`);
const FLAG_DASH_BEFORE = new RegExp(String.raw`(?:${FLAG_NAMES})-$`);
const NAME_BEFORE = /[A-Za-z0-9]-$/;

function insideName(text: string, start: number, end: number): boolean {
  return NAME_AFTER.test(text.slice(end, end + 5)) || (NAME_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && !FLAG_DASH_BEFORE.test(text.slice(Math.max(0, start - 4), start)));
}

function addFlagsValue(ctx: ExtractContext, m: RegExpExecArray, mAt: number): void {
  const at = mAt + m[0].lastIndexOf(m[1]!);
  if (isTaken(ctx, at, at + m[1]!.length)) return;
  const field = /^(CLIENT|SERVER)_TCP_FLAGS/i.exec(m[0])?.[0].toUpperCase() ?? sideField(ctx.text.slice(Math.max(0, mAt - 24), mAt));
  // "1b", "0x1b": a hex flags value as Suricata writes it
  const value = flagNumber(m[1]!);
  addClaim(ctx, 'tcp-flags', mAt, at + m[1]!.length, field ? { flags: [], value, field } : { flags: [], value }, true);
}

/** "the client's flags (27)", "the server's TCP flags 30": a side's own flags field, by its concept name. */
function sideField(before: string): string | undefined {
  const side = POSSESSIVE_SIDE.exec(before)?.[1]?.toLowerCase();
  if (side === undefined) return undefined;
  return SIDE_DST.test(side) ? 'SERVER_TCP_FLAGS' : 'CLIENT_TCP_FLAGS';
}
const POSSESSIVE_SIDE = /\b(client|server|originator|responder|source|destination|initiator|sender|receiver|victim|scanner)(?:'s|’s|s'|\s+side(?:'s)?)\s*(?:own\s+)?(?:tcp\s+)?$/i;

/** "SYN and FIN flag counts", "the RST count": the name of a count field, not a flag said to be set. */
const COUNT_NAME = new RegExp(String.raw`(?:(?:,\s*|\s+and\s+|\s*\/\s*)(?:${FLAG_NAMES}))*\s+(?:flags?\s+)?(?:counts?|cnt)\b`, 'iy');

function addFlagWord(ctx: ExtractContext, at: number, word: string): void {
  const lower = word.toLowerCase();
  const flag = FLAG_WORDS[lower] ?? (lower.startsWith('acknowledg') ? 'ACK' : word.toUpperCase());
  const end = at + word.length;
  if (isFloodOrScan(ctx.text, end)) return;
  COUNT_NAME.lastIndex = end;
  if (COUNT_NAME.test(ctx.text)) return;
  addClaim(ctx, 'tcp-flags', at, end, { flags: [{ flag, set: !isNegatedFlag(ctx.text, at, end) }] });
}

/** "SYN flood", "SYN-scan": within 8 characters after the word (the match is unique: blanks and dashes, then the word). */
function isFloodOrScan(text: string, end: number): boolean {
  FLOOD_OR_SCAN.lastIndex = end;
  return FLOOD_OR_SCAN.test(text) && FLOOD_OR_SCAN.lastIndex <= end + 8;
}

function isNegatedFlag(text: string, start: number, end: number): boolean {
  if (NEGATED_BEFORE.test(text.slice(clauseStartBefore(text, start), start))) return true;
  return NEGATED_AFTER.test(text.slice(end, clauseEndAfter(text, end)));
}

/**
 * How far back NEGATED_BEFORE can reach: a negation word of at most 11 characters ("lacking of ")
 * and at most 25 more before the flag, plus the character its \b reads. Where the clause starts
 * further back (up to 60 characters, as first written) cannot change the result.
 */
const NEGATION_REACH = 37;

/** Just after the last . ; ( or line break in the NEGATION_REACH characters before `start` (or their start). */
function clauseStartBefore(text: string, start: number): number {
  const limit = Math.max(0, start - NEGATION_REACH);
  for (let i = start - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 59 || c === 40 || c === 10) return i + 1;
  }
  return limit;
}

/** The first , . ; or ) in the 40 characters after `end` (or their end). */
function clauseEndAfter(text: string, end: number): number {
  const limit = Math.min(text.length, end + 40);
  for (let i = end; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 59 || c === 41) return i;
  }
  return limit;
}
