/**
 * flowlens against what a user would otherwise run, on the same rows in the same run (issue 14):
 *   - `flowlens features f.csv --out features.csv` vs pandas (read_csv, 9 of the 18 features, to_csv);
 *   - `flowlens score f.csv --top 10 --scores s.jsonl` vs scikit-learn's IsolationForest with the same
 *     trees and sample size (600 × 4,096), read + fit + score every row + write the scores.
 * Each side is a fresh process timed from start to exit (wall, CPU, peak RSS); ratios are flowlens's
 * speed over the peer's. `npm run bench -- peers [--flows N] [--runs N] [--no-score]` (1 M flows by default). Needs
 * /usr/bin/python3 with pandas and scikit-learn (Debian: `apt-get install python3-pandas
 * python3-sklearn`); without them it says so and skips. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeAddressHeavyCsv } from './support/address-heavy-csv.ts';
import { bundleState } from './support/bundle-state.ts';
import { formatTimed, timeCommand, type Timed } from './support/time-command.ts';

const PYTHON = '/usr/bin/python3';
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/flowlens.js');
const peers = join(import.meta.dirname, 'peers');
const argValue = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
};
const flows = argValue('--flows') ?? (process.argv.includes('--large') ? 10_000_000 : 1_000_000);
const runs = argValue('--runs') ?? 1;

const probe = spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' });
if (probe.status !== 0) {
  process.stdout.write(
    `peers: SKIPPED — ${PYTHON} with pandas and scikit-learn is not available. ` +
      'Install them with `apt-get install python3-pandas python3-sklearn` (Debian/Ubuntu) to compare flowlens with its peers.\n',
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-bench-peers-'));
  try {
    const csv = join(dir, 'flows.csv');
    const made = await writeAddressHeavyCsv(csv, flows);
    process.stdout.write(
      `peers: ${flows.toLocaleString('en-US')} flows, ${made.distinctSources.toLocaleString('en-US')} distinct sources; node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${bundleState(root)}\n`,
    );
    const ratio = (ours: Timed, theirs: Timed): string => `${(theirs.wallS / ours.wallS).toFixed(2)}× the peer's speed`;
    for (let r = 0; r < runs; r++) {
      const ours = timeCommand(process.execPath, [bin, 'features', csv, '--out', join(dir, 'features.csv'), '--quiet']);
      const theirs = timeCommand(PYTHON, [join(peers, 'pandas_features.py'), csv, join(dir, 'pandas.csv')]);
      process.stdout.write(`${formatTimed('flowlens features → CSV (18)', ours, flows)}\n${formatTimed('pandas 9 features + to_csv', theirs, flows)}\n  → ${ratio(ours, theirs)} (target ≥ 3×)\n`);
    }
    // --no-score: the features comparison alone (scikit-learn takes about 9 minutes at 1 M flows)
    for (let r = 0; r < runs && !process.argv.includes('--no-score'); r++) {
      const ours = timeCommand(process.execPath, [bin, 'score', csv, '--top', '10', '--out', join(dir, 'tables'), '--scores', join(dir, 'scores.jsonl'), '--quiet']);
      const theirs = timeCommand(PYTHON, [join(peers, 'sklearn_iforest.py'), csv, join(dir, 'sklearn.txt')]);
      process.stdout.write(`${formatTimed('flowlens score (forest 600×4096)', ours, flows)}\n${formatTimed('sklearn IsolationForest 600×4096', theirs, flows)}\n  → ${ratio(ours, theirs)} (target ≥ 2×)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
