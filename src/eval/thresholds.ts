import type { SuiteThresholds } from './suite-schema.ts';
import type { PromptMetrics, ThresholdCheck } from './types.ts';

export interface ThresholdContext {
  thresholds: SuiteThresholds;
  baseline: string;
  /** Prompts held to the absolute thresholds. */
  gated: readonly string[];
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/**
 * Apply a suite's thresholds: the absolute ones to every gated prompt, the regression one to every
 * prompt other than the baseline. A prompt with failed calls fails the gate too (nothing unchecked passes).
 */
export function evaluateThresholds(metrics: readonly PromptMetrics[], ctx: ThresholdContext): ThresholdCheck[] {
  const { thresholds: t } = ctx;
  const base = metrics.find((m) => m.prompt === ctx.baseline);
  const checks: ThresholdCheck[] = [];
  for (const m of metrics) {
    const gated = ctx.gated.includes(m.prompt);
    if (gated && t.min_supported_share !== undefined) {
      const passed = m.supported_share >= t.min_supported_share && m.failed === 0;
      checks.push({
        name: 'min_supported_share', prompt: m.prompt, limit: t.min_supported_share, actual: m.supported_share, passed,
        message: `${m.prompt}: supported share ${pct(m.supported_share)} ${passed ? '≥' : '<'} ${pct(t.min_supported_share)}${m.failed ? ` (${m.failed} reports failed)` : ''}`,
      });
    }
    if (gated && t.max_unsupported_per_report !== undefined) {
      const passed = m.max_unsupported_in_report <= t.max_unsupported_per_report && m.failed === 0;
      checks.push({
        name: 'max_unsupported_per_report', prompt: m.prompt, limit: t.max_unsupported_per_report, actual: m.max_unsupported_in_report, passed,
        message: `${m.prompt}: at most ${m.max_unsupported_in_report} unsupported claims in one report (limit ${t.max_unsupported_per_report})`,
      });
    }
    if (base && m.prompt !== ctx.baseline && t.max_regression !== undefined) {
      const delta = Number((m.hallucinated_per_100_reports - base.hallucinated_per_100_reports).toFixed(2));
      // A comparison with unchecked reports on either side proves nothing, so it cannot pass.
      const failed = m.failed + base.failed;
      const passed = delta <= t.max_regression && failed === 0;
      checks.push({
        name: 'max_regression', prompt: m.prompt, limit: t.max_regression, actual: delta, passed,
        message: `${m.prompt}: ${delta >= 0 ? '+' : ''}${delta} hallucinated claims per 100 reports vs ${ctx.baseline} (limit +${t.max_regression})${failed ? ` (${failed} reports failed)` : ''}`,
      });
    }
  }
  return checks;
}
