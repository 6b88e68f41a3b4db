/**
 * `npm run build` (run by `npm install` through `prepare`): bundles the CLI into dist/cli/ so that
 * bin/flowlens.js starts plain Node instead of compiling the TypeScript sources through tsx on every
 * call (issue 14: `flowlens --help` 1.2–1.9 s through tsx). Code splitting keeps each command in its
 * own chunk, loaded only when it runs (src/cli/commands/index.ts). Packages stay external, read from
 * node_modules as usual.
 *
 * dist/cli/ is two folders deep like src/<stage>/, so a path a module finds from its own folder
 * (prompts/ from src/prompt/load-template.ts) resolves the same from a chunk. dist/cli/sources.json
 * lists the sources the bundle was built from: bin/flowlens.js runs the bundle only while none of
 * them is newer than it, and the sources through tsx otherwise, so an edit is never run stale.
 */
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist/cli');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
});
const sources = Object.keys(result.metafile.inputs).sort();
writeFileSync(resolve(outdir, 'sources.json'), `${JSON.stringify(sources)}\n`);
