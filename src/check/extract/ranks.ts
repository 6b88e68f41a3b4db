import type { NumberText } from '../claim.ts';
import { isNegated } from '../text/segment.ts';
import { addClaim, gatedSentences, isTaken, scanSentences, wordGate, type ExtractContext } from './context.ts';

/*
 * A flow's place in the run's ranking, said with an ordinal rather than a figure: "ranked third",
 * "the 2nd-highest score", "the top-ranked flow", "the highest score of the run". Each is a rank
 * quoted as a statistic (a quantity qualified 'rank'), judged against the table's score.rank.
 */

const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const ORDINAL = String.raw`(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|(?:no\.?|number|#)\s*\d+)`;
/** "ranked third", "was ranked No. 2", "ranks 5th", "placed second in the ranking". */
const RANKED = new RegExp(String.raw`\b(?:ranked|ranks|ranking|placed)\s+(?:as\s+|at\s+)?${ORDINAL}\b`, 'gi');
/** "the third-highest score", "the 2nd most anomalous flow", "the second-ranked flow". */
const NTH_HIGHEST = new RegExp(String.raw`\bthe\s+${ORDINAL}[\s-]+(?:highest|most\s+anomalous|ranked|top)\b`, 'gi');
/** "the top-ranked flow", "the highest-scoring flow", "the highest score of the run", "the most anomalous flow in the batch". */
const TOP = /\bthe\s+(?:(?:top|highest)[\s-]+(?:ranked|scoring|scored)\b|highest(?:\s+anomaly)?\s+score\s+(?:of|in|among)\s+(?:the|this|all)\b|highest\s+(?:of|in)\s+(?:the|this)\s+(?:run|batch|set|window)\b|most\s+anomalous\s+flow\s+(?:of|in)\s+(?:the|this)\b)/gi;

const GATE = wordGate(/\b(?:rank\w*|placed|highest|top|most anomalous)\b/);

function rankOf(word: string): number {
  return ORDINALS[word.toLowerCase()] ?? Number(/\d+/.exec(word)![0]);
}

function rankNumber(rank: number): NumberText {
  return { value: rank, halfStep: 0, readings: [] };
}

export function extractRanks(ctx: ExtractContext): void {
  const gated = gatedSentences(ctx, GATE);
  if (gated.length === 0) return;
  const add = (at: number, length: number, s: Parameters<typeof isNegated>[0], rank: number): void => {
    if (isTaken(ctx, at, at + length) || isNegated(s, at)) return;
    addClaim(ctx, 'quantity', at, at + length, { number: rankNumber(rank), qualifier: 'rank', context: [] }, true);
  };
  scanSentences(gated, RANKED, (m, at, s) => add(at, m[0].length, s, rankOf(m[1]!)));
  scanSentences(gated, NTH_HIGHEST, (m, at, s) => add(at, m[0].length, s, rankOf(m[1]!)));
  scanSentences(gated, TOP, (m, at, s) => add(at, m[0].length, s, 1));
}
