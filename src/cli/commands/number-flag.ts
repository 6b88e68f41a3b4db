import { InvalidArgumentError } from 'commander';

/**
 * A flag's value that must be a finite number (`label` says what was expected). Its own module, not
 * scoring-options.ts: `features` takes a whole-number flag too, and importing it from there loaded the
 * score and table stages (and their field vocabulary) into every `features` run (issue 14, fifth round).
 */
export const numberFlag = (label: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`Expected ${label}, got \`${value}\`.`);
  return n;
};

/** A flag's value that must be a whole number ≥ 1. */
export const wholeNumberFlag = (value: string): number => {
  const n = numberFlag('a whole number ≥ 1')(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Expected a whole number ≥ 1, got \`${value}\`.`);
  return n;
};
