#!/usr/bin/env node
// Runs the bundle `npm install` builds (scripts/build-cli.ts → dist/cli/) while it is newer than every
// source it was built from; otherwise the TypeScript sources through tsx's loader, so a fresh clone
// without the build, or an edited source, still runs (slower to start: tsx compiles on every call).
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function bundleIsFresh() {
  try {
    const built = statSync(new URL('dist/cli/main.js', root)).mtimeMs;
    const sources = JSON.parse(readFileSync(new URL('dist/cli/sources.json', root), 'utf8'));
    return sources.every((path) => statSync(new URL(path, root)).mtimeMs <= built);
  } catch {
    return false; // no bundle, or a source it lists is gone
  }
}

async function loadMain() {
  if (bundleIsFresh()) return (await import('../dist/cli/main.js')).main;
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv);
