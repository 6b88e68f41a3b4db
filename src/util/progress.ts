import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

/**
 * cli-progress is loaded when a bar is first drawn (on a terminal, without --quiet), not with this
 * module: most runs (piped, --quiet, libraries) never draw one, and loading it cost every command.
 */
const requireHere = createRequire(import.meta.url);

/** Progress for long work, always on stderr: a bar on a terminal, plain lines otherwise. */
export interface Progress {
  /** Set the total once it is known (0 or undefined = unknown). */
  setTotal(total: number): void;
  /** Advance by `n` (default 1). */
  tick(n?: number): void;
  /** Print a line of its own (a batch's poll round) without breaking the bar. */
  note(line: string): void;
  /** Stop the bar and print a final line. */
  done(summary?: string): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Plain mode prints a line at most this often. @default 2000 */
  intervalMs?: number;
  /** Silence everything (library use, --quiet). @default false */
  quiet?: boolean;
}

/** Create a progress reporter: cli-progress bar on a TTY, throttled plain lines otherwise. */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { setTotal() {}, tick() {}, note() {}, done() {} };
  let total = options.total ?? 0;
  let count = 0;
  if (stream.isTTY) {
    // Drawn at the first tick, not before: a bar made ahead of its work (the explain bar of a run,
    // made before scoring starts) would sit on the screen at 0 through the whole scoring.
    let bar: SingleBar | undefined;
    const draw = (): SingleBar => {
      if (bar !== undefined) return bar;
      // Without a known total there is no percentage to show: a count, not a bar full at "1".
      const format = total > 0 ? `${options.label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left` : `${options.label}: {value}`;
      const cliProgress = requireHere('cli-progress') as typeof import('cli-progress');
      bar = new cliProgress.SingleBar({ stream: stream as NodeJS.WriteStream, format, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      bar.start(total, count);
      return bar;
    };
    return {
      setTotal(t) {
        total = t;
        bar?.setTotal(t);
      },
      tick(n = 1) {
        count += n;
        draw().update(count);
      },
      note(line) {
        if (bar === undefined) return void stream.write(`${line}\n`);
        // Clear the bar's line and print the note there; the bar is drawn again below it at its next change.
        stream.write(`\r\x1b[2K${line}\n`);
      },
      done(summary) {
        bar?.stop();
        if (summary) stream.write(`${options.label}: ${summary}\n`);
      },
    };
  }
  const interval = options.intervalMs ?? 2000;
  let last = Date.now();
  return {
    setTotal(t) {
      total = t;
    },
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last >= interval) {
        last = now;
        stream.write(`${options.label}: ${count}${total ? `/${total}` : ''}\n`);
      }
    },
    note(line) {
      stream.write(`${line}\n`);
    },
    done(summary) {
      stream.write(`${options.label}: ${summary ?? `${count}${total ? `/${total}` : ''} done`}\n`);
    },
  };
}
