import { createRequire } from 'node:module';

/**
 * The top-level domains IANA delegates (the `tlds` package tracks the IANA root zone list), so a
 * host name is told from other dotted words by what it ends in: "evil-update.biz" and
 * "cv.mathming.ltd" are hosts, "flow.alerted" and "v1.2" are not.
 */
/** Special-use names that are no delegated TLD but name hosts all the same: RFC 2606 / 6761 (example, test, invalid, localhost), RFC 6762 (local), RFC 7686 (onion), ICANN's private-use "internal", and "arpa". */
const SPECIAL_USE = ['example', 'test', 'invalid', 'localhost', 'local', 'onion', 'internal', 'arpa'];
const TLDS: ReadonlySet<string> = new Set([...(createRequire(import.meta.url)('tlds') as string[]).filter((t) => /^[a-z]+$/.test(t)), ...SPECIAL_USE]);

/** Whether dotted labels name a host: none is empty and the last is a top-level domain. */
export function isHostname(text: string): boolean {
  const labels = text.toLowerCase().split('.');
  if (labels.length < 2 || !TLDS.has(labels[labels.length - 1]!)) return false;
  return labels.slice(0, -1).every((l) => l.length > 0);
}
