import { readFileSync } from 'node:fs';
import { FamilyFileSchema, type Family, type FamilyFile } from './schema.ts';
import { VocabularyError } from './vocabulary-error.ts';

/** Parse and validate one family file; every problem names the file and, when it has one, the entry. */
export function loadFamily(file: string, expected?: Family): FamilyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new VocabularyError(file, `not readable JSON (${(cause as Error).message})`, undefined, { cause });
  }
  const parsed = FamilyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [top, index] = issue.path;
    const entry = top === 'entries' && typeof index === 'number' ? { index, name: entryName(raw, index) } : undefined;
    const at = issue.path.slice(entry ? 2 : 0).join('.');
    throw new VocabularyError(file, `${at === '' ? '' : `${at}: `}${issue.message}`, entry);
  }
  if (expected !== undefined && parsed.data.family !== expected) {
    throw new VocabularyError(file, `family is \`${parsed.data.family}\`, expected \`${expected}\` for this file`);
  }
  checkReferences(file, parsed.data);
  return parsed.data;
}

function entryName(raw: unknown, index: number): string | undefined {
  const entries = (raw as { entries?: unknown }).entries;
  const name = Array.isArray(entries) ? (entries[index] as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** Source keys must exist and a spelling must name one field only, so a citation or lookup is never ambiguous. */
function checkReferences(file: string, data: FamilyFile): void {
  if (!(data.default_source in data.sources)) throw new VocabularyError(file, `default_source \`${data.default_source}\` is not a key of sources`);
  const seen = new Set<string>();
  data.entries.forEach((entry, index) => {
    if (entry.source !== undefined && !(entry.source in data.sources)) {
      throw new VocabularyError(file, `source \`${entry.source}\` is not a key of sources`, { index, name: entry.name });
    }
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      if (seen.has(spelling)) throw new VocabularyError(file, `the name \`${spelling}\` appears twice`, { index, name: entry.name });
      seen.add(spelling);
    }
  });
}
