import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { resolveScoring, resolveSelection } from '../../src/table/select-options.ts';

describe('selection flags', () => {
  it('defaults to the top 10', () => {
    expect(resolveSelection({})).toEqual({ kind: 'top', top: 10 });
  });

  it.each([0, -1, 2.5])('rejects --top %d with a clear message', (top) => {
    expect(() => resolveSelection({ top })).toThrow(ConfigError);
    expect(() => resolveSelection({ top })).toThrow(`Expected \`--top\` to be a whole number ≥ 1, got \`${top}\``);
  });

  it('rejects two selections at once', () => {
    expect(() => resolveSelection({ top: 3, threshold: 0.6 })).toThrow('Give only one of --top, --threshold and --ids');
  });

  it('takes a threshold or a list of ids', () => {
    expect(resolveSelection({ threshold: 0.6 })).toEqual({ kind: 'threshold', threshold: 0.6 });
    expect(resolveSelection({ ids: [' 7', '9 ', ''] })).toEqual({ kind: 'ids', ids: ['7', '9'] });
    expect(() => resolveSelection({ ids: [''] })).toThrow('Expected `--ids` to list at least one flow id');
  });

  it('rejects an unknown scorer and a non-positive window', () => {
    expect(() => resolveScoring({ scorer: 'lof' as never })).toThrow('Expected `--scorer` to be one of robust-z, isolation-forest, got `lof`');
    expect(() => resolveScoring({ windowMs: 0 })).toThrow(ConfigError);
    expect(resolveScoring({})).toEqual({ scorer: 'isolation-forest', windowMs: 60_000 });
  });
});
