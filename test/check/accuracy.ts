import { checkNarrative } from '../../src/check/index.ts';
import type { LabelledCase } from './load-cases.ts';

export interface SpanOutcome {
  case: string;
  span: string;
  hit: boolean;
  claims: string[];
}

export interface Accuracy {
  mustFlag: number;
  caught: number;
  mustNotFlag: number;
  falseFlags: number;
  recall: number;
  falseFlagRate: number;
  missed: SpanOutcome[];
  wronglyFlagged: SpanOutcome[];
}

/**
 * A must-flag span is caught when a contradicted or unsupported claim overlaps it (its first
 * occurrence); a must-not-flag span is falsely flagged when one does.
 */
export function measure(cases: readonly LabelledCase[]): Accuracy {
  let caught = 0;
  let falseFlags = 0;
  let mustFlag = 0;
  let mustNotFlag = 0;
  const missed: SpanOutcome[] = [];
  const wronglyFlagged: SpanOutcome[] = [];
  for (const c of cases) {
    const flagged = checkNarrative(c.narrative, c.table).claims.filter((x) => x.verdict === 'contradicted' || x.verdict === 'unsupported');
    const over = (span: string): string[] => {
      const start = c.narrative.indexOf(span);
      const end = start + span.length;
      return flagged.filter((x) => x.start < end && x.end > start).map((x) => `${x.verdict} ${x.kind} "${x.text}": ${x.reason}`);
    };
    for (const span of c.mustFlag) {
      mustFlag++;
      const hits = over(span);
      if (hits.length > 0) caught++;
      else missed.push({ case: c.id, span, hit: false, claims: [] });
    }
    for (const span of c.mustNotFlag) {
      mustNotFlag++;
      const hits = over(span);
      if (hits.length > 0) {
        falseFlags++;
        wronglyFlagged.push({ case: c.id, span, hit: true, claims: hits });
      }
    }
  }
  return { mustFlag, caught, mustNotFlag, falseFlags, recall: mustFlag === 0 ? 1 : caught / mustFlag, falseFlagRate: mustNotFlag === 0 ? 0 : falseFlags / mustNotFlag, missed, wronglyFlagged };
}
