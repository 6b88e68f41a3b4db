import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from './accuracy.ts';
import { CASES_DIR, loadCaseSet } from './load-cases.ts';

/**
 * The development corpus for open-world grounding (issue 11, eval/cases/open-world): the real
 * llm-nids-amatas and soc-llm-triage-suricata texts labelled in full, and authored reports for
 * each field family in several table shapes. Prints recall and the false-flag rate per material;
 * asserts only that the corpus loads — the accuracy gates come with the checker fixes.
 */
describe('checker accuracy on the open-world development corpus (issue 11)', () => {
  const dir = join(CASES_DIR, 'open-world');
  const { cases, skipped } = loadCaseSet(dir);

  it('loads every open-world case (real-data cases skipped only when the real data is absent)', () => {
    if (skipped.length > 0) console.log(`open-world: ${skipped.length} real-data case(s) skipped — no real-data folder (set FLOWLENS_REAL_DATA, or put it at <repo>/../shared/data/real)`);
    expect(cases.length + skipped.length).toBeGreaterThanOrEqual(40);
    console.log(formatReport('open-world development corpus (eval/cases/open-world)', cases, skipped));
  });
});
