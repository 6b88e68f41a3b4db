import { describeCorpus } from './describe-corpus.ts';

/**
 * A third held-out set (eval/cases/heldout-3), written blind by someone who did not work on the checker:
 * alert summaries from IDS/IPS products the corpus had few or no cases of, NetFlow/IPFIX rows in several
 * shapes, and narratives in several models' styles. It prints its summary rows only (never its misses or
 * false flags) and asserts only that the cases load; its first run is recorded in eval/cases/README.md,
 * and it is not to be used to tune the checker.
 */
describeCorpus('third held-out set', 'heldout-3', 12, { blind: true });
