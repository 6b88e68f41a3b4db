import { MissingColumnError } from '../../errors.ts';
import { toFieldValue } from '../coerce.ts';
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

// label values repeat (Benign, DoS …): one shared string each instead of one per flow held in the reorder buffer
const labelValues = new Map<string, string>();
function internLabel(value: string): string {
  const known = labelValues.get(value);
  if (known !== undefined) return known;
  if (labelValues.size >= 10_000) labelValues.clear();
  labelValues.set(value, value);
  return value;
}

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

  /** A filler for `fields` and `labels` from every column not used as a canonical field. */
  extras(extraLabels: readonly string[] = []): (row: unknown[], fields: Flow['fields'], labels: Flow['labels']) => void {
    const extra = new Set(extraLabels);
    const fieldIdx: number[] = [];
    const labelIdx: number[] = [];
    this.header.forEach((name, i) => {
      if (this.used.has(i)) return;
      (isLabelColumn(name) || extra.has(name) ? labelIdx : fieldIdx).push(i);
    });
    const names = this.header;
    return (row, fields, labels) => {
      for (let k = 0; k < fieldIdx.length; k++) {
        const i = fieldIdx[k]!;
        const v = row[i];
        if (v !== undefined) fields[names[i]!] = toFieldValue(v);
      }
      for (let k = 0; k < labelIdx.length; k++) {
        const i = labelIdx[k]!;
        const v = row[i];
        if (v !== undefined && v !== null && v !== '') labels[names[i]!] = internLabel(typeof v === 'string' ? v : String(v));
      }
    };
  }
}
