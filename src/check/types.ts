import { z } from 'zod';

/** The checker's verdicts (DESIGN.md "Checker verdicts"). */
export const Verdict = z.enum(['supported', 'contradicted', 'unsupported', 'speculative']);
export type Verdict = z.infer<typeof Verdict>;

/** What the checker used to reach a verdict: the table row(s), and the derivation where there is one. */
export interface Evidence {
  /** Table row names used (feature, field, or flow identity member such as `src_addr`). */
  rows: string[];
  /** The values of those rows, as in the table. */
  values: Array<number | string | null>;
  /** How the claimed value was derived from the rows, e.g. "IN_BYTES × 8 / (duration_ms / 1000) = 578,307 bit/s". */
  derivation?: string;
}

export interface CheckedClaim {
  /** The claim's text, exactly `narrative.slice(start, end)`. */
  text: string;
  /** Character offsets into the narrative as read. */
  start: number;
  end: number;
  /** Which checker judged it (number, address, port, protocol, flags, field, entity, comparative, …). */
  kind: string;
  verdict: Verdict;
  /** Present on every supported or contradicted verdict. */
  evidence?: Evidence;
  /** One sentence for a human: why this verdict. */
  reason: string;
}

export interface CheckSummary {
  claims: number;
  supported: number;
  contradicted: number;
  unsupported: number;
  speculative: number;
  /** contradicted + unsupported */
  hallucinated: number;
  /** supported / (claims − speculative); 1 when there are none. */
  supported_share: number;
  /** true when nothing is contradicted or unsupported. */
  grounded: boolean;
}

export interface CheckResult {
  claims: CheckedClaim[];
  summary: CheckSummary;
}

/**
 * The kinds of claim the extractor finds. `registry.ts` maps each to its checker through a
 * `Record<ClaimKind, …>`, so adding a kind without a checker fails tsc (STYLE.md §4).
 */
export const ClaimKind = z.enum([
  'quantity',
  'address',
  'port',
  'service',
  'protocol',
  'address-family',
  'timestamp',
  'tcp-flags',
  'comparative',
  'value-range',
  'absent-field',
  'entity',
  'share',
  'null-reading',
  'initiation',
  'relation',
  'dns',
  'icmp',
  'address-scope',
  'literal',
  'field-value',
  'list-count',
  'end-reason',
  'alerted',
  'packet-direction',
  'reset-by',
  'list-same',
]);
export type ClaimKind = z.infer<typeof ClaimKind>;
