/**
 * `npm run build` (run by `npm install` through `prepare`): bundles the CLI into dist/cli/ so that
 * bin/flowlens.js starts plain Node instead of compiling the TypeScript sources through tsx on every
 * call (issue 14: `flowlens --help` 1.2–1.9 s through tsx). Code splitting keeps each command in its
 * own chunk, loaded only when it runs (src/cli/commands/index.ts). Most packages are bundled too (see
 * EXTERNAL).
 *
 * A module that finds files next to its source (prompts/, the vocabulary's JSON families) reads
 * import.meta.url or .dirname: in the bundle those are rewritten to the module's source location,
 * relative to the chunk, so the data is read from where it lives in the package, wherever it is.
 * dist/cli/sources.json lists the sources the bundle was built from: bin/flowlens.js runs the bundle
 * only while none of them is newer than it, and the sources through tsx otherwise, so an edit is never
 * run stale.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist/cli');
rmSync(outdir, { recursive: true, force: true });
/** import.meta.url / .dirname of each source module, as seen from a chunk in dist/cli/. */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.')) return { contents: text, loader: 'ts' };
      const fromChunk = relative(outdir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
      const dir = `__flowlensFileURLToPath(new URL(${JSON.stringify(`${dirname(fromChunk)}/`)}, import.meta.url)).replace(/[\\/]$/, '')`;
      const contents = `import { fileURLToPath as __flowlensFileURLToPath } from 'node:url';\n${text
        .replace(/import\.meta\.url/g, url)
        .replace(/import\.meta\.dirname/g, dir)}`;
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Packages left in node_modules: DuckDB (a native addon), the OpenAI SDK (loaded at the first request
 * only) and the progress bar (loaded when a bar is drawn). The others are bundled into the chunks that
 * use them (issue 14, sixth round): loaded from node_modules, yaml, handlebars, zod and commander
 * were some 150 files, each resolved, read and compiled on its own, 0.18 s of CPU at every start
 * against 0.09 s bundled.
 */
const EXTERNAL = ['@duckdb/node-api', 'openai', 'openai/*', 'cli-progress', 'tsx', 'tsx/*'];

const result = await build({
  absWorkingDir: root,
  // the parse thread's entry (src/ingest/parse-thread.ts starts dist/cli/parse-worker.js)
  entryPoints: ['src/cli/main.ts', 'src/ingest/parse-worker.ts'],
  entryNames: '[name]',
  outdir,
  define: { __FLOWLENS_BUNDLE__: 'true' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // a CommonJS package bundled into an ES module chunk requires Node's built-ins through this
  banner: { js: "import { createRequire as __flowlensCreateRequire } from 'node:module';\nconst require = __flowlensCreateRequire(import.meta.url);" },
  metafile: true,
  plugins: [sourceLocations],
  logLevel: 'warning',
});
// A package changes only by an install, which writes package-lock.json: that stands for all of them.
const sources = [...Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/')), 'package-lock.json'].sort();
writeFileSync(resolve(outdir, 'sources.json'), `${JSON.stringify(sources)}\n`);
