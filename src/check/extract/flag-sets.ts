import type { Claim } from '../claim.ts';
import type { ExtractContext } from './context.ts';

/** What may stand between the flags of one list: "SYN, ACK", "SYN and ACK", "SYN+ACK", "SYN|RST", "FIN/ACK". */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|\+|\||\/|&|\s+and\s+|\s+)\s*$/i;
/** Joins that only a flag combination uses. */
const COMBINED = /[+|/&]/;
/**
 * What makes a list the whole set that was set: it decomposes a flags value ("22 (SYN, RST, ACK)",
 * "TCP_FLAGS = 22: SYN, RST, ACK"), or is what the flags field was said to be ("the flags were SYN
 * and ACK", "flags: SYN, ACK", "flag combination of PSH+RST").
 */
const SET_BEFORE = /(?:(?:\b0x[0-9a-f]{1,3}|\b\d{1,3}|\b\d[0-9a-f]{0,2})\s*(?:\(|:|=|→|->|means|i\.e\.,?)|\bflags?\s*(?:field\s*|value\s*|bitmask\s*)?(?:was|were|is|are|:|=|showed|shows|of|contained|contains|held|holds|combination(?: of)?|set to)|\bcombination(?: of)?)\s*\(?\s*`?$/i;

/** A number the list spells out: "20 (ACK and RST)", "0x12: SYN, ACK". */
const DECOMPOSES = /(\b0x[0-9a-f]{1,3}|\b\d{1,3}|\b\d[0-9a-f]{0,2})\s*(?:\(|:|=|→|->|,?\s*(?:means?|meaning|i\.e\.,?|that is,?|which is))\s*\(?\s*`?$/i;
/** A flags value named as such, then a verb that spells it out: "flags 0x13 are SYN and ACK", "TCP_FLAGS of 22 decodes to …". */
const DECOMPOSES_VERB = /(?:\bflags?|_FLAGS)\b[^.;]{0,20}?(\b0x[0-9a-f]{1,3}|\b\d{1,3}|\b\d[0-9a-f]{0,2})\)?\s*(?:are|is|were|was|decodes? (?:to|as|into)|stands? for|represents?|corresponds? to|means?|indicates?|shows?|signals?|sets?|breaks? down (?:to|into)|translates? to)\s*(?:that\s+)?(?:only\s+)?\(?\s*`?$/i;

/** Whose flags the list is: "the responder's flags", "the server's", "the client sent". */
export const SIDE_DST = /\b(?:responder|server|destination|receiver|victim)(?:'s)?\b/i;
const SIDE_SRC = /\b(?:originator|client|source|initiator|sender|scanner)(?:'s)?\b/i;

/** A flags value as written: decimal, or hex with 0x or a hex digit ("1b"). */
export function flagNumber(text: string): number {
  return /^0x|[a-f]/i.test(text) ? parseInt(text.replace(/^0x/i, ''), 16) : Number(text);
}

/**
 * Flags named as a list that is the whole set (see SET_BEFORE, or joined as a combination with + |
 * / &) become one claim: the set must equal the flags the table shows, so a flag left out is caught,
 * not judged flag by flag as if each were all that was said.
 */
export function groupFlagSets(ctx: ExtractContext, from: number): void {
  const words = ctx.claims.slice(from).filter((c): c is Claim<'tcp-flags'> => c.kind === 'tcp-flags' && c.data.value === undefined && c.data.flags.length === 1).sort((a, b) => a.start - b.start);
  const merged = new Set<Claim>();
  for (let i = 0; i < words.length; ) {
    let j = i;
    let combined = false;
    while (j + 1 < words.length && words[j + 1]!.sentence === words[i]!.sentence) {
      const gap = ctx.text.slice(words[j]!.end, words[j + 1]!.start);
      if (!LIST_GAP.test(gap)) break;
      combined ||= COMBINED.test(gap);
      j++;
    }
    const list = words.slice(i, j + 1);
    i = j + 1;
    if (list.length < 2 || list.some((c) => !c.data.flags[0]!.set)) continue;
    const first = list[0]!;
    const before = ctx.text.slice(Math.max(first.sentence.start, first.start - 60), first.start);
    const decomposed = DECOMPOSES.exec(before) ?? DECOMPOSES_VERB.exec(before);
    if (!combined && !decomposed && !SET_BEFORE.test(before)) continue;
    for (const c of list) merged.add(c);
    const side: 'src' | 'dst' | undefined = SIDE_DST.test(before) ? 'dst' : SIDE_SRC.test(before) ? 'src' : undefined;
    const data = { flags: list.map((c) => c.data.flags[0]!), exact: true, ...(decomposed ? { decomposes: flagNumber(decomposed[1]!) } : {}), ...(side ? { side } : {}) };
    ctx.claims.push({ kind: 'tcp-flags', start: first.start, end: list[list.length - 1]!.end, sentence: first.sentence, data });
  }
  if (merged.size > 0) ctx.claims = ctx.claims.filter((c) => !merged.has(c));
}
