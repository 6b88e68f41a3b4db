import { createProgress, type Progress } from '../../util/progress.ts';
import type { CliIo } from '../program.ts';

type Phase = 'fit' | 'score' | 'scores-file';

const LABELS: Record<Phase, string> = {
  fit: 'pass 1/2, fitting the baseline: flows',
  score: 'pass 2/2, scoring: flows',
  'scores-file': 'writing the scores file: flows',
};

/**
 * Progress of the passes over the input that scoring makes, one labelled bar (or plain line) per pass.
 * The scoring pass's total is the fit pass's count when both read the same input.
 */
export function scoringProgress(command: string, io: CliIo, quiet: boolean, sameInputAsBaseline = true): { onProgress: (phase: Phase, flows: number) => void; done(summary: string): void } {
  let phase: Phase | undefined;
  let bar: Progress | undefined;
  let last = 0;
  let fitted = 0;
  let scored = 0;
  return {
    onProgress(next, flows) {
      if (next !== phase) {
        bar?.done();
        const total = next === 'score' && sameInputAsBaseline ? fitted : next === 'scores-file' ? scored : 0;
        // A fit on another file (--baseline) is one pass of its own; the numbering would mislead.
        const label = phase === undefined && next === 'score' ? 'scoring: flows' : LABELS[next];
        bar = createProgress({ label: `${command}: ${label}`, stream: io.stderr, quiet, total });
        [phase, last] = [next, 0];
      }
      bar!.tick(flows - last);
      last = flows;
      if (next === 'fit') fitted = flows;
      if (next === 'score') scored = flows;
    },
    done(summary) {
      bar?.done();
      if (!quiet) io.stderr.write(`${command}: ${summary}\n`);
    },
  };
}
