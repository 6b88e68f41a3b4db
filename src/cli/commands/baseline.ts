import type { Command } from 'commander';
import { saveBaseline } from '../../score/index.ts';
import { fitBaselineFile } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { RegisterCommand } from '../program.ts';
import { parseDuration } from './parse-duration.ts';

interface FitFlags {
  out: string;
  window?: number;
  quiet?: boolean;
}

/** `flowlens baseline fit <input> --out baseline.json`: a versioned baseline for --baseline-file. */
export const registerBaseline: RegisterCommand = (program, io, setExit) => {
  const baseline: Command = program.command('baseline').description('Fit and save baselines');
  baseline
    .command('fit <input>')
    .description('Fit a baseline (per-feature median, MAD, quantiles, a reservoir sample) on a flow file and save it as JSON')
    .requiredOption('--out <file>', 'where to write the baseline JSON')
    .option('--window <duration>', 'sliding window of the window features, e.g. 60s (default 60s)', parseDuration)
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: FitFlags) => {
      const progress = createProgress({ label: 'baseline', stream: io.stderr, quiet: flags.quiet ?? false });
      let last = 0;
      const { baseline: fitted } = await fitBaselineFile(input, {
        ...(flags.window !== undefined ? { windowMs: flags.window } : {}),
        onProgress: (n) => {
          progress.tick(n - last);
          last = n;
        },
      });
      await saveBaseline(fitted, flags.out);
      progress.done(`${fitted.rows} flows fitted, baseline in ${flags.out}`);
      setExit(EXIT.OK);
    });
};
