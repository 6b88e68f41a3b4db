import { InvalidArgumentError } from 'commander';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Parse a duration flag — `60s`, `5m`, `1500ms`, `1h`, or a bare number of seconds — into milliseconds (> 0). */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!m) throw new InvalidArgumentError(`Expected a duration like 60s, 5m or 1500ms, got \`${text}\`.`);
  const ms = Number(m[1]) * UNIT_MS[(m[2] ?? 's') as keyof typeof UNIT_MS];
  if (ms <= 0) throw new InvalidArgumentError(`Expected a positive duration, got \`${text}\`.`);
  return ms;
}

/**
 * `--reorder-window`: a duration, or `all` to sort the whole input in memory (Infinity; ingest holds up to
 * 200,000 flows that way, see src/ingest/README.md).
 */
export function parseReorderWindow(text: string): number {
  return text.trim().toLowerCase() === 'all' ? Number.POSITIVE_INFINITY : parseDuration(text);
}

/** `--reorder-hold`: a whole number of flows, 0 or more. */
export function parseFlowCount(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`Expected a whole number of flows (0 or more), got \`${text}\`.`);
  return n;
}
