import { describeCorpus } from './describe-corpus.ts';

/**
 * The held-out set of issue 11 (eval/cases/heldout): written and first measured before the checker
 * was made open-world, and never used to tune it. Its first-run figures are in eval/cases/README.md.
 */
describeCorpus('held-out set (issue 11)', 'heldout', 23);
