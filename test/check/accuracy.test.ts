import { describe, expect, it } from 'vitest';
import { measure } from './accuracy.ts';
import { loadCases } from './load-cases.ts';

/**
 * Measured accuracy on the labelled corpus (eval/cases, format in its README): recall on spans
 * that must be flagged (contradicted or unsupported) and the false-flag rate on spans that must
 * not be. Issue 3 sets the bar: recall ≥ 0.90, false-flag rate ≤ 0.05.
 */
describe('checker accuracy on eval/cases', () => {
  const cases = loadCases();
  const result = measure(cases);

  it('has at least 40 labelled reports of each required style', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.style))).toEqual(new Set(['seed', 'offline', 'llm', 'real-llm']));
  });

  it('reaches recall ≥ 0.90 and a false-flag rate ≤ 0.05', () => {
    const lines = [
      `cases ${cases.length}; must-flag spans ${result.mustFlag}, caught ${result.caught}: recall ${result.recall.toFixed(3)}`,
      `must-not-flag spans ${result.mustNotFlag}, falsely flagged ${result.falseFlags}: false-flag rate ${result.falseFlagRate.toFixed(3)}`,
      ...result.missed.map((m) => `  missed   [${m.case}] ${JSON.stringify(m.span)}`),
      ...result.wronglyFlagged.map((m) => `  flagged  [${m.case}] ${JSON.stringify(m.span)} ← ${m.claims.join(' | ')}`),
    ];
    console.log(lines.join('\n'));
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.falseFlagRate).toBeLessThanOrEqual(0.05);
  });
});
