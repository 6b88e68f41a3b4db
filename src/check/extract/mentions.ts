import type { Mention } from '../claim.ts';
import { isExactName, PHRASE_RE, PHRASES, phraseKey } from '../lexicon/field-names.ts';

/** Every row name or natural form in the text, in order. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(text); m; m = PHRASE_RE.exec(text)) {
    const key = phraseKey(m[0]);
    const keys = PHRASES.get(key);
    if (keys) out.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], keys, exact: isExactName(key) });
  }
  return out;
}
