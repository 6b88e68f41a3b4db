import { ADJECTIVE_ENDING, KIND_MODIFIERS, TOOL_NOUNS } from '../lexicon/tool-nouns.ts';
import { PORT_SERVICES, PROTOCOL_NAMES } from '../lexicon/terms.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, isTaken, overlapsClaim, scanTriggers, type ExtractContext } from './context.ts';
import { triggered } from './triggers.ts';

/*
 * A tool or malware family named by the construction "the <name> <tool noun>" ("the slowhttptest
 * tool", "a Cobalt Strike beacon"): the name is an entity the record must hold, as a listed attack
 * name is. What stands before the noun is a name only when it is no modifier of kind ("a scanning
 * tool") and no protocol ("an HTTP scanner").
 */
const NOUNS = TOOL_NOUNS.map((n) => n.replace(/ /g, '\\s+')).join('|');
const NOUN = triggered(new RegExp(String.raw`\b(?:${NOUNS})\b`, 'gi'));
/** The article and name right before a tool noun, read backwards from it (the noun is found first: "the" is everywhere). */
const NAMED_BEFORE = /\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w.-]*\s+){0,2}[\w][\w.-]*?)(?:'s)?\s+$/;

const PROTOCOL_WORDS = new Set([...Object.keys(PROTOCOL_NAMES), ...Object.values(PORT_SERVICES).flat()].map((w) => w.toLowerCase()));

export function extractNamedTools(ctx: ExtractContext): void {
  scanTriggers(ctx, NOUN.trigger, NOUN.sticky, (_noun, nounAt, sentence) => {
    const before = ctx.text.slice(Math.max(sentence.start, nounAt - 48), nounAt);
    const m = NAMED_BEFORE.exec(before);
    if (!m) return;
    const at = nounAt - before.length + m.index;
    const name = m[1]!;
    const words = name.toLowerCase().split(/\s+/);
    if (words.some((w) => KIND_MODIFIERS.has(w) || PROTOCOL_WORDS.has(w)) || /^\d+$/.test(name)) return;
    if (/^[a-z]+$/.test(name) && ADJECTIVE_ENDING.test(name)) return;
    const start = at + m[0].indexOf(name);
    const end = start + name.length;
    if (isTaken(ctx, start, end) || isNegated(sentence, at) || overlapsClaim(ctx, start, end, 'entity')) return;
    addClaim(ctx, 'entity', start, end, { category: 'tool or malware named as fact', term: name });
  });
}
