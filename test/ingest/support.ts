import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { readAllFlows, type ReadFlowsOptions } from '../../src/ingest/index.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/flows/ingest');
export const fixture = (name: string): string => join(FIXTURES, name);

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory for quarantine and output files, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-ingest-'));
  made.push(dir);
  return dir;
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
