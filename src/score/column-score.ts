import { InputError } from '../errors.ts';
import type { Flow } from '../ingest/index.ts';
import type { Contributions, ScoreResult } from './types.ts';

/**
 * Read an upstream detector's score (e.g. the seed's `score_Autoencoder`) from a flow's own fields.
 * Throws InputError naming file, line and column when the column is absent or not a finite number.
 */
export function readColumnScore(flow: Flow, column: string, file: string): number {
  if (!(column in flow.fields)) {
    throw new InputError(
      { file, line: flow.line, field: column, expected: 'a score column present in every row' },
      `--score-column \`${column}\` is not a column of this input (row for flow ${flow.id})`,
    );
  }
  const raw = flow.fields[column];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new InputError({ file, line: flow.line, field: column, value: raw, expected: 'a finite number (the --score-column)' });
  }
  return value;
}

/**
 * Keep the upstream score but stay explainable: the robust-z contributions are rescaled so their
 * absolute values add up to the upstream score (each feature keeps its share and its sign).
 */
export function rescaleContributions(score: number, reference: ScoreResult): ScoreResult {
  const entries = Object.entries(reference.contributions) as [keyof Contributions, number | null][];
  const total = entries.reduce((s, [, c]) => s + (c === null ? 0 : Math.abs(c)), 0);
  const contributions = Object.fromEntries(
    entries.map(([n, c]) => [n, c === null ? null : total > 0 ? (Math.abs(score) * c) / total : 0]),
  ) as Contributions;
  return { score, contributions };
}
