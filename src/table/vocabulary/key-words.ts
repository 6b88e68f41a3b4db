import { bundledVocabulary } from './families.ts';

/**
 * The words field names are made of, read from every family's spellings (nProbe, IPFIX, Zeek, EVE,
 * ECS, CICFlowMeter, goflow2, Snort): `event`, `attack`, `session`, `country`, `time`, `score` … A
 * key that glues such words with no separator (FortiGate's `eventtime`, `attackid`, `srccountry`,
 * PAN-OS's `sessionid`) is split into them, so inference and the checker read its words.
 */
let lexicon: ReadonlySet<string> | undefined;

function keyWordLexicon(): ReadonlySet<string> {
  if (lexicon) return lexicon;
  const words = new Set<string>();
  for (const spelling of bundledVocabulary().exact.keys()) {
    for (const word of rawWords(spelling)) if (word.length >= MIN_PIECE && !/\d/.test(word)) words.add(word);
  }
  return (lexicon = words);
}

/** Pieces shorter than this are not split off (so "uptime", "report" and "valid" stay whole), except a final identifier word. */
const MIN_PIECE = 3;
/** Two-letter words a key may end in after another word: `attackid`, `hostip`. */
const SHORT_TAILS: ReadonlySet<string> = new Set(['id', 'ip']);
/** Compounds whose parts say something else than the whole: a timeout is a duration, not a time or a side. */
const WHOLE_WORDS: ReadonlySet<string> = new Set(['timeout', 'timeouts']);
/** The fewest pieces a glued key splits into; more would be guessing. */
const MAX_PIECES = 3;

/** Split camelCase, snake_case, dots and the like, lower-cased: the words as written. */
export function rawWords(key: string): string[] {
  return key
    .replace(/\[\d*\]/g, ' ')
    // 'IPv4' and 'IPv6' are one word each, which the camelCase rule would split.
    .replace(/IPv([46])/g, ' ipv$1 ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d@]+/)
    .map((t) => t.replace(/^@/, ''))
    .filter((t) => t.length > 0);
}

/**
 * A word of a key as the words it glues, when every piece is a word of the lexicon ("eventtime" →
 * event, time; "attackid" → attack, id); the word itself when it is one already or splits no way.
 */
/** Every lexicon word that splits into others, with its split (to review what the rule does). */
export function gluedLexiconWords(): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const word of keyWordLexicon()) {
    const words = gluedWords(word);
    if (words.length > 1) out.push([word, words]);
  }
  return out;
}

export function gluedWords(word: string): string[] {
  if (word.length < MIN_PIECE + 2 || !/^[a-z]+$/.test(word) || WHOLE_WORDS.has(word)) return [word];
  // a glued name a family spells whole (FortiGate's "attackid") is still its words
  return split(word, 0, keyWordLexicon(), MAX_PIECES) ?? [word];
}

/** The split of word[from…] into at most `pieces` lexicon words, fewest pieces first; undefined when there is none. */
function split(word: string, from: number, words: ReadonlySet<string>, pieces: number): string[] | undefined {
  const rest = word.slice(from);
  if (from > 0 && (words.has(rest) || SHORT_TAILS.has(rest))) return [rest];
  if (pieces <= 1) return undefined;
  // longest first piece first: "sessionid" is session + id, not a run of short words
  for (let end = word.length - 2; end >= from + MIN_PIECE; end--) {
    const head = word.slice(from, end);
    if (!words.has(head)) continue;
    const tail = split(word, end, words, pieces - 1);
    if (tail) return [head, ...tail];
  }
  return undefined;
}
