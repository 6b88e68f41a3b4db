import type { CheckResult, CheckSummary, CheckedClaim, Verdict } from './deps.ts';

/** One checked report: a flow, a prompt version, a sample. */
export interface EvalReport {
  flow_id: string;
  sample: number;
  /** The prompt reference this report was written with (as named in the suite). */
  prompt: string;
  status: 'done' | 'failed';
  text: string;
  /** Why the call failed (error class and message, secrets scrubbed). */
  error?: { class: string; message: string };
  check?: CheckResult;
  /** `--judge`: a second opinion per claim index, for claims the checker marked unsupported. */
  judge?: Record<number, JudgeOpinion>;
}

/** The LLM judge's view of one claim, shown beside (never instead of) the checker's verdict. */
export interface JudgeOpinion {
  verdict: Verdict | 'unparsed';
  reason: string;
}

/** Aggregate figures of one prompt version over every report of the suite: the checker's claim counts, summed. */
export interface PromptMetrics extends Omit<CheckSummary, 'grounded'> {
  prompt: string;
  reports: number;
  /** Reports whose provider call failed (not checked, not in the claim counts). */
  failed: number;
  /** The headline: hallucinated claims per 100 checked reports. */
  hallucinated_per_100_reports: number;
  /** The most unsupported claims in any one report. */
  max_unsupported_in_report: number;
  /** Reports with no contradicted or unsupported claim. */
  grounded_reports: number;
  /** `--judge`: how the judge saw the checker's unsupported claims. */
  judge?: Record<JudgeOpinion['verdict'], number>;
}

/** A claim identified across prompt versions by its normalised text and kind. */
export interface ClaimRef {
  text: string;
  kind: string;
  verdict: Verdict;
}

/** How one flow fared under a candidate prompt versus the baseline prompt. */
export interface FlowDiff {
  flow_id: string;
  baseline: string;
  candidate: string;
  /** Hallucinated claims per report (mean over samples) under each prompt, and candidate − baseline. */
  hallucinated: { baseline: number; candidate: number; delta: number };
  supported_share: { baseline: number; candidate: number; delta: number };
  /** Claims the candidate's reports make that the baseline's do not (normalised text + kind). */
  appeared: ClaimRef[];
  /** Claims the baseline's reports make that the candidate's do not. */
  disappeared: ClaimRef[];
}

export interface ThresholdCheck {
  name: 'min_supported_share' | 'max_unsupported_per_report' | 'max_regression';
  prompt: string;
  limit: number;
  actual: number;
  passed: boolean;
  message: string;
}

/** Everything an eval run produced; written as result.json. */
export interface EvalResult {
  suite: { name: string; file: string; description?: string };
  at: string;
  provider: { name: string; model: string };
  prompts: string[];
  baseline: string;
  repeats: number;
  flows: string[];
  metrics: PromptMetrics[];
  diffs: FlowDiff[];
  thresholds: ThresholdCheck[];
  passed: boolean;
  reports: EvalReport[];
  judged: boolean;
  /** With --judge: the judge calls made and how many got no answer (their claims are `unparsed`). */
  judge_calls?: { calls: number; failed: number; firstFailure?: string };
  /** Where the outputs were written. */
  files: { markdown: string; json: string; html: string };
}

export type { CheckedClaim, CheckResult, Verdict };
