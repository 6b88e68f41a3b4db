import { isSpaceCode, isWordCode } from '../text/chars.ts';

/**
 * "flow 3943031", "ID: 7", "# 2", "RFC 793", "version 4", "step 3", "TLS 1.2", "HTTP/1.1", "SSH-2.0", "session 2290341",
 * "rule 5712", "policy 12", "event 4625": a number that labels
 * something rather than measuring it. The reference definition is the regex; `labelBefore` is the
 * same test read backwards from the number, without a slice or a regex run per number (a test
 * compares the two on every position of many texts).
 */
export const LABEL_BEFORE_RE = /(?:flow(?: id)?|\bid|#|rfc|version|v|top|step|section|phase|stage|item|tls|ssl|http\/|ssh-|smb|snmp|session|policy|rule|signature|sid|event|incident|ticket|case)[\s:#`*]{0,3}(?:(?:is|was) )?$/i;

/** Characters the regex looks at before the number. */
const WINDOW = 16;
const LABELS = ['flow id', 'flow', 'id', '#', 'rfc', 'version', 'v', 'top', 'step', 'section', 'phase', 'stage', 'item', 'tls', 'ssl', 'http/', 'ssh-', 'smb', 'snmp', 'session', 'policy', 'rule', 'signature', 'sid', 'event', 'incident', 'ticket', 'case'];
const TAILS = ['is ', 'was ', ''];
/** The labels by their last character (lower case): only those can end where that character is. */
const BY_LAST = new Map<number, string[]>();
for (const label of LABELS) {
  const last = label.charCodeAt(label.length - 1);
  BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), label]);
}
const lowerCode = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** [\s:#`*]. */
const isSeparator = (c: number): boolean => c === 58 || c === 35 || c === 96 || c === 42 || isSpaceCode(c);

/** Whether text[from, to) ends with `word`, ASCII case-insensitively. */
function endsWith(text: string, from: number, to: number, word: string): boolean {
  if (to - from < word.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(to - word.length + i);
    const w = word.charCodeAt(i);
    if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
  }
  return true;
}

/** LABEL_BEFORE_RE.test(text.slice(max(0, start − 16), start)), read backwards from `start`. */
export function labelBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - WINDOW);
  for (const tail of TAILS) {
    if (!endsWith(text, from, start, tail)) continue;
    const end = start - tail.length;
    for (let k = 0; k <= 3 && end - k >= from; k++) {
      if (k > 0 && !isSeparator(text.charCodeAt(end - k))) break;
      const labels = end - k > from ? BY_LAST.get(lowerCode(text.charCodeAt(end - k - 1))) : undefined;
      if (labels === undefined) continue;
      for (const label of labels) {
        if (!endsWith(text, from, end - k, label)) continue;
        const at = end - k - label.length;
        // \bid: a word boundary inside the window (its start counts as one)
        if (label === 'id' && at > from && isWordCode(text.charCodeAt(at - 1))) continue;
        return true;
      }
    }
  }
  return false;
}
