import { EVALUATIVE_WORDS } from '../lexicon/evaluative.ts';
import { isNegated, type Sentence } from '../text/segment.ts';
import { addClaim, lowerGate, overlapsClaim, scan, scanTriggers, wordGate, type ExtractContext } from './context.ts';
import { triggered } from './triggers.ts';

/*
 * A field of the record named and given a value: "app_proto is http", "the flow state was closed",
 * "alert.severity = 2", "the category is Attempted Information Leak", "direction: to_client". The
 * field is named by its key (with "_" or ".") or by its words; which row it is, if any, is the
 * checker's to find, so a sentence about something the record has no field for is not judged.
 */
const KEY = String.raw`[A-Za-z][\w-]*(?:[_.][\w-]+)+`;
const WORD = String.raw`[A-Za-z][A-Za-z0-9-]+`;
/** The field: a key, or one to three words after "the" or "its"; the value follows "is", "was", "=", ":" or "of". */
const VALUE = String.raw`(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|\x60([^\x60\n]{1,80})\x60|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\w.:/\\-]*[_.:/\\\d][\w.:/\\-]*)|([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}|[a-z]+(?:-[a-z]+)*))(?=[\s.,;:)!?]|$)`;
const FIELD_VALUE_RE = new RegExp(
  String.raw`(?:\b(${KEY})|\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[A-Za-z]+'s\s+)?((?:${WORD}\s+){0,2}${WORD}))\s*(?<copula>(?:is|was)\s+(?:named|called|rated|labell?ed|marked|tagged|classified\s+as|categori[sz]ed\s+as)|is|was|were|are|=|:|equals|reads|says|shows|set to|of)\s+` + VALUE,
  'g',
);
/** "Severity was rated high.", "Priority is 1.": a field's noun with no article, opening the sentence (group 1 never matches, so the groups line up with FIELD_VALUE_RE's). */
const SENTENCE_FIELD_RE = new RegExp(String.raw`^\s*((?!))?([A-Z][a-z]+(?:\s+[a-z]+)?)\s*(?<copula>(?:is|was)\s+(?:named|called|rated|labell?ed|marked|tagged)|is|was|were|are|=|:)\s+` + VALUE, 'g');
/** A quoted value right after the field's noun: 'the username "admin"', 'the user agent "curl/7.68"'. */
const QUOTED_AFTER_FIELD_RE = /\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[A-Za-z][A-Za-z0-9-]+\s+){0,2}[A-Za-z][A-Za-z0-9-]+)\s+["“]([^"”\n]{1,80})["”]/g;
const QUOTE_GATE = lowerGate(/["“]/);
const GATE = lowerGate(/\b(?:is|was|were|are|equals|reads|says|shows|set to|of|classified|categori[sz]ed)\b|=|:/);
/** "it was classified as Attempted Information Leak", "the event is categorized as Potentially Bad Traffic": the record's classification. */
const CLASSIFIED_RE = /\b(?:was|is|were|are|been|being|got)\s+(classified|categori[sz]ed)\s+as\s+(?:an?\s+)?(?:"([^"\n]{1,80})"|([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}))/g;
const CLASSIFIED_GATE = wordGate(/\b(?:classified|categori[sz]ed)\b/);

/** Words that make the phrase a description, not a field: "the traffic is suspicious", "the reason is unclear". */
const NOT_FIELD = new Set(['traffic', 'flow', 'connection', 'session', 'activity', 'behaviour', 'behavior', 'pattern', 'cause', 'result', 'case', 'alert', 'event', 'host', 'attack', 'attacker', 'source', 'destination', 'client', 'server', 'rest', 'same', 'most', 'number', 'value', 'figure', 'count', 'total', 'sum', 'rate', 'ratio', 'share', 'majority', 'purpose', 'goal', 'intent', 'likelihood', 'decision', 'verdict', 'risk', 'impact', 'question', 'answer', 'problem', 'issue', 'point', 'fact', 'record', 'table', 'data', 'model', 'system', 'network']);

/** Nouns of description that a record also has as fields (Firepower Impact, InlineResult; a verdict or risk of an alert), named so when their value is copied. */
const VALUED_NOUNS: ReadonlySet<string> = new Set(['impact', 'result', 'risk', 'verdict', 'decision', 'likelihood']);

/** "one packet in 1,000 was sampled", "1:1000 sampling", "a sampling rate of 1 in 100", "sampled 1 in 100": the exporter's sampling rate, said as a ratio. */
const SAMPLING_RE = /\b(?:one|1)\s+(?:packets?|flows?)\s+(?:in|out of|of)\s+(?:every\s+)?(\d{1,3}(?:,\d{3})+|\d{1,7})\s+(?:(?:was|were|is|are|gets?|got|being)\s+)?sampled\b|\b1\s*(?::|in|\/|out of)\s*(\d{1,3}(?:,\d{3})+|\d{1,7})\s+(?:packet\s+|flow\s+)?sampling\b|\bsampling\s+(?:rate|ratio|interval)\s+(?:of|is|was|=)\s+1\s*(?::|in|\/|out of)\s*(\d{1,3}(?:,\d{3})+|\d{1,7})\b|\bsampled\s+(?:at\s+)?(?:a\s+rate\s+of\s+)?1\s*(?::|in|\/|out of)\s*(\d{1,3}(?:,\d{3})+|\d{1,7})\b/gi;
const SAMPLING_GATE = lowerGate(/sampl/);

/** "entered on SNMP interface 7", "left via interface 3": the router interface a flow came in on or went out of. */
const INTERFACE_RE = /\b(entered|came\s+in|arrived|ingressed|left|exited|went\s+out|egressed)\s+(?:on|via|through|at|by)\s+(?:the\s+)?(?:router'?s?\s+)?(?:SNMP\s+)?(?:interface|ifindex|if\s+index)\s+(?:index\s+)?(\d{1,5})\b/gi;
/** Run at its verbs only. */
const INTERFACE = triggered(INTERFACE_RE);
/** "arriving on the outside interface", "left through the ethernet1/3 interface": an interface by its name. */
/** The verbs of a flow's way into or out of a device ("entered", "left", "went out"). */
const INTERFACE_VERB = String.raw`(entered|entering|came\s+in|arrived|arriving|ingressed|left|leaving|exited|exiting|went\s+out|egressed)`;
const NAMED_INTERFACE = triggered(new RegExp(String.raw`\b${INTERFACE_VERB}\s+(?:on|via|through|at|by)\s+(?:the\s+)?(?:router'?s?\s+|firewall'?s?\s+)?([A-Za-z][\w./-]*)\s+interface\b`, 'gi'));
/** "left through ethernet1/3", "came in on port2": an interface by a name with its number, the word "interface" left out. */
const NUMBERED_INTERFACE = triggered(new RegExp(String.raw`\b${INTERFACE_VERB}\s+(?:on|via|through|by)\s+(?:the\s+)?([A-Za-z][A-Za-z-]*\d(?:[\w./-]*\w)?)(?![\w/-]|\.\w|\s+interface\b)`, 'gi'));
const INTO_WORD = /^(?:enter|came|arriv|ingress)/i;
const INTO = /^(?:entered|came\s+in|arrived|ingressed)$/i;

/** "a medium-severity alert", "the event was high severity", "a critical-priority rule": a level said as the kind of severity. */
const LEVEL_KIND_RE = /\b(low|medium|moderate|high|critical|informational)[- ](severity|priority|risk)\b(?![- ](?:level|score|value|rating)\b)/gi;
const LEVEL_KIND_GATE = wordGate(/\b(?:low|medium|moderate|high|critical|informational)\b/);

/** "the alert has priority 3", "an event with severity 2", "it carried rev 4": a field noun and its value after a verb of having. */
const HAS_FIELD_RE = /\b(?:has|had|have|with|carries|carried|carrying|given|assigned)\s+(?:a\s+|an\s+|the\s+)?([A-Za-z][A-Za-z-]+)\s+(?:of\s+)?(\d[\w.:/-]*)(?=[\s.,;:)!?]|$)/g;
const HAS_FIELD_GATE = wordGate(/\b(?:has|had|have|with|carries|carried|carrying|given|assigned)\b/);
/** Nouns a figure after "with" counts, not fields ("with packets 3" is rare, "with port 443" is the identity's). */
const MEASURE_NOUNS = new Set(['packets', 'packet', 'bytes', 'byte', 'flows', 'flow', 'port', 'ports', 'address', 'ip', 'seconds', 'ms', 'times', 'hosts', 'connections', 'attempts']);
/** "VLAN 30 carried it", "on VLAN ID 20", "vlan tag 100": a VLAN by its number (IEEE 802.1Q ids are 12 bits). */
const VLAN_RE = /\bVLAN(?:\s+(?:ID|id|tag|number))?\s*(?:#|:|=)?\s*(\d{1,4})\b/gi;
const VLAN_GATE = wordGate(/\bvlan\b/);

/** "fired on revision 81", "under policy 12", "a priority 1 event": a field's noun with its number right after it (not "level 3 of 5"). */
const NUMBERED_NOUN = String.raw`priority|severity|revision|rev|gid|sid|policy|level`;
const NOUN_NUMBER_RE = new RegExp(String.raw`\b(${NUMBERED_NOUN})\s+(?:id\s+|number\s+|no\.\s*|#\s*)?(\d{1,10})\b(?![.:,]\d|\s*(?:%|percent|of\s+\d|out\s+of|[-–]\s*\d))`, 'gi');
const NOUN_NUMBER_GATE = wordGate(new RegExp(String.raw`\b(?:${NUMBERED_NOUN})\b`));
/** A name as a product writes one: a letter first, and a digit, "-", "_", ".", "/" or "\\" inside ("Allow-Outbound-Web", "corp\\jdoe", "ethernet1/3"). */
const NAME_ID = String.raw`(?=[\w\\/.-]*[\d_\\/-])[A-Za-z][\w\\/.-]*[A-Za-z\d]`;
/** The nouns of things a firewall or sensor record names (its rule, policy, user, device). */
const NAMED_THING = String.raw`rule|policy|user|username|account|profile|device|sensor|firewall|appliance`;
/** "matched by rule Allow-Inbound-Web", "the user corp\\asmith", "logged by firewall PA-5220". */
const NOUN_NAME_RE = new RegExp(String.raw`\b(${NAMED_THING})\s+(?:named\s+|called\s+)?(${NAME_ID})(?![\w\\/-]|\.\w)`, 'gi');
/** "the Allow-Inbound-Web rule", "the PA-5220 firewall". */
const NAME_NOUN_RE = new RegExp(String.raw`\bthe\s+(${NAME_ID})\s+(${NAMED_THING})\b`, 'gi');
const NAME_GATE = wordGate(new RegExp(String.raw`\b(?:${NAMED_THING})\b`));

/** "the destination sits in a /16", "the source is on a /24", "the source prefix length is 24 bits": a side's network prefix length. */
const SIDE_WORD = String.raw`(source|destination|src|dst|dest|client|server)`;
/** A network prefix's noun and the word that gives its length ("prefix length is", "mask of", "netmask:"). */
export const PREFIX_NOUN_SOURCE = String.raw`(?:prefix(?:\s+length)?|(?:net)?mask(?:\s+length)?)\s+(?:is\s+|was\s+|of\s+|=\s*|:\s*)?`;
const SIDE_PREFIX_RE = new RegExp(String.raw`\b${SIDE_WORD}(?:'s)?\b[^.;\d/]{0,40}?(?:\s\/(\d{1,3})\b(?!\.?\d)|\b${PREFIX_NOUN_SOURCE}\/?(\d{1,3})(?:[\s-]*bits?)?\b(?!\.?\d))`, 'gi');
const SIDE_PREFIX_GATE = lowerGate(/\/\d|prefix|mask/);

/** "came from the untrust zone", "crossed into the dmz zone", "to the inside zone": a firewall zone by its name, on the way in or out. */
const ZONE_RE = /\b(from|into|to|toward|towards)\s+(?:the\s+)?([A-Za-z][\w-]*)\s+zone\b/gi;
const ZONE_GATE = wordGate(/\bzone\b/);

export function extractFieldValues(ctx: ExtractContext): void {
  scan(ctx, ZONE_RE, ZONE_GATE, (m, at, sentence) => {
    // "the same zone", "a trusted zone": words of kind, not names
    if (isNegated(sentence, at) || /^(?:same|other|a|an|this|that|trusted|untrusted|internal|external|security|network|time)$/i.test(m[2]!)) return;
    const valueAt = at + m[0].lastIndexOf(m[2]!);
    addClaim(ctx, 'field-value', at, valueAt + m[2]!.length, { field: /^from$/i.test(m[1]!) ? 'ingress zone' : 'egress zone', value: m[2]!, quoted: false, judgement: false });
  });
  scan(ctx, VLAN_RE, VLAN_GATE, (m, at, sentence) => {
    if (isNegated(sentence, at) || overlapsClaim(ctx, at, at + m[0].length)) return;
    addClaim(ctx, 'field-value', at, at + m[0].length, { field: 'vlan', value: m[1]!, quoted: false, judgement: false });
  });
  scan(ctx, HAS_FIELD_RE, HAS_FIELD_GATE, (m, at, sentence) => {
    const field = m[1]!;
    const valueAt = at + m[0].lastIndexOf(m[2]!);
    if (MEASURE_NOUNS.has(field.toLowerCase()) || NOT_FIELD.has(field.toLowerCase()) || isNegated(sentence, at) || overlapsClaim(ctx, valueAt, valueAt + m[2]!.length)) return;
    addClaim(ctx, 'field-value', at + m[0].indexOf(field), valueAt + m[2]!.replace(/[.,:;]+$/, '').length, { field, value: m[2]!.replace(/[.,:;]+$/, ''), quoted: false, judgement: false });
  });
  scan(ctx, LEVEL_KIND_RE, LEVEL_KIND_GATE, (m, at, sentence) => {
    if (isNegated(sentence, at) || overlapsClaim(ctx, at, at + m[0].length)) return;
    // judged only against a field that holds level words: a numeric severity's scale is the product's own
    addClaim(ctx, 'field-value', at, at + m[0].length, { field: m[2]!.toLowerCase(), value: m[1]!.toLowerCase(), quoted: false, judgement: true });
  });
  scanTriggers(ctx, INTERFACE.trigger, INTERFACE.sticky, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    const valueAt = at + m[0].lastIndexOf(m[2]!);
    addClaim(ctx, 'field-value', at, valueAt + m[2]!.length, { field: INTO.test(m[1]!) ? 'ingress interface' : 'egress interface', value: m[2]!, quoted: false, judgement: false });
  });
  const onInterface = (m: RegExpExecArray, at: number, sentence: Sentence): void => {
    // "the SNMP interface", "the same interface": words of kind, not names
    if (isNegated(sentence, at) || /^(?:snmp|same|other|internal|external|physical|logical|virtual|network|router|firewall)$/i.test(m[2]!)) return;
    const valueAt = at + m[0].lastIndexOf(m[2]!);
    addClaim(ctx, 'field-value', at, valueAt + m[2]!.length, { field: INTO_WORD.test(m[1]!) ? 'ingress interface' : 'egress interface', value: m[2]!, quoted: false, judgement: false });
  };
  scanTriggers(ctx, NAMED_INTERFACE.trigger, NAMED_INTERFACE.sticky, onInterface);
  scanTriggers(ctx, NUMBERED_INTERFACE.trigger, NUMBERED_INTERFACE.sticky, onInterface);
  scan(ctx, NOUN_NUMBER_RE, NOUN_NUMBER_GATE, (m, at, sentence) => {
    const valueAt = at + m[0].lastIndexOf(m[2]!);
    if (isNegated(sentence, at) || overlapsClaim(ctx, at, valueAt + m[2]!.length)) return;
    addClaim(ctx, 'field-value', at, valueAt + m[2]!.length, { field: m[1]!.toLowerCase(), value: m[2]!, quoted: false, judgement: false });
  });
  const onName = (field: string, value: string, at: number, end: number, sentence: Sentence, quoted = false): void => {
    if (isNegated(sentence, at) || (overlapsClaim(ctx, at, end) && !onlyTermsWithin(ctx, at, end))) return;
    addClaim(ctx, 'field-value', at, end, { field: field.toLowerCase(), value, quoted, judgement: false });
  };
  scan(ctx, NOUN_NAME_RE, NAME_GATE, (m, at, sentence) => onName(m[1]!, m[2]!, at, at + m[0].length, sentence));
  scan(ctx, NAME_NOUN_RE, NAME_GATE, (m, at, sentence) => onName(m[2]!, m[1]!, at, at + m[0].length, sentence));
  scan(ctx, CLASSIFIED_RE, CLASSIFIED_GATE, (m, at, sentence) => onName(/^class/i.test(m[1]!) ? 'classification' : 'category', m[2] ?? m[3]!, at + m[0].indexOf(m[1]!), at + m[0].length, sentence, m[2] !== undefined));
  scan(ctx, SAMPLING_RE, SAMPLING_GATE, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    addClaim(ctx, 'field-value', at, at + m[0].length, { field: 'sampling rate', value: (m[1] ?? m[2] ?? m[3] ?? m[4])!.replace(/,/g, ''), quoted: false, judgement: false });
  });
  scan(ctx, QUOTED_AFTER_FIELD_RE, QUOTE_GATE, (m, at, sentence) => {
    const field = m[1]!;
    const words = field.toLowerCase().split(/\s+/);
    if (NOT_FIELD.has(words[words.length - 1]!) || isNegated(sentence, at) || PREPOSITION_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 12), at))) return;
    const value = m[2]!;
    const valueAt = at + m[0].lastIndexOf(value);
    addClaim(ctx, 'field-value', at, valueAt + value.length, { field, value, quoted: true, judgement: false });
  });
  const onFieldValue = (m: RegExpExecArray, at: number, sentence: Sentence): void => {
    // "the agent is named bastion-02", "the host was called web-01": the value is the thing's name
    const named = /\s(?:named|called)$/.test(m.groups!['copula']!);
    const field = `${m[1] ?? m[2]!}${named ? ' name' : ''}`;
    const quoted = m[4] ?? m[5] ?? m[6];
    // a sentence's full stop or a comma after a bare value is not part of it
    const value = (quoted ?? (m[7] ?? m[8])!.replace(/[.,:;]+$/, '')).trim();
    // "the end of the flow": "of" gives a value only after a field's key ("FLOW_DURATION_MILLISECONDS of 0") or a field's noun and a figure ("the rule level of 12")
    const ofField = m.groups!['copula'] === 'of' && m[1] === undefined && !(/^\d+(?:\.\d+)?$/.test(value) && OF_FIELD_NOUN.test(m[2]!));
    if (value === '' || STOP_VALUES.has(value.toLowerCase()) || ofField) return;
    const words = field.toLowerCase().split(/\s+/);
    // "its contribution to the score is -0.1": a field after a preposition is not the subject of "is"
    if (m[1] === undefined && PREPOSITION_BEFORE.test(ctx.text.slice(Math.max(sentence.start, at - 12), at))) return;
    // "the count is 5" says nothing of a field; "the SYN flag count is 1" names one (CICFlowMeter's SYN Flag Count)
    const last = words[words.length - 1]!;
    // "the impact was Vulnerable", "the inline result was Dropped": a value copied as the record writes it (capitalised, quoted) names the field
    const copied = quoted !== undefined || /^[A-Z]/.test(value);
    if (m[1] === undefined && NOT_FIELD.has(last) && !(words.length > 1 && MEASURE_TAIL.has(last)) && !(copied && VALUED_NOUNS.has(last))) return;
    // an adjective of judgement ("unusual", "malicious") backs a field that holds it, and is no claim against one that does not
    const judgement = quoted === undefined && /^[a-z]+$/i.test(value) && EVALUATIVE_WORDS.has(value.toLowerCase());
    if (/^\d+(?:\.\d+)?$/.test(value) && m[1] === undefined && words.length === 1 && !KEYISH.test(field)) return;
    const valueAt = at + m[0].lastIndexOf(value);
    const end = valueAt + value.length;
    // a quoted value is the field's whole value, whatever words in it other claims read
    // a term read already as a named thing ("dmz") is still this field's value: both are judged
    if (isNegated(sentence, at) || (quoted === undefined && overlapsClaim(ctx, valueAt, end) && !onlyTermsWithin(ctx, valueAt, end))) return;
    addClaim(ctx, 'field-value', at, end, { field, value, quoted: quoted !== undefined, judgement });
  };
  scan(ctx, FIELD_VALUE_RE, GATE, onFieldValue);
  scan(ctx, SENTENCE_FIELD_RE, GATE, onFieldValue);
  // after the general form, which reads "the source prefix was /24" by the field's own words
  scan(ctx, SIDE_PREFIX_RE, SIDE_PREFIX_GATE, (m, at, sentence) => {
    const end = at + m[0].length;
    if (isNegated(sentence, at) || overlapsClaim(ctx, at, end)) return;
    const side = /^(?:source|src|client)$/i.test(m[1]!) ? 'source' : 'destination';
    addClaim(ctx, 'field-value', at, end, { field: `${side} mask`, value: `/${m[2] ?? m[3]!}`, quoted: false, judgement: false });
  });
}

