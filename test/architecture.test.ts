import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folder tree is the pipeline (DESIGN.md): a stage may import only the stages upstream of it,
 * plus the shared modules, and only through their index.ts gate (STYLE.md §1).
 */
const SHARED = new Set(['errors.ts', 'config', 'util']);
const UPSTREAM: Record<string, readonly string[]> = {
  ingest: [],
  features: ['ingest'],
  synth: ['ingest', 'features'],
  score: ['ingest', 'features'],
  table: ['ingest', 'features', 'score'],
  prompt: ['ingest', 'features', 'table'],
  llm: ['ingest', 'features', 'table', 'prompt'],
  check: ['ingest', 'features', 'table'],
  report: ['ingest', 'features', 'score', 'table', 'prompt', 'llm', 'check'],
  run: ['ingest', 'features', 'score', 'table', 'prompt', 'llm', 'check', 'report'],
  eval: ['ingest', 'features', 'score', 'table', 'prompt', 'llm', 'check', 'report', 'run'],
  config: [],
  util: [],
};

const srcDir = resolve(import.meta.dirname, '../src');

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
}

function stageOf(path: string): string {
  return relative(srcDir, path).split(sep)[0]!;
}

const edges = listTs(srcDir).flatMap((file) =>
  importsOf(file).map((spec) => ({ file: relative(srcDir, file), from: stageOf(file), target: resolve(dirname(file), spec) })),
);

describe('pipeline direction', () => {
  it('has stage folders to check', () => {
    expect(edges.length).toBeGreaterThan(0);
  });

  it('imports only upstream stages and shared modules', () => {
    const bad = edges
      .filter(({ from, target }) => {
        const to = stageOf(target);
        if (to === from || SHARED.has(to) || from === 'cli' || from === 'index.ts') return false;
        const allowed = UPSTREAM[from];
        return allowed === undefined || !allowed.includes(to);
      })
      .map(({ file, target }) => `${file} → ${relative(srcDir, target)}`);
    expect(bad).toEqual([]);
  });

  it('crosses into another stage only through its index.ts', () => {
    const bad = edges
      .filter(({ from, target }) => {
        const to = stageOf(target);
        if (to === from || SHARED.has(to)) return false;
        return relative(srcDir, target) !== join(to, 'index.ts');
      })
      .map(({ file, target }) => `${file} → ${relative(srcDir, target)}`);
    expect(bad).toEqual([]);
  });
});
