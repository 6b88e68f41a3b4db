import { tokenizeKey } from '../deps.ts';
import { sharedMemo } from './shared-memo.ts';

/** A row key's words, split once across tables: every table's facts read the same keys again. */
export const keyTokens = sharedMemo(tokenizeKey);

/** A word as a key spells it: lower case and singular ("names" → name, "addresses" → address, "entries" → entry). */
export const singular = (word: string): string =>
  word.toLowerCase().replace(/(?<=[a-z]{2})ies$/, 'y').replace(/(?<=(?:ss|x|ch|sh))es$/, '').replace(/(?<=[a-z]{2}[^s])s$/, '');

/** Whether every word is among a key's tokens (a plain loop: an `every` callback per row costs a closure each). */
export function holdsAll(tokens: readonly string[], words: readonly string[]): boolean {
  for (const w of words) if (!tokens.includes(w)) return false;
  return true;
}
