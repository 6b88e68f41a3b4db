import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from './accuracy.ts';
import { CASES_DIR, loadCaseSet } from './load-cases.ts';

/**
 * The held-out set of issue 11 (eval/cases/heldout): written and first measured before the checker
 * was made open-world, and never used to tune it. This test prints recall and the false-flag rate
 * per kind of material; it asserts only that the set loads (its first-run figures are recorded in
 * eval/cases/README.md).
 */
describe('checker accuracy on the held-out set (issue 11)', () => {
  const dir = join(CASES_DIR, 'heldout');
  const { cases, skipped } = loadCaseSet(dir);

  it('loads every held-out case (real-data cases skipped only when the real data is absent)', () => {
    if (skipped.length > 0) console.log(`held-out: ${skipped.length} real-data case(s) skipped — no real-data folder (set FLOWLENS_REAL_DATA, or put it at <repo>/../shared/data/real)`);
    expect(cases.length + skipped.length).toBeGreaterThanOrEqual(14);
    console.log(formatReport('held-out set (eval/cases/heldout)', cases, skipped));
  });
});
