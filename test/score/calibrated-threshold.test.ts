import { describe, expect, it } from 'vitest';
import { calibratedThreshold } from '../../src/score/calibrated-threshold.ts';
import { createIsolationForest } from '../../src/score/isolation-forest.ts';
import { createRobustZ } from '../../src/score/robust-z.ts';
import { fitOn, makeNormalRows, makeValues } from './support.ts';

describe('default thresholds', () => {
  it('is the score only 1 % of the sample reaches', () => {
    const scores = Array.from({ length: 1000 }, (_, i) => i / 10);
    expect(calibratedThreshold(scores, 7)).toBe(99);
  });

  it('falls back when there is nothing to calibrate on or every score is 0', () => {
    expect(calibratedThreshold([], 7)).toBe(7);
    expect(calibratedThreshold([0, 0, 0], 7)).toBe(7);
  });

  it.each([
    ['robust-z', createRobustZ],
    ['isolation-forest', (b: Parameters<typeof createRobustZ>[0]) => createIsolationForest(b, { trees: 60 })],
  ] as const)('%s flags about 1 % of its own baseline', (_name, create) => {
    const rows = makeNormalRows(3000);
    const scorer = create(fitOn(rows));
    const flagged = rows.filter((r) => scorer.score(r).score > scorer.threshold!).length;
    expect(flagged).toBeGreaterThan(5);
    expect(flagged).toBeLessThan(60);
  });

  it('keeps the fallback for a constant input', () => {
    const constant = fitOn(Array.from({ length: 30 }, () => makeValues()));
    expect(createRobustZ(constant).threshold).toBe(3);
  });
});
