/**
 * The character classes the checker's regexes use, as tests on one UTF-16 code unit, for the
 * hand-written scans that stand in for a regex on hot paths. Each says exactly what its class
 * matches (without the `u` flag); NaN, as charCodeAt gives past either end of a text, is in none.
 */

/** \d: an ASCII digit. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** \w: [A-Za-z0-9_], what \b counts as a word character. */
export const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** \s: ASCII blanks by value; any other code unit is asked of \s itself (rare in a narrative). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === c && /\s/.test(String.fromCharCode(c));
}
