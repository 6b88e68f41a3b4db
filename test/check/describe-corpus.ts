import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, measure } from './accuracy.ts';
import { CASES_DIR, loadCaseSet } from './load-cases.ts';

/**
 * A test that loads one corpus folder under eval/cases and prints its figures (totals, a table per
 * material, every miss and false flag). It asserts only that the folder loads with at least
 * `minimum` reports. With `floor`, the figures must not fall below it (a regression gate, checked
 * when every case could load, real-data ones included).
 */
export function describeCorpus(title: string, folder: string, minimum: number, floor?: { recall: number; falseFlagRate: number }): void {
  describe(`checker accuracy on the ${title} (eval/cases/${folder})`, () => {
    const { cases, skipped } = loadCaseSet(join(CASES_DIR, folder));

    it('loads every case (real-data cases skipped only when the real data is absent)', () => {
      if (skipped.length > 0) console.log(`${folder}: ${skipped.length} real-data case(s) skipped — no real-data folder (set FLOWLENS_REAL_DATA, or put it at <repo>/../shared/data/real)`);
      expect(cases.length + skipped.length).toBeGreaterThanOrEqual(minimum);
      console.log(formatReport(`${title} (eval/cases/${folder})`, cases, skipped));
    });

    it.runIf(floor !== undefined && skipped.length === 0)('holds its accuracy floor', () => {
      const result = measure(cases);
      expect(result.recall).toBeGreaterThanOrEqual(floor!.recall);
      expect(result.falseFlagRate).toBeLessThanOrEqual(floor!.falseFlagRate);
    });
  });
}
