import type { FactRow } from './table-facts.ts';

/**
 * What the checkers read from a table's row keys alone, not from its values: the keys lower-cased
 * and as dotted-path suffixes, their words. Built once per schema — the row keys in the facts' row
 * order — and shared by every table that has those keys, so a batch of records of one schema (the
 * usual case: a pipeline checks thousands of reports over one exporter's fields) reads each key once,
 * not once per record and claim. An index here holds row positions; each table maps them to its own
 * rows (`TableFacts.list`), whose values stay its own. Keyed by names only, never by values or by
 * the text checked.
 */
export interface SchemaPlan {
  /** The row keys, in the order of `TableFacts.list`. */
  readonly keys: readonly string[];
  /** Key-only structures, built on first use (keyed by what builds them). */
  readonly memo: Map<string, unknown>;
}

/** Plans by the joined row keys. Bounded: schemas come from user files; past the limit it starts afresh. */
const plans = new Map<string, SchemaPlan>();
const PLAN_LIMIT = 1_000;

/** The last plan found: a batch of one schema finds it again by comparing keys, without building and hashing a signature. */
let last: SchemaPlan | undefined;

/** The plan of the schema these rows have (the same object for every table with the same keys in the same order). */
export function schemaPlan(rows: readonly FactRow[]): SchemaPlan {
  if (last !== undefined && sameKeys(last.keys, rows)) return last;
  last = planBySignature(rows);
  return last;
}

function sameKeys(keys: readonly string[], rows: readonly FactRow[]): boolean {
  if (keys.length !== rows.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== rows[i]!.key) return false;
  return true;
}

function planBySignature(rows: readonly FactRow[]): SchemaPlan {
  let signature = '';
  for (const row of rows) signature += `${row.key}\u0000`;
  let plan = plans.get(signature);
  if (plan === undefined) {
    if (plans.size >= PLAN_LIMIT) plans.clear();
    plan = { keys: rows.map((r) => r.key), memo: new Map() };
    plans.set(signature, plan);
  }
  return plan;
}

/** A key-only structure of the plan, built on first use from the keys and kept for every table of the schema. */
export function planned<T>(plan: SchemaPlan, name: string, build: (keys: readonly string[]) => T): T {
  const known = plan.memo.get(name);
  if (known !== undefined) return known as T;
  const value = build(plan.keys);
  plan.memo.set(name, value);
  return value;
}

/** Positions by a string derived from each key (in row order within each list). */
/** No positions: what an index gives for a name no key has. */
export const NO_POSITIONS: readonly number[] = [];

export function positionsBy(keys: readonly string[], namesOf: (key: string) => readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  keys.forEach((key, i) => {
    for (const name of namesOf(key)) {
      const list = index.get(name);
      if (list === undefined) index.set(name, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return index;
}
