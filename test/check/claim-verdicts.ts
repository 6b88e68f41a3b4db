import { checkNarrative, type CheckedClaim } from '../../src/check/index.ts';
import type { readTable } from '../../src/table/index.ts';

type Table = ReturnType<typeof readTable>;

/** The claims of a text against a table that `keep` keeps, each as "text: verdict" (the tests' one view of a check). */
export function claimVerdicts(text: string, table: Table, keep: (c: CheckedClaim) => boolean = () => true): string[] {
  return checkNarrative(text, table)
    .claims.filter(keep)
    .map((c) => `${c.text}: ${c.verdict}`);
}

/** Keep the claims of these kinds. */
export const ofKind = (...kinds: readonly string[]) => (c: CheckedClaim): boolean => kinds.includes(c.kind);

/** Keep the claims not supported. */
export const notSupported = (c: CheckedClaim): boolean => c.verdict !== 'supported';
