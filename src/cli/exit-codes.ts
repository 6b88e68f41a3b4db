/**
 * Exit codes, documented in README.md. One place so every command means the same thing.
 */
export const EXIT = {
  /** Everything ran and nothing was found wrong. */
  OK: 0,
  /** Ran, but found problems: claims contradicted or unsupported, an eval threshold failed. */
  FINDINGS: 1,
  /** Bad usage or bad input: unknown flag, unreadable file, missing column, too many bad rows. */
  INPUT: 2,
  /** Some LLM calls failed; they are recorded and `--retry-failed` reruns them. */
  PARTIAL: 3,
  /** A bug in flowlens: please report it with the message. */
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
