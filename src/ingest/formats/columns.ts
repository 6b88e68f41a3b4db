import { MissingColumnError } from '../../errors.ts';
import { toFieldValue } from '../coerce.ts';
import type { JsonRow } from '../containers/json-records.ts';
import type { Flow } from '../flow-schema.ts';
import type { FormatName } from '../types.ts';

/** Ground-truth columns (compared case-insensitively): carried in `labels`, never in `fields`. */
const LABEL_COLUMNS = new Set([
  'label',
  'labels',
  'attack',
  'attack_type',
  'attack_cat',
  'label_name',
  'detailed-label',
  'detailed_label',
  'dataset',
  'class',
  'ground_truth',
  // NF-v3 batches are named after the attack they hold: the batch name is ground truth too
  'batch',
]);

export function isLabelColumn(name: string): boolean {
  return LABEL_COLUMNS.has(name.toLowerCase());
}

/** Column lookup for one header: exact names first, then case-insensitive. */
export class Columns {
  private readonly exact = new Map<string, number>();
  private readonly folded = new Map<string, number>();
  readonly used = new Set<number>();

  constructor(
    readonly header: readonly string[],
    private readonly file: string,
    private readonly format: FormatName,
  ) {
    header.forEach((name, i) => {
      if (!this.exact.has(name)) this.exact.set(name, i);
      const key = name.toLowerCase();
      if (!this.folded.has(key)) this.folded.set(key, i);
    });
  }

  /** Index of the first of `names` present, or -1; marks it as used (not copied into `fields`). */
  find(...names: string[]): number {
    for (const name of names) {
      const i = this.exact.get(name) ?? this.folded.get(name.toLowerCase());
      if (i !== undefined) {
        this.used.add(i);
        return i;
      }
    }
    return -1;
  }

  /** Index of the first of `names` present, or -1, leaving the column in `fields` too. */
  peek(...names: string[]): number {
    for (const name of names) {
      const i = this.exact.get(name) ?? this.folded.get(name.toLowerCase());
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** Like find, but a MissingColumnError naming the first alternative when none is present. */
  require(...names: string[]): number {
    const i = this.find(...names);
    if (i < 0) {
      const wanted = names.length === 1 ? names[0]! : `${names[0]} (or ${names.slice(1).join(', ')})`;
      throw new MissingColumnError(this.file, wanted, this.header, this.format);
    }
    return i;
  }

  /**
   * Builders for `fields` and `labels` from every column not used as a canonical field. A format without
   * extra columns gets the shared frozen EMPTY_FIELDS; labels are interned per distinct combination of values
   * (frozen, shared): flows held in the reorder buffer then cost one object each instead of four.
   */
  extras(extraLabels: readonly string[] = []): Extras {
    const extra = new Set(extraLabels);
    const fieldIdx: number[] = [];
    const labelIdx: number[] = [];
    this.header.forEach((name, i) => {
      if (this.used.has(i)) return;
      (isLabelColumn(name) || extra.has(name) ? labelIdx : fieldIdx).push(i);
    });
    const names = this.header;
    const interned = new Map<string, Flow['labels']>();
    const lastValues: unknown[] = [];
    let last: Flow['labels'] | undefined;
    const buildLabels = (row: unknown[]): Flow['labels'] => {
      const labels: Flow['labels'] = {};
      for (const i of labelIdx) {
        const v = row[i];
        if (v !== undefined && v !== null && v !== '') labels[names[i]!] = typeof v === 'string' ? v : String(v);
      }
      return Object.freeze(labels);
    };
    return {
      fields(row) {
        const more = (row as JsonRow).extra;
        if (fieldIdx.length === 0 && more === undefined) return EMPTY_FIELDS;
        const fields: Flow['fields'] = {};
        for (let k = 0; k < fieldIdx.length; k++) {
          const i = fieldIdx[k]!;
          const v = row[i];
          if (v !== undefined) fields[names[i]!] = toFieldValue(v);
        }
        if (more !== undefined) for (const [key, v] of Object.entries(more)) if (!isLabelColumn(key)) fields[key] = toFieldValue(v);
        return fields;
      },
      labels(row) {
        const more = (row as JsonRow).extra;
        if (more !== undefined) {
          const found = Object.entries(more).filter(([key, v]) => isLabelColumn(key) && v !== null && v !== '');
          if (found.length > 0) return { ...this.labelsOf(row), ...Object.fromEntries(found.map(([key, v]) => [key, String(v)])) };
        }
        return this.labelsOf(row);
      },
      labelsOf(row) {
        if (labelIdx.length === 0) return EMPTY_LABELS;
        // runs of rows with the same labels are the common case: compare with the previous row first
        let same = last !== undefined;
        for (let k = 0; same && k < labelIdx.length; k++) same = row[labelIdx[k]!] === lastValues[k];
        if (same) return last!;
        for (let k = 0; k < labelIdx.length; k++) lastValues[k] = row[labelIdx[k]!];
        let key = '';
        for (let k = 0; k < labelIdx.length; k++) key += `${String(row[labelIdx[k]!])}\u0000`;
        let labels = interned.get(key);
        if (labels === undefined) {
          if (interned.size >= 10_000) interned.clear();
          labels = buildLabels(row);
          interned.set(key, labels);
        }
        last = labels;
        return labels;
      },
    };
  }
}

/** Builds a flow's `fields` (fresh unless EMPTY_FIELDS) and `labels` (frozen, shared: never mutate). */
export interface Extras {
  fields(row: unknown[]): Flow['fields'];
  labels(row: unknown[]): Flow['labels'];
  /** The interned labels of the header's label columns only. */
  labelsOf(row: unknown[]): Flow['labels'];
}

/** Shared by every flow without extra columns; frozen, so a stray write fails loudly. */
export const EMPTY_FIELDS: Flow['fields'] = Object.freeze({}) as Flow['fields'];
const EMPTY_LABELS: Flow['labels'] = Object.freeze({}) as Flow['labels'];

