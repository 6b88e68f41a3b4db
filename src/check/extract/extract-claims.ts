import type { Claim } from '../claim.ts';
import { splitSentences } from '../text/segment.ts';
import { groupMentions, type ExtractContext } from './context.ts';
import { extractFlags } from './flags.ts';
import { extractIdentity } from './identity.ts';
import { findMentions, MENTION_TRIGGER } from './mentions.ts';
import { extractPercentileBands, extractPhrases } from './phrases.ts';
import { extractFieldMentions, extractQuantities } from './quantities.ts';
import { extractSidePairs } from './side-pairs.ts';
import { extractDns } from './dns.ts';
import { extractIcmp } from './icmp.ts';
import { extractAddressScopes } from './address-scope.ts';
import { extractLateLiterals, extractLiterals } from './literals.ts';
import { extractFlowOutcomes } from './flow-outcome.ts';
import { extractQuotedLabels } from './quoted-labels.ts';
import { extractNamedTools } from './named-tools.ts';
import { extractFieldValues } from './field-values.ts';
import { extractListCounts, extractListSame } from './list-counts.ts';
import { extractRelations } from './relations.ts';
import { extractRanks } from './ranks.ts';
import { extractAuthOutcomes, extractEmailed } from './auth-outcome.ts';
import { findTriggers } from './triggers.ts';

/**
 * Find the claims of a narrative, without looking at any table (extraction is kept apart from
 * judging). Order matters: identity spans (addresses, times, ports) and flag values are reserved
 * first so their digits are not read again as quantities.
 */
export function extractClaims(text: string): Claim[] {
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : undefined;
  const sentences = splitSentences(text, lower);
  const triggers = findTriggers(text);
  const mentions = findMentions(text, lower, triggers.at, triggers.from[MENTION_TRIGGER.id]!, triggers.from[MENTION_TRIGGER.id + 1]!);
  const ctx: ExtractContext = { text, lower, sentences, mentions, bySentence: groupMentions(sentences, mentions), triggers, taken: takenBuffer(text.length), claims: [] };
  extractIdentity(ctx);
  extractFlags(ctx);
  extractDns(ctx);
  extractIcmp(ctx);
  extractAddressScopes(ctx);
  extractLiterals(ctx);
  extractQuotedLabels(ctx);
  extractFlowOutcomes(ctx);
  extractPercentileBands(ctx);
  extractSidePairs(ctx);
  extractRelations(ctx);
  extractRanks(ctx);
  extractAuthOutcomes(ctx);
  extractEmailed(ctx);
  extractQuantities(ctx);
  extractFieldMentions(ctx);
  extractPhrases(ctx);
  extractNamedTools(ctx);
  extractFieldValues(ctx);
  extractLateLiterals(ctx);
  extractListCounts(ctx);
  extractListSame(ctx);
  return byPosition(ctx.claims);
}

/**
 * The claims by start, then end, ties in the order found (as a stable sort would): one numeric
 * sort of packed keys — start, end and index in one float — instead of a comparator callback per
 * comparison.
 */
function byPosition(claims: Claim[]): Claim[] {
  const n = claims.length;
  // offsets and index below 2^16 each pack exactly into 48 bits; longer narratives take the comparator
  if (n >= 65536 || claims.some((c) => c.end >= 65536)) return claims.sort((a, b) => a.start - b.start || a.end - b.end);
  if (sortKeys.length < n) sortKeys = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) sortKeys[i] = (claims[i]!.start * 65536 + claims[i]!.end) * 65536 + i;
  const keys = sortKeys.subarray(0, n).sort();
  const out = new Array<Claim>(n);
  for (let i = 0; i < n; i++) out[i] = claims[keys[i]! % 65536]!;
  return out;
}

/** The sort keys' buffer, reused like `taken`: a typed array per narrative costs an off-heap allocation. */
let sortKeys = new Float64Array(1024);

/**
 * One zeroed buffer of taken offsets, reused from narrative to narrative (extraction is synchronous
 * and never re-entered): a fresh typed array per narrative costs an off-heap allocation each time.
 */
let taken = new Uint8Array(4096);

function takenBuffer(length: number): Uint8Array {
  if (taken.length < length) taken = new Uint8Array(Math.max(length, 2 * taken.length));
  else taken.fill(0, 0, length);
  // offsets past the narrative are never read: no view of the exact length needed
  return taken;
}
