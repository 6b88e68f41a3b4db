/**
 * Split a field key into lower-case words: camelCase (`sourceIPv4Address` → source, ipv4, address),
 * snake_case, dots, dashes, slashes and spaces. Array indices (`host.ip[2]`) are dropped.
 *
 * @example tokenizeKey('flow.bytes_toserver') // ['flow', 'bytes', 'toserver']
 */
export function tokenizeKey(key: string): string[] {
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
