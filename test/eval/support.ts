import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const REPO = resolve(import.meta.dirname, '../..');
export const CI_SUITE = join(REPO, 'eval/suites/ci.yaml');
export const CI_TABLES = join(REPO, 'eval/suites/ci/tables');
export const CI_CASSETTES = join(REPO, 'fixtures/cassettes/eval');

/** A temporary directory removed on dispose (`await using dir = tempDir()`). */
export function tempDir(): { path: string; [Symbol.asyncDispose](): Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), 'flowlens-eval-'));
  return { path, [Symbol.asyncDispose]: async () => rmSync(path, { recursive: true, force: true }) };
}

/** Write a suite YAML into `dir` from a plain object; returns its path. */
export function writeSuite(dir: string, suite: Record<string, unknown>, name = 'suite.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, stringify(suite));
  return file;
}

/** The CI suite's settings, with absolute paths so a copy can live anywhere. */
export function ciSuite(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'ci-copy',
    tables: [CI_TABLES],
    prompts: ['explain-flow@v1', 'explain-flow@v2'],
    baseline: 'explain-flow@v1',
    provider: { name: 'replay', cassettes: CI_CASSETTES, model: 'hand-written-llm-style' },
    repeats: 2,
    ...overrides,
  };
}
