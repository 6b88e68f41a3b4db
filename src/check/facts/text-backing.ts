import { tokenizeKey } from '../deps.ts';
import { holdsAll, keyTokens, singular } from './key-tokens.ts';
import { stringRowContaining, textRows as textRowsOf, type FactRow, type TableFacts } from './table-facts.ts';
import { TERM_EVIDENCE } from '../lexicon/term-evidence.ts';
import { CONCEPT_SPELLINGS } from '../lexicon/concept-spellings.ts';
import { sharedMemo } from './shared-memo.ts';
import { planned } from './schema-plan.ts';

/**
 * Words that say what kind of thing a term is, not which: "login attempts", "POST request" and
 * "XSS attack" are backed when the record holds "login", "POST" and "XSS".
 */
const KIND_WORDS = new Set(['attempt', 'attempts', 'request', 'requests', 'attack', 'attacks', 'activity', 'traffic', 'session', 'sessions', 'the', 'a', 'an', 'of', 'to', 'in']);

/**
 * What in the record backs a term the numbers cannot: a text value that holds it whole, a field of
 * that name (`http_user_agent` for "user agent", `payload_printable` for "payload"), with
 * `byDescription` a field the vocabulary describes so (tls.notafter for "certificate"), or text values
 * that hold each of its distinctive words. undefined when nothing does.
 */
export function textBacking(facts: TableFacts, term: string, byDescription = false): { rows: FactRow[]; reason: string } | undefined {
  const whole = stringRowContaining(facts, term);
  if (whole) return { rows: [whole], reason: `The record holds "${term}" in ${whole.key}.` };
  const other = otherSpelling(facts, term);
  if (other) return other;
  const { words, singulars } = termParts(term);
  if (words.length === 0) return undefined;
  const field = fieldNamed(facts, words);
  if (field) return { rows: [field], reason: `The record has a ${field.key} field.` };
  const described = byDescription ? fieldDescribedAs(facts, singulars) : undefined;
  if (described) return { rows: [described], reason: `The record has ${described.key} (${described.description}).` };
  const shaped = byDescription ? valueOfKind(facts, words) : undefined;
  if (shaped) return { rows: [shaped.row], reason: `${shaped.row.key} holds ${shaped.kind}: ${String(shaped.row.value)}.` };
  const rows: FactRow[] = [];
  for (const word of words) {
    const row = stringRowContaining(facts, word) ?? spelledInRecord(facts, word);
    if (!row) return undefined;
    if (!rows.includes(row)) rows.push(row);
  }
  return { rows, reason: `The record holds ${words.map((w) => `"${w}"`).join(' and ')} (${rows.map((r) => r.key).join(', ')}).` };
}

/** A text row holding one of the record's own spellings of the word (TERM_EVIDENCE: "password" → `pwd`). */
function spelledInRecord(facts: TableFacts, word: string): FactRow | undefined {
  const spellings = TERM_EVIDENCE[word] ?? TERM_EVIDENCE[word.replace(/s$/, '')];
  if (spellings === undefined) return undefined;
  for (const spelling of spellings) {
    const row = stringRowContaining(facts, spelling);
    if (row) return row;
  }
  return undefined;
}

/** A row whose name holds all the words (in any order), with a value. */
function fieldNamed(facts: TableFacts, words: readonly string[]): FactRow | undefined {
  const tokens = planned(facts.plan, 'key-tokens', rowTokens);
  for (let i = 0; i < tokens.length; i++) {
    const row = facts.list[i]!;
    if (row.value !== null && row.value !== '' && holdsAll(tokens[i]!, words)) return row;
  }
  return undefined;
}

/** A row with a value whose description (from the vocabulary) names all the words (given in the singular): "certificate" is backed by tls.notafter, "Certificate not valid after". */
function fieldDescribedAs(facts: TableFacts, wanted: readonly string[]): FactRow | undefined {
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '' || row.description === '') continue;
    if (inSet(descriptionWords(row.description), wanted)) return row;
  }
  return undefined;
}

/**
 * Kinds of content a value shows by its form, whatever its field is called (FortiGate's `agent`, a
 * bare `url` path, a `hostname`): a user agent is product/version tokens, a URL a scheme or a path, a
 * host name dotted labels ending in a top-level domain.
 */
const VALUE_KINDS: ReadonlyArray<{ kind: string; words: ReadonlyArray<readonly string[]>; form: RegExp }> = [
  { kind: 'a user agent', words: [['user', 'agent'], ['useragent']], form: /^[A-Za-z][\w.+-]*\/\d[\w.]*(?:\s|$)/ },
  { kind: 'a URL', words: [['url'], ['uri'], ['path']], form: /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|\/[^\s]*)$/i },
  { kind: 'a host name', words: [['hostname'], ['host', 'name'], ['domain'], ['domain', 'name']], form: /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i },
];

/** A text value whose form shows it is the kind of content the words name. */
function valueOfKind(facts: TableFacts, words: readonly string[]): { row: FactRow; kind: string } | undefined {
  const kinds = VALUE_KINDS.filter((k) => k.words.some((w) => w.length === words.length && w.every((x, i) => x === words[i])));
  if (kinds.length === 0) return undefined;
  for (const { row } of textRowsOf(facts)) for (const k of kinds) if (k.form.test(row.value as string)) return { row, kind: k.kind };
  return undefined;
}

/** A term's words, split once: terms repeat from narrative to narrative (kept apart from the row keys' memo). */
const termWords = sharedMemo(tokenizeKey, 5_000);

/** A term's distinctive words (not the kind words), and the same in the singular, read once per term across narratives. */
const termParts = sharedMemo((term: string): { words: readonly string[]; singulars: readonly string[] } => {
  const words = termWords(term).filter((w) => !KIND_WORDS.has(w));
  return { words, singulars: words.map(singular) };
}, 5_000);

/**
 * The words of a description in the singular, split once for every table (descriptions come from
 * the vocabulary and repeat). Examples in parentheses ("Request method (GET, POST, …)") name values
 * the field may hold, not what it holds.
 */
const descriptionWords = sharedMemo((description: string): ReadonlySet<string> => new Set(tokenizeKey(description.replace(/\([^)]*\)/g, '')).map(singular)), 5_000);

/** Whether every word is in the set (a plain loop: no closure per row). */
function inSet(said: ReadonlySet<string>, words: readonly string[]): boolean {
  for (const w of words) if (!said.has(w)) return false;
  return true;
}


/** Each row key's words, by position: the schema's, shared by its tables. */
function rowTokens(keys: readonly string[]): ReadonlyArray<readonly string[]> {
  return keys.map((key) => keyTokens(key));
}

/** Each concept's spellings with a test for one of them in a term (at word edges, any case). */
const CONCEPTS = CONCEPT_SPELLINGS.map((spellings) => ({
  spellings,
  in: new RegExp(String.raw`(?<![\w&])(?:${spellings.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- _]?')).join('|')})(?![\w&])`, 'i'),
}));

/** A term backed by another name of its concept that the record holds ("command and control" by "C&C"). */
function otherSpelling(facts: TableFacts, term: string): { rows: FactRow[]; reason: string } | undefined {
  for (const concept of CONCEPTS) {
    if (!concept.in.test(term)) continue;
    for (const spelling of concept.spellings) {
      const row = stringRowContaining(facts, spelling);
      if (row) return { rows: [row], reason: `The record holds "${spelling}" in ${row.key}, a name of ${concept.spellings[0]}.` };
    }
  }
  return undefined;
}
