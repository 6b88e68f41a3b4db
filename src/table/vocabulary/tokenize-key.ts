import { gluedWords, rawWords } from './key-words.ts';

/**
 * Split a field key into lower-case words: camelCase (`sourceIPv4Address` → source, ipv4, address),
 * snake_case, dots, dashes, slashes and spaces, and words glued with no separator that the
 * families' field names are made of (`eventtime` → event, time: key-words.ts). Array indices
 * (`host.ip[2]`) are dropped.
 *
 * @example tokenizeKey('flow.bytes_toserver') // ['flow', 'bytes', 'toserver']
 */
export function tokenizeKey(key: string): string[] {
  return rawWords(key).flatMap(gluedWords);
}
