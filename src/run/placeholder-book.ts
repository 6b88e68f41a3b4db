/**
 * The two-way book of one run's placeholders (`host-3`, `flow-1`, `l7-proto-2`), and the strings
 * the real data holds that look like one. A placeholder is never a string the data holds, so
 * restoring an answer is unambiguous: a real `host-2` stays `host-2`.
 */
export class PlaceholderBook {
  /** `kind \0 canonical value` → placeholder */
  private readonly forward = new Map<string, string>();
  /** lower-case placeholder → the real value as first written */
  private readonly backward = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /** Lower-case placeholder-shaped strings found in the real data. */
  private readonly reserved = new Set<string>();
  private pattern: RegExp | undefined;

  /** Note every placeholder-shaped string inside `value` (any JSON value, walked whole) as taken. */
  reserve(value: unknown): void {
    if (typeof value === 'string') reserveTokens(value, this.reserved);
    else if (Array.isArray(value)) for (const v of value) this.reserve(v);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) (this.reserve(k), this.reserve(v));
  }

  placeholder(kind: string, canonical: string, literal: string): string {
    const key = `${kind}\u0000${canonical}`;
    const known = this.forward.get(key);
    if (known !== undefined) return known;
    const slug = kind.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'value';
    let n = this.counters.get(slug) ?? 0;
    let placeholder: string;
    do placeholder = `${slug}-${++n}`;
    while (this.reserved.has(placeholder) || this.backward.has(placeholder));
    this.counters.set(slug, n);
    this.forward.set(key, placeholder);
    this.backward.set(placeholder, literal);
    this.pattern = undefined;
    return placeholder;
  }

  restore(text: string): string {
    if (this.backward.size === 0) return text;
    // Longest first, so host-12 is not read as host-1; a '-' may join placeholders (host-1-host-2).
    this.pattern ??= new RegExp(
      `(?<![A-Za-z0-9_])(${[...this.backward.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`,
      'gi',
    );
    return text.replace(this.pattern, (p) => this.backward.get(p.toLowerCase()) ?? p);
  }

  mapping(): Record<string, string> {
    return Object.fromEntries(this.backward);
  }
}

/**
 * Every string `restore` would read as a placeholder inside `text`: a run of '-'-joined parts,
 * ending in a number, bounded by anything but a letter, digit or '_' (the restore pattern's
 * boundaries), e.g. `ec2-host-2-x` holds `host-2` and `ec2-host-2`.
 */
function reserveTokens(text: string, into: Set<string>): void {
  for (const token of text.toLowerCase().split(/[^a-z0-9_-]+/)) {
    if (!token.includes('-')) continue;
    const parts = token.split('-');
    for (let j = 1; j < parts.length; j++) {
      if (!/^\d+$/.test(parts[j]!)) continue;
      for (let i = 0; i < j; i++) into.add(parts.slice(i, j + 1).join('-'));
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
