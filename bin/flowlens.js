#!/usr/bin/env node
// Runs the bundle `npm install` builds (scripts/build-cli.ts → dist/cli/) while it is newer than every
// source it was built from; otherwise the TypeScript sources through tsx's loader, so a fresh clone
// without the build, or an edited source, still runs (slower to start: tsx compiles on every call).
import { freshBundle } from './fresh-bundle.js';

async function loadMain() {
  if (freshBundle(new URL('../', import.meta.url))) return (await import('../dist/cli/main.js')).main;
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv);
