import { ENTITY_TERMS } from '../lexicon/terms.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, isTaken, mentionsIn, overlapsClaim, nearestMention, scan, scanTriggers, scanTriggersIn, type ExtractContext } from './context.ts';
import { stickyOf, triggered } from './triggers.ts';
import type { ClaimPayloads } from '../claim.ts';
import type { Sentence } from '../text/segment.ts';

const SHARE_RE =
  /\b(?:(?:the )?(?:vast |overwhelming |great )?majority of|most of|most|mostly|predominantly|primarily|nearly all|almost all|the bulk of|largely|balanced|symmetric(?:al)?|asymmetric(?:al)?|one-way|unidirectional|lopsided|equal)\b(?:\s+(?:the|observed|of|its|this|flow's|\w+ing))*\s+(traffic|data|bytes|packets|IN_BYTES|IN_PKTS|(?:packet|byte) counts?|volume|transfer|exchange|bidirectional traffic)\b/gi;
const SHARE_AFTER_RE = /\b(traffic|bytes|data|packets|exchange|transfer)\s+(?:was|were|is|are|seems|looks)\s+(?:\w+\s+)?(balanced|symmetric(?:al)?|asymmetric(?:al)?|one-sided|lopsided)\b/gi;
const DIR_IN = /\bfrom (?:the )?(?:source|src|sender|origin\w*)|source[- ]to[- ]destination|to (?:the )?destination|\bIN_(?:BYTES|PKTS)\b|server[- ]to[- ]client|outbound|upload/i;
const DIR_OUT = /\bfrom (?:the )?(?:destination|dst|responder)|destination[- ]to[- ]source|to (?:the )?source|\bOUT_(?:BYTES|PKTS)\b|client[- ]to[- ]server|inbound|download/i;
const SIZE_SMALL = /\b(?:small|tiny|short|minimal|under \d+ bytes|below \d+ bytes|up to 128|less than \d+ bytes)\b/i;
const SIZE_LARGE = /\b(?:large|full[- ]size\w*|MTU|jumbo|over 1,?0\d\d bytes|above 1,?0\d\d bytes|near(?:ly)? the maximum)\b/i;
const GAP_RE =
  /back-to-back|without (?:any )?(?:measurable )?(?:gaps?|delay)|between (?:consecutive |successive |individual |high-speed )?packets?|packet arrivals?|packets? (?:arrived|arriving|were sent)|(?:time|temporal) resolution|jitter|zero (?:gap|delay|latency)|no (?:delay|gap)s? between|(?:zero|0(?:\.0+)?(?: ?ms)?)[- ](?:inter-?arrival|interarrival)(?: times?)?|(?:minimal|minimized|artificially minimal) inter-?arrival(?: times?)?/gi;
const INIT_RE =
  /\b(?:initiat\w*|opened|open(?:ing)?|start(?:ed|ing)|establish(?:ed|ing)?|set up)\s+(?:the |this |a |that )?(?:TCP )?(?:connection|session|handshake|communication|(?:outbound |inbound )?transfer|exchange)\b|\b(?:connection|session|communication) (?:was |is |had been )?(?:initiated|opened|started|established) by\b|\b(?:client|server|source|destination)-initiated\b|\b(?:completed|complete|full|completing) (?:the )?(?:three-way |TCP )?handshake\b|\bhandshake (?:was |is )?(?:never )?completed\b/gi;
const COMPARATIVE_RE =
  /\b(?:(unusually|abnormally|extremely|exceptionally|very|significantly|remarkably|particularly|relatively|notably|highly|strikingly)\s+)?(high|higher|highest|low|lower|lowest|large|larger|largest|small|smaller|tiny|huge|massive|elevated|excessive|heavy|long|longer|short|shorter|brief|typical|normal|ordinary|usual|unusual|atypical|anomalous|abnormal|modest|minimal|ephemeral|privileged|well-known)\b/gi;
/**
 * The entity term lists as one regex per case-sensitivity (one capture group per category), run
 * only at their trigger words. Each list is `\b(?:…)\b`; the word boundaries are tested once per
 * position, outside the alternation of categories (same matches, fewer steps).
 */
const ENTITY_SCANS = (['gi', 'g'] as const)
  .map((flags) => {
    const terms = ENTITY_TERMS.filter((t) => t.re.flags.includes('i') === flags.includes('i'));
    const source = `\\b(?:${terms.map((t) => `(${innerAlternation(t.re)})`).join('|')})\\b`;
    const re = new RegExp(source, flags);
    // case-insensitive lists also as a lower-case, case-sensitive regex for the lower-cased text (faster)
    const lowerRe = flags === 'gi' ? stickyOf(new RegExp(source.toLowerCase(), 'g')) : undefined;
    return { ...triggered(re), lowerRe, categories: terms.map((t) => t.category) };
  })
  .filter((s) => s.categories.length > 0);

/** The alternation inside a term list written as `\b(?:…)\b`. */
function innerAlternation(re: RegExp): string {
  const inner = re.source.slice(5, -3);
  let depth = 0;
  for (let i = 0; i < inner.length && depth >= 0; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
  }
  if (!re.source.startsWith('\\b(?:') || !re.source.endsWith(')\\b') || depth !== 0) throw new TypeError(`Expected an entity term list written as \\b(?:…)\\b, got ${re.source}`);
  return inner;
}

const HIGH = /^(?:high|higher|highest|large|larger|largest|huge|massive|elevated|excessive|heavy|long|longer|ephemeral)$/i;
const LOW = /^(?:low|lower|lowest|small|smaller|tiny|short|shorter|brief|minimal|modest|privileged|well-known)$/i;
const TYPICAL = /^(?:typical|normal|ordinary|usual)$/i;
const STRONG = /^(?:unusually|abnormally|extremely|exceptionally|remarkably|strikingly)$/i;

const PORT_NOUN = /^\s+(?:ports?|services?)\b/i;
/** Words that say where something is without naming the place ("located in", "based in"). */
const PLACE_CUE = /^(?:located|based) in$/i;
/** A date right after a word of state ("expired on 16 February", "expired in 2024"). */
const DATE_AFTER = /^\s+(?:on|in|at|since|by)\s+(?:\d|[A-Z][a-z]{2})/;
/** Words that say who owns something without naming them ("belongs to", "owned by", "registered to"). */
const OWNER_CUE = /^(?:belongs? to|owned by|registered to|operated by|assigned to)$/i;
/** An AS number right after a cue. */
const AS_AFTER = /^\s+(?:the\s+)?(?:AS|ASN)\s?\d/;
/** A capitalised name right after a cue: the place it names. */
const NAMED_AFTER = /^\s+(?:the\s+)?[A-Z]/;

/** Entities, shares, null misreadings, initiation and comparative words. */
export function extractPhrases(ctx: ExtractContext): void {
  // first, so the tool a fingerprint is said to be is judged as that, not as a name the record holds elsewhere
  extractFingerprintOwners(ctx);
  for (const { trigger, sticky, lowerRe, categories } of ENTITY_SCANS) {
    const [re, hay] = lowerRe && ctx.lower !== undefined ? [lowerRe, ctx.lower] : [sticky, ctx.text];
    scanTriggers(ctx, trigger, re, (m, at, sentence) => {
      if (isNegated(sentence, at)) return;
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const end = at + m[0].length;
      // "a common exploitation port", "a known C2 port": what the port is used for in general, not what this flow did
      if (PORT_NOUN.test(ctx.text.slice(end, end + 12))) return;
      // a value read already (an AS number, a host name) is judged as that value, not again as a named thing
      if (isTaken(ctx, at, end)) return;
      // "located in Germany": a cue followed by the place it names is judged by that place (a named country, or extractPlaces)
      const category = categories[group - 1]!;
      if (category === 'country or geolocation' && PLACE_CUE.test(m[0]) && NAMED_AFTER.test(ctx.text.slice(end, end + 8))) return;
      // "belongs to AS 64500": an owner cue followed by the AS number it names is judged by that number
      if (category === 'owner, organisation or ASN' && OWNER_CUE.test(m[0]) && AS_AFTER.test(ctx.text.slice(end, end + 12))) return;
      // "expired on 16 February 2024": a date said of the validity, judged as that date
      if (category === 'certificate state' && DATE_AFTER.test(ctx.text.slice(end, end + 12))) return;
      addClaim(ctx, 'entity', at, end, { category, term: ctx.text.slice(at, end) });
    }, hay);
  }
  extractShares(ctx);
  extractHistory(ctx);
  extractPlaces(ctx);
  extractNullReadings(ctx);
  scanTriggersIn(ctx, INIT.trigger, INIT.sticky, undefined, (m, at, sentence) => {
    // "without completing the handshake", "the handshake was never completed": said not to have happened
    const negated = isNegated(sentence, at) || /\bnever\b|\bnot\b/i.test(m[0]);
    const end = at + m[0].length;
    const by = / by$/i.test(m[0]) ? partyAfter(ctx, sentence, end) : partyBefore(ctx, sentence, at);
    const claimEnd = by?.after ? by.end : end;
    const data: ClaimPayloads['initiation'] = { phrase: ctx.text.slice(at, claimEnd) };
    if (negated) data.negated = true;
    if (by) data.party = by.party;
    addClaim(ctx, 'initiation', at, claimEnd, data);
  });
  extractComparatives(ctx);
}

/**
 * What a host usually does: "an IP address that is not typically associated with the web server",
 * "a host never seen before", "rarely talks to this server". One record holds no history, so such a
 * claim is about other flows (backed only by the window features). A party must be its subject:
 * "port 443 is typically associated with HTTPS" is knowledge of ports, not history.
 */
const HISTORY = triggered(/\b(?:address|ip|host|client|source|user|machine|device|sender|endpoint)\b[^.;]{0,40}?\b((?:is\s+|was\s+)?(?:not\s+)?(?:typically|usually|normally|commonly|previously|ever|never)\s+(?:been\s+)?(?:associated with|seen|observed|accessed|contacted|communicat\w+ with|talk\w* to|connect\w* to)|never (?:been )?seen before|first[- ]time (?:seen|visitor|connection)|rarely (?:communicates|talks|connects))/gi);

function extractHistory(ctx: ExtractContext): void {
  scanTriggers(ctx, HISTORY.trigger, HISTORY.sticky, (m, at) => {
    const start = at + m[0].lastIndexOf(m[1]!);
    const end = start + m[1]!.length;
    if (!isTaken(ctx, start, end)) addClaim(ctx, 'entity', start, end, { category: 'other flows', term: m[1]! });
  });
}

/**
 * Where a host is: "an edge server in Seattle", "located in Ashburn", "hosted in Frankfurt". A place
 * is a lookup (GeoIP) no flow field holds, whichever place it is, so the construction finds it
 * rather than a list of places.
 */
const PLACE = triggered(/\b(?:located|based|hosted|situated|sits|resides|server|servers|host|hosts|node|datacenter|data center|region|endpoint|machine)\s+in\s+((?:the\s+)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\b/g);
const NOT_PLACES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Addition|Particular|General|Total|Practice|Summary|Short|Fact|Turn|Order|Response|Reply|Question|The\s+(?:Past|Future|Record|Table|Flow|Alert|Log|Event))$/;

function extractPlaces(ctx: ExtractContext): void {
  scanTriggers(ctx, PLACE.trigger, PLACE.sticky, (m, at, sentence) => {
    const place = m[1]!;
    if (NOT_PLACES.test(place) || isNegated(sentence, at)) return;
    const start = at + m[0].lastIndexOf(place);
    const end = start + place.length;
    if (!isTaken(ctx, start, end) && !overlapsClaim(ctx, start, end)) addClaim(ctx, 'entity', start, end, { category: 'country or geolocation', term: place });
  });
}

/**
 * A fingerprint said to be a tool's: "the JA3 hash … is the fingerprint of Cobalt Strike's default
 * profile", "a JA3 that matches Metasploit". Naming the tool elsewhere in the record (a signature)
 * does not tie this hash to it; only a fingerprint field of the record that names it does.
 */
const FINGERPRINT_OWNER = triggered(/\b(?:JA3S?|JA4S?|HASSH|fingerprint)\b[^.;]{0,70}?\b(?:fingerprint of|matches|matching|belongs to|associated with|linked to|used by|corresponds to|is that of|identifies)\s+(?:the\s+|a\s+|an\s+)?(?:known\s+|default\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})/g);

function extractFingerprintOwners(ctx: ExtractContext): void {
  scanTriggers(ctx, FINGERPRINT_OWNER.trigger, FINGERPRINT_OWNER.sticky, (m, at, sentence) => {
    const owner = m[1]!.replace(/'s$/, '');
    const start = at + m[0].lastIndexOf(m[1]!);
    const end = start + owner.length;
    if (isNegated(sentence, at) || isTaken(ctx, start, end)) return;
    addClaim(ctx, 'entity', start, end, { category: 'fingerprint attribution', term: owner }, true);
  });
}

const NONE = triggered(/\bno (?:data|bytes)(?: (?:was|were|being))? (?:transferred|exchanged|sent|carried|moved)\b|\bzero (bytes|packets)\b|\bwithout (?:any )?data (?:transfer|being (?:sent|transferred))\b/gi);
/** "zero bytes in the reverse direction", "zero packets back", "zero bytes from the server": what one side sent, not the flow. */
const REVERSE_AFTER = /[^.;:]{0,40}?\b(?:in\s+the\s+(?:reverse|return|opposite|other)\s+direction|in\s+return|back\b|from\s+the\s+(?:server|destination|responder|target|resolver|remote\s+\w+|victim)\b|(?:server|destination|responder)[- ]to[- ](?:client|source)\b)/iy;

function reverseAfter(text: string, end: number): boolean {
  REVERSE_AFTER.lastIndex = end;
  return REVERSE_AFTER.test(text);
}
/**
 * Nothing came back from the destination: "no data came back", "no response from the server", "the
 * server never replied", "without any reply", "went unanswered". Data is bytes; a response is any packet.
 */
const NOTHING_BACK = triggered(
  /\b(?:no\s+(data|bytes|payload|packets|traffic|response|reply|replies|answer)\s+(?:(?:was|were|ever)\s+)?(?:came|come|coming|returned|sent back|back|from the (?:server|destination|responder|target|victim|host))|no\s+(response|reply|answer)\b|(?:server|destination|responder|target|victim|host)\s+(?:never|did not|didn't|does not|doesn't)\s+(?:respond(?:ed|s)?|repl(?:y|ied|ies)|answer(?:ed|s)?|sen[dt] anything back)|without\s+(?:a|any)\s+(response|reply|answer)|(?:went|was|were|remained)\s+unanswered)\b/gi,
);
const SHARE = triggered(SHARE_RE);
const SHARE_AFTER = triggered(SHARE_AFTER_RE);
const INIT = triggered(INIT_RE);
const COMPARATIVE = triggered(COMPARATIVE_RE);

function extractShares(ctx: ExtractContext): void {
  scanTriggersIn(ctx, NONE.trigger, NONE.sticky, undefined, (m, at) => {
    const back = reverseAfter(ctx.text, at + m[0].length);
    if (back) addClaim(ctx, 'share', at, at + m[0].length, { subject: /^packets$/i.test(m[1] ?? '') ? 'packets' : 'bytes', direction: 'out', none: true });
    else if (!/^packets$/i.test(m[1] ?? '')) addClaim(ctx, 'share', at, at + m[0].length, { subject: 'bytes', none: true });
  });
  scanTriggers(ctx, NOTHING_BACK.trigger, NOTHING_BACK.sticky, (m, at) => {
    const bytes = m[1] !== undefined && /^(?:data|bytes|payload)$/i.test(m[1]);
    addClaim(ctx, 'share', at, at + m[0].length, { subject: bytes ? 'bytes' : 'packets', direction: 'out', none: true });
  });
  scanTriggers(ctx, SHARE_AFTER.trigger, SHARE_AFTER.sticky, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    const subject = /packet/i.test(m[1]!) ? 'packets' : /byte/i.test(m[1]!) ? 'bytes' : 'traffic';
    addClaim(ctx, 'share', at, at + m[0].length, { subject, balanced: !/asym|one-sided|lopsided/i.test(m[2]!) });
  });
  scanTriggers(ctx, SHARE.trigger, SHARE.sticky, (m, at, sentence) => {
    if (isNegated(sentence, at)) return;
    shareClaim(ctx, m, at, sentence);
  });
}

/** Emphasis and code marks, dropped before the direction and size words are read ("_" stays: IN_BYTES). */
const MARKUP = /[*`]/g;

function shareClaim(ctx: ExtractContext, m: RegExpExecArray, at: number, sentence: { end: number }): void {
  const rest = ctx.text.slice(at, Math.min(sentence.end, at + 140)).replace(MARKUP, '');
  const noun = m[1]!.toLowerCase();
  const subject = /packet|pkts/.test(noun) ? 'packets' : /byte/.test(noun) ? 'bytes' : 'traffic';
  const word = m[0].toLowerCase();
  const balanced = /balanced|symmetric|equal/.test(word) && !/asymmetric/.test(word) ? true : /asymmetric|one-way|unidirectional|lopsided/.test(word) ? false : undefined;
  const direction = DIR_IN.test(rest) ? 'in' : DIR_OUT.test(rest) ? 'out' : undefined;
  const size = subject === 'packets' ? (SIZE_SMALL.test(rest) ? 'small' : SIZE_LARGE.test(rest) ? 'large' : undefined) : undefined;
  if (balanced === undefined && direction === undefined && size === undefined) return;
  addClaim(ctx, 'share', at, at + m[0].length, { subject, ...(direction ? { direction } : {}), ...(balanced !== undefined ? { balanced } : {}), ...(size ? { size } : {}) });
}

function extractNullReadings(ctx: ExtractContext): void {
  const about = /inter-?arrival|interarrival/;
  // every sentence and heading is part of the text: without "arrival" anywhere, no sentence is about it
  if (ctx.lower !== undefined && !ctx.lower.includes('arrival')) return;
  scan(ctx, GAP_RE, (s) => about.test(s.lower) || about.test(s.topic), (m, at) => addClaim(ctx, 'null-reading', at, at + m[0].length, { phrase: m[0] }));
}

function extractComparatives(ctx: ExtractContext): void {
  scanTriggersIn(ctx, COMPARATIVE.trigger, COMPARATIVE.sticky, (s) => mentionsIn(ctx, s).length > 0, (m, start, sentence) => {
    const end = start + m[0].length;
    if (mentionsIn(ctx, sentence).some((x) => start < x.end && end > x.start) || isNegated(sentence, start)) return;
    const mention = nearestMention(ctx, sentence, start, end);
    if (!mention || !modifies(ctx.text, mention, start, end)) return;
    const word = m[2]!;
    const direction = HIGH.test(word) ? 'high' : LOW.test(word) ? 'low' : TYPICAL.test(word) ? 'typical' : 'unusual';
    const strong = (m[1] !== undefined && STRONG.test(m[1])) || /est$/.test(word);
    addClaim(ctx, 'comparative', start, end, { word: m[0], direction, strong, mention });
  });
}

const BAND_RE = /\b(top|bottom|highest|lowest|upper|lower)\s+(?:(\d{1,2}(?:\.\d+)?)\s?(?:%|percent)(?!\w)|(decile|quintile|quartile|percentile))/gi;
const BAND_WIDTH: Readonly<Record<string, number>> = { decile: 10, quintile: 20, quartile: 25, percentile: 1 };
const BAND = triggered(BAND_RE);

/**
 * "IN_BYTES is in the bottom decile", "in the top 5 %": a claim about the row's baseline
 * percentile. Reserved before quantities are read, so "5 %" is not taken for a value.
 */
export function extractPercentileBands(ctx: ExtractContext): void {
  scanTriggersIn(ctx, BAND.trigger, BAND.sticky, undefined, (m, start, sentence) => {
    const end = start + m[0].length;
    if (isNegated(sentence, start)) return;
    const mention = nearestMention(ctx, sentence, start, end);
    if (!mention) return;
    const side = /top|highest|upper/i.test(m[1]!) ? 'top' : 'bottom';
    const width = m[2] !== undefined ? Number(m[2]) : BAND_WIDTH[m[3]!.toLowerCase()]!;
    addClaim(ctx, 'comparative', start, end, { word: m[0], direction: side === 'top' ? 'high' : 'low', strong: true, mention, band: { side, width } }, true);
  });
}

const PREDICATE_GAP = /\b(?:is|was|are|were|seems|appears|looks|remains|being)\s+(?:(?:also|still|quite|rather|very|not|\w+ly)\s+){0,2}(?:an?\s+)?$/i;

/** Whether the comparative word is said of the mention: "X is (unusually) high", or "high X" with at most two words between. */
function modifies(text: string, mention: { start: number; end: number }, start: number, end: number): boolean {
  if (mention.end <= start) {
    const gap = text.slice(mention.end, start);
    return gap.length <= 45 && !/[;|]/.test(gap) && PREDICATE_GAP.test(gap);
  }
  const between = text.slice(end, mention.start).replace(/[`*'"(),:]/g, ' ').trim();
  return mention.start - end <= 24 && (between === '' || between.split(/\s+/).length <= 2);
}

/** A party word that names one end of a connection (lexicon/side-words.ts gives its side). */
const PARTY_WORD = String.raw`source|client|originator|initiator|sender|destination|server|responder|receiver`;
const PARTY_LAST = new RegExp(String.raw`\b(${PARTY_WORD})\b(?!.*\b(?:${PARTY_WORD})\b)`, 'i');
const PARTY_NEXT = new RegExp(String.raw`^\s*(?:the\s+)?(${PARTY_WORD})\b`, 'i');
/** What ends the subject's clause: a party before it is another clause's. */
const CLAUSE_BREAK = /[;:]|,\s+(?:and|but|while|whereas|which)\b|\b(?:and|but|then)\s+(?:the\s+)?(?=\S+\s+(?:initiat|open|start|establish))/gi;

/**
 * The party said to open the connection, as the subject of the verb: the last address or party
 * word of its clause before it ("The host 10.0.0.5 opened …", "the client initiated …").
 */
function partyBefore(ctx: ExtractContext, sentence: Sentence, at: number): { party: NonNullable<ClaimPayloads['initiation']['party']>; end: number; after: false } | undefined {
  let from = Math.max(sentence.start, at - 80);
  CLAUSE_BREAK.lastIndex = 0;
  const before = ctx.text.slice(from, at);
  for (const b of before.matchAll(CLAUSE_BREAK)) from = Math.max(from, sentence.start, at - before.length + b.index + b[0].length);
  let address: string | undefined;
  for (const c of ctx.claims) if (c.kind === 'address' && c.start >= from && c.end <= at) address = c.data.address;
  if (address !== undefined) return { party: { address }, end: at, after: false };
  const word = PARTY_LAST.exec(ctx.text.slice(from, at));
  return word ? { party: { word: word[1]!.toLowerCase() }, end: at, after: false } : undefined;
}

/** The agent of a passive: "the connection was initiated by 10.0.0.5", "… by the client". */
function partyAfter(ctx: ExtractContext, sentence: Sentence, end: number): { party: NonNullable<ClaimPayloads['initiation']['party']>; end: number; after: true } | undefined {
  for (const c of ctx.claims) if (c.kind === 'address' && c.start >= end && c.start <= end + 12 && !/\S\s+\S/.test(ctx.text.slice(end, c.start).replace(/^\s*the\s+(?:host|address|ip)\s*/i, ''))) return { party: { address: c.data.address }, end: c.end, after: true };
  const word = PARTY_NEXT.exec(ctx.text.slice(end, Math.min(sentence.end, end + 30)));
  return word ? { party: { word: word[1]!.toLowerCase() }, end: end + word[0].length, after: true } : undefined;
}
