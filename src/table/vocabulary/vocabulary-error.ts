import { InputError } from '../../errors.ts';

/** A family data file that cannot be used: names the file and the entry (by name and index) at fault. */
export class VocabularyError extends InputError {
  override readonly name: string = 'VocabularyError';
  /** Index in the file's `entries`, when one entry is at fault. */
  readonly entryIndex: number | undefined;
  constructor(file: string, problem: string, entry?: { index: number; name?: string | undefined }, options?: { cause?: unknown }) {
    const where = entry === undefined ? '' : ` in entry ${entry.name === undefined ? '' : `\`${entry.name}\` `}(entries[${entry.index}])`;
    super({ file, field: entry?.name }, `Bad vocabulary file: ${problem}${where}`, options);
    this.entryIndex = entry?.index;
  }
}
