import { ADJECTIVE_ENDING, KIND_MODIFIERS, SENSOR_NAMES, TOOL_NOUNS } from '../lexicon/tool-nouns.ts';
import { isNdpiProtocolName } from '../deps.ts';
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

/**
 * A name as the object of "using", "via" or "with" ("brute-forced SSH using Hydra", "scanned with
 * Masscan."): a capitalised word that ends its noun phrase (a comma, a full stop or a joining word
 * follows), so "with High severity" and "using TLS 1.3" are no names.
 */
const USING_NAME = triggered(/\b(?:using|via|with|through|by means of)\s+(?:the\s+|an?\s+)?([A-Z][a-z0-9]{2,}(?:[ -][A-Z][a-z0-9]+)?)(?=\s*(?:[,.;:)]|$)|\s+(?:to|and|or|against|from|on|in|at|for|which|that|as|over|toward|towards|by)\b)/g);

export function extractNamedTools(ctx: ExtractContext): void {
  extractNounNamedTools(ctx);
  scanTriggers(ctx, USING_NAME.trigger, USING_NAME.sticky, (m, at, sentence) => {
    const name = m[1]!;
    const lower = name.toLowerCase();
    if (SENSOR_NAMES.has(lower) || PROTOCOL_WORDS.has(lower) || isNdpiProtocolName(lower) || KIND_MODIFIERS.has(lower)) return;
    const start = at + m[0].lastIndexOf(name);
    const end = start + name.length;
    if (isTaken(ctx, start, end) || isNegated(sentence, at) || overlapsClaim(ctx, start, end)) return;
    addClaim(ctx, 'entity', start, end, { category: 'tool or malware named as fact', term: name });
  });
}

function extractNounNamedTools(ctx: ExtractContext): void {
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
