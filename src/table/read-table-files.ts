import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readTable } from './read.ts';
import type { FeatureTable } from './schema.ts';

/**
 * Tables from a FeatureTable JSON file (one table, or an array of them) or every *.json in a
 * directory, in name order; flat `{"FEATURE": value}` objects are accepted too (see readTable).
 */
export function readTableFiles(input: string): FeatureTable[] {
  const path = resolve(input);
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f))
      : [path];
  } catch (cause) {
    throw new InputError({ file: input, expected: 'a FeatureTable JSON file or a directory of them' }, `Cannot read ${input}`, { cause });
  }
  if (files.length === 0) throw new InputError({ file: input }, `No *.json tables in ${input}`);
  return files.flatMap((file) => {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new InputError({ file, expected: 'JSON' }, `Cannot parse ${file} as JSON`, { cause });
    }
    return (Array.isArray(value) ? value : [value]).map((v) => readTable(v, file));
  });
}
