// Whether dist/cli/ (scripts/build-cli.ts) is there and newer than every source it was built from.
import { readFileSync, statSync } from 'node:fs';

/** @param {URL} root the package root, ending in '/' */
export function freshBundle(root) {
  try {
    const built = statSync(new URL('dist/cli/main.js', root)).mtimeMs;
    const sources = JSON.parse(readFileSync(new URL('dist/cli/sources.json', root), 'utf8'));
    return sources.every((path) => statSync(new URL(path, root)).mtimeMs <= built);
  } catch {
    return false; // no bundle, or a source it lists is gone
  }
}
