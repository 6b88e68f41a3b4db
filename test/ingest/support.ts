import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readAllFlows, type ReadFlowsOptions } from '../../src/ingest/index.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/flows/ingest');
export const fixture = (name: string): string => join(FIXTURES, name);

/** A fresh temporary directory for quarantine and output files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowlens-ingest-'));
}

/** Read a fixture with its quarantine file in a temporary directory. */
export async function readFixture(name: string, options: ReadFlowsOptions = {}) {
  const quarantineFile = join(tempDir(), 'q.jsonl');
  const result = await readAllFlows(fixture(name), { quarantineFile, ...options });
  const quarantine = existsSync(quarantineFile)
    ? readFileSync(quarantineFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  return { ...result, quarantine, quarantineFile };
}