/** Whether every claim overlapping [start, end) is a named thing (an entity term) inside it. */
function onlyTermsWithin(ctx: ExtractContext, start: number, end: number): boolean {
  // a named thing or a service word inside a name ("Deny-Inbound-SMB") is part of the field's value
  for (const c of ctx.claims) if (c.start < end && c.end > start && ((c.kind !== 'entity' && c.kind !== 'service') || c.start < start || c.end > end)) return false;
  return true;
}

/** Nouns that name a field of an alert or a record, so "the X of N" gives its value. */
const OF_FIELD_NOUN = /\b(?:level|severity|priority|score|revision|rev|gid|sid|id|ttl|rank)$/i;

const PREPOSITION_BEFORE = /\b(?:to|of|in|on|at|from|by|with|for|than|as|about|over|under|into|onto|toward|towards|within|between|against)\s+$/i;

/** Words that end a field's name when a qualifier comes before them: "flag count", "packet rate", "byte total". */
const MEASURE_TAIL: ReadonlySet<string> = new Set(['count', 'number', 'total', 'sum', 'value', 'rate', 'ratio']);

/** Words that open a phrase rather than give a value. */
const STOP_VALUES = new Set(['both', 'all', 'each', 'either', 'neither', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'not', 'no', 'also', 'only', 'very', 'more', 'less', 'still', 'then', 'so', 'and', 'or', 'but', 'in', 'on', 'at', 'to', 'from', 'by', 'with', 'for', 'as', 'it', 'there', 'here']);

/** A one-word field that is a field's name on its own ("severity 2", "rev 4"), not a noun any sentence has. */
const KEYISH = /^(?:severity|priority|rev|revision|gid|sid|ttl|tos|dscp|vlan|state|status|direction|action|category|version|method|rcode|qtype)$/i;
