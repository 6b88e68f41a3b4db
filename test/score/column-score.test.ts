import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { readColumnScore, rescaleContributions } from '../../src/score/column-score.ts';
import { createRobustZ } from '../../src/score/robust-z.ts';
import { makeFlow } from '../factories/flow.ts';
import { fitOn, makeNormalRows, makeValues } from './support.ts';

describe('--score-column', () => {
  it('reads a number or a numeric string', () => {
    expect(readColumnScore(makeFlow({ fields: { score_Autoencoder: 0.93 } }), 'score_Autoencoder', 'f.csv')).toBe(0.93);
    expect(readColumnScore(makeFlow({ fields: { score_Autoencoder: ' 1.5e-3' } }), 'score_Autoencoder', 'f.csv')).toBe(0.0015);
  });

  it('names file, line and column when the column is missing', () => {
    const error = (() => {
      try {
        readColumnScore(makeFlow({ line: 12, fields: {} }), 'score_X', 'flows.csv');
      } catch (e) {
        return e as InputError;
      }
    })()!;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('--score-column `score_X` is not a column of this input (row for flow 1) at flows.csv:12');
    expect(error).toMatchObject({ file: 'flows.csv', line: 12, field: 'score_X' });
  });

  it.each([['high'], [''], [null]])('rejects the non-number %j with file:line', (value) => {
    expect(() => readColumnScore(makeFlow({ line: 5, fields: { s: value } }), 's', 'flows.csv')).toThrow(
      /Expected `s` to be a finite number \(the --score-column\).* at flows\.csv:5$/,
    );
  });

  it('shares the upstream score out over the robust-z contributions, signs kept', () => {
    const reference = createRobustZ(fitOn(makeNormalRows(500))).score(makeValues({ IN_BYTES: 9_000_000, IN_PKTS: 1 }));
    const r = rescaleContributions(0.93, reference);
    expect(r.score).toBe(0.93);
    const sum = Object.values(r.contributions).reduce((s: number, c) => s + Math.abs(c ?? 0), 0);
    expect(sum).toBeCloseTo(0.93, 9);
    expect(r.contributions.IN_BYTES).toBeGreaterThan(0);
    expect(r.contributions.IN_PKTS).toBeLessThan(0);
    expect(r.contributions.inter_arrival_ms).toBeNull();
  });
});
