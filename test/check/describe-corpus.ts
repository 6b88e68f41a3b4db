import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, measure } from './accuracy.ts';
import { CASES_DIR, loadCaseSet } from './load-cases.ts';

export interface CorpusOptions {
  /** The figures must not fall below it (a regression gate, checked when every case could load, real-data ones included). */
  floor?: { recall: number; falseFlagRate: number };
  /** A blind held-out set: print the summary rows only, never its misses and false flags. */
  blind?: boolean;
}

/**
 * A test that loads one corpus folder under eval/cases and prints its figures (totals, a table per
 * material and, unless the set is blind, every miss and false flag). It asserts only that the folder
 * loads with at least `minimum` reports, and that it holds its floor when it has one.
 */
export function describeCorpus(title: string, folder: string, minimum: number, { floor, blind = false }: CorpusOptions = {}): void {
  describe(`checker accuracy on the ${title} (eval/cases/${folder})`, () => {
    const { cases, skipped } = loadCaseSet(join(CASES_DIR, folder));

    it('loads every case (real-data cases skipped only when the real data is absent)', () => {
      if (skipped.length > 0) console.log(`${folder}: ${skipped.length} real-data case(s) skipped — no real-data folder (set FLOWLENS_REAL_DATA, or put it at <repo>/../shared/data/real)`);
      expect(cases.length + skipped.length).toBeGreaterThanOrEqual(minimum);
      console.log(formatReport(`${title} (eval/cases/${folder})`, cases, skipped, blind));
    });

    it.runIf(floor !== undefined && skipped.length === 0)('holds its accuracy floor', () => {
      const result = measure(cases);
      expect(result.recall).toBeGreaterThanOrEqual(floor!.recall);
      expect(result.falseFlagRate).toBeLessThanOrEqual(floor!.falseFlagRate);
    });
  });
}
