/** eval stage: suites of prompt versions over the same tables, judged claim by claim. Only what other stages use. */
export { runEval, type EvalOptions } from './run-eval.ts';
export { loadSuite } from './load-suite.ts';
export { SuiteSchema, type Suite, type SuiteThresholds } from './suite-schema.ts';
export { computeMetrics } from './metrics.ts';
export { comparePrompts, normaliseClaim } from './compare-prompts.ts';
export { evaluateThresholds } from './thresholds.ts';
export { evalToMarkdown } from './write-markdown.ts';
export { evalToHtml } from './write-html.ts';
export { parseJudgeAnswer } from './judge-claims.ts';
export type { EvalResult, EvalReport, PromptMetrics, FlowDiff, ClaimRef, ThresholdCheck, JudgeOpinion } from './types.ts';
