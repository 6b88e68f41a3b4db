import type { Command } from 'commander';
import { defaultQuarantinePath } from '../../ingest/index.ts';
import { saveBaseline } from '../../score/index.ts';
import { fitBaselineFile } from '../../table/index.ts';
import { createProgress } from '../../util/progress.ts';
import type { RegisterCommand } from '../program.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { prepareOutputFile } from './output-paths.ts';
import { parseDuration } from './parse-duration.ts';
import { warnSmallBaseline } from './scoring-options.ts';

interface FitFlags extends InputFlags {
  out: string;
  window?: number;
  quiet?: boolean;
}

/** `flowlens baseline fit <input> --out baseline.json`: a versioned baseline for --baseline-file. */
export const registerBaseline: RegisterCommand = (program, io, setExit) => {
  const baseline: Command = program.command('baseline').description('Fit and save baselines');
  addInputOptions(
    baseline
      .command('fit <input>')
      .description('Fit a baseline (per-feature median, MAD, quantiles, a reservoir sample) on a flow file and save it as JSON')
      .requiredOption('--out <file>', 'where to write the baseline JSON')
      .option('--window <duration>', 'sliding window of the window features, e.g. 60s (default 60s)', parseDuration),
    'next to --out',
  )
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: FitFlags) => {
      // The output is checked before the pass over the input, not after it.
      await prepareOutputFile(flags.out, '--out');
      const progress = createProgress({ label: 'baseline: fitting, flows', stream: io.stderr, quiet: flags.quiet ?? false });
      let last = 0;
      const { baseline: fitted, ingest } = await fitBaselineFile(input, {
        ...(flags.window !== undefined ? { windowMs: flags.window } : {}),
        ingest: ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(input, flags.out), io),
        onProgress: (n) => {
          progress.tick(n - last);
          last = n;
        },
      });
      await saveBaseline(fitted, flags.out);
      progress.done(`${fitted.rows} flows fitted, baseline in ${flags.out}`);
      io.stderr.write(`${formatSummary(ingest)}\n`);
      warnSmallBaseline({ baseline: { rows: fitted.rows, source: input } }, io);
      setExit(ingestExit(ingest));
    });
};
