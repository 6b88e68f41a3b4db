import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTemplate, renderPrompt } from '../../src/prompt/index.ts';
import type { NarrateRequest } from '../../src/llm/index.ts';
import type { FeatureTable } from '../../src/table/schema.ts';
import { seedTable } from './tables.ts';

/** An API key that must never show up in any output. */
export const SECRET_KEY = 'sk-test-DO-NOT-LEAK-9f8e7d6c5b4a';

/** Committed cassettes replayed by the contract suite (re-record: `npx tsx test/llm/record-cassettes.ts`). */
export const CONTRACT_CASSETTES = resolve(import.meta.dirname, '../../fixtures/cassettes/contract');

/** The seed table rendered with explain-flow v1 in the given mode. */
export async function seedRequest(mode: 'narrative' | 'structured', table: FeatureTable = seedTable()): Promise<NarrateRequest> {
  const template = await loadTemplate(`explain-flow@v1:${mode}`);
  return renderPrompt(template, table, { model: 'stub-model' });
}

/** A temporary directory removed by `using`. */
export function tempDir(): { path: string; [Symbol.dispose](): void } {
  const path = mkdtempSync(join(tmpdir(), 'flowlens-llm-'));
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) };
}
