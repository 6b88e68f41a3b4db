import { fileURLToPath } from 'node:url';
import { loadFamily } from './load-family.ts';
import type { Family, FamilyEntry, FamilyFile, FieldSemantics } from './schema.ts';

/**
 * Family files in lookup priority: when two families spell a field alike (`IN_BYTES` is both
 * nProbe's and NetFlow v9's, `proto` both Zeek's and goflow2's), the earlier one answers.
 */
export const FAMILY_ORDER: readonly Family[] = ['nprobe', 'ipfix', 'zeek', 'suricata-eve', 'ecs', 'cicflowmeter', 'goflow2', 'snort', 'fortinet', 'nfdump', 'panos'];

export const FAMILIES_DIR = fileURLToPath(new URL('./families/', import.meta.url));

export interface SpellingIndex {
  /** Every spelling (name and aliases) → its entry. */
  readonly exact: ReadonlyMap<string, FieldSemantics>;
  /** Lower-cased spelling → entry, for keys written in another case. */
  readonly lower: ReadonlyMap<string, FieldSemantics>;
}

export interface VocabularyIndex extends SpellingIndex {
  /** The same per family, for a path whose first segment names one (`suricata.flow_id`). */
  readonly byFamily: ReadonlyMap<Family, SpellingIndex>;
  readonly files: readonly FamilyFile[];
}

let shared: VocabularyIndex | undefined;

/** The vocabulary of the bundled family files, loaded once for every reader (describeField, the key-word lexicon). */
export function bundledVocabulary(): VocabularyIndex {
  return (shared ??= loadVocabulary());
}

/** Load every family file and index its spellings. Throws VocabularyError on a bad file. */
export function loadVocabulary(dir: string = FAMILIES_DIR, order: readonly Family[] = FAMILY_ORDER): VocabularyIndex {
  const all: SpellingIndex = { exact: new Map(), lower: new Map() };
  const byFamily = new Map<Family, SpellingIndex>();
  const files: FamilyFile[] = [];
  for (const family of order) {
    const data = loadFamily(`${dir}${family}.json`, family);
    files.push(data);
    const own: SpellingIndex = { exact: new Map(), lower: new Map() };
    byFamily.set(family, own);
    for (const entry of data.entries) {
      const semantics = toSemantics(data, entry);
      for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
        addSpelling(own, spelling, semantics);
        addSpelling(all, spelling, semantics);
      }
    }
  }
  return { ...all, byFamily, files };
}

function toSemantics(data: FamilyFile, entry: FamilyEntry): FieldSemantics {
  const source = data.sources[entry.source ?? data.default_source]! + (entry.ie === undefined ? '' : `; element id ${entry.ie}`);
  return Object.freeze({
    name: entry.name, family: data.family, dimension: entry.dimension, role: entry.role, unit: entry.unit,
    description: entry.description, source, inferred: false, ...(entry.unset === undefined ? {} : { unset: entry.unset }), ...(entry.encoding === undefined ? {} : { encoding: entry.encoding }), ...(entry.relay === undefined ? {} : { relay: entry.relay }),
  });
}

/** The first family in priority order keeps a spelling. */
function addSpelling(index: SpellingIndex, spelling: string, semantics: FieldSemantics): void {
  if (!index.exact.has(spelling)) (index.exact as Map<string, FieldSemantics>).set(spelling, semantics);
  const lower = spelling.toLowerCase();
  if (!index.lower.has(lower)) (index.lower as Map<string, FieldSemantics>).set(lower, semantics);
}
