import type { Claim } from '../claim.ts';
import { splitSentences } from '../text/segment.ts';
import { groupMentions, type ExtractContext } from './context.ts';
import { extractFlags } from './flags.ts';
import { extractIdentity } from './identity.ts';
import { findMentions } from './mentions.ts';
import { extractPercentileBands, extractPhrases } from './phrases.ts';
import { extractFieldMentions, extractQuantities } from './quantities.ts';

/**
 * Find the claims of a narrative, without looking at any table (extraction is kept apart from
 * judging). Order matters: identity spans (addresses, times, ports) and flag values are reserved
 * first so their digits are not read again as quantities.
 */
export function extractClaims(text: string): Claim[] {
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : undefined;
  const sentences = splitSentences(text, lower);
  const mentions = findMentions(text, lower);
  const ctx: ExtractContext = { text, lower, sentences, mentions, bySentence: groupMentions(sentences, mentions), taken: takenBuffer(text.length), claims: [] };
  extractIdentity(ctx);
  extractFlags(ctx);
  extractPercentileBands(ctx);
  extractQuantities(ctx);
  extractFieldMentions(ctx);
  extractPhrases(ctx);
  return ctx.claims.sort(byPosition);
}

const byPosition = (a: Claim, b: Claim): number => a.start - b.start || a.end - b.end;

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
