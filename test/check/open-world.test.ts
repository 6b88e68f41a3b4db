import { describeCorpus } from './describe-corpus.ts';

/**
 * The development corpus for open-world grounding (issue 11, eval/cases/open-world): the real
 * llm-nids-amatas and soc-llm-triage-suricata texts labelled in full, and authored reports for each
 * field family in several table shapes. Its first-run figures are in eval/cases/README.md.
 */
describeCorpus('open-world development corpus (issue 11)', 'open-world', 72);
