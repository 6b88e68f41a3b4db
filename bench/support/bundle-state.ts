import { pathToFileURL } from 'node:url';
import { freshBundle } from '../../bin/fresh-bundle.js';

/** Whether bin/flowlens.js will run the dist/ bundle or the sources through tsx (what the timings measure). */
export function bundleState(root: string): string {
  return freshBundle(pathToFileURL(`${root}/`)) ? 'bin runs the dist/ bundle' : 'bin runs the sources through tsx (no fresh bundle: npm run build)';
}
