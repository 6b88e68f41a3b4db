import { config as loadDotenv } from 'dotenv';
import { FlowlensError, InputError, ConfigError, TemplateError, BaselineError, CassetteMissError, BatchApiError } from '../errors.ts';
import { EXIT } from './exit-codes.ts';
import { loadCommands } from './commands/index.ts';
import { describeSystemError } from './commands/output-paths.ts';
import { CommanderError, createProgram, type CliIo } from './program.ts';

/** An operating-system error (no permission, a full disk, a file in the way) with the path it concerns. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string; syscall: string } {
  const e = error as NodeJS.ErrnoException | undefined;
  return error instanceof Error && typeof e?.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string';
}

/**
 * A message as a terminal should show it: control bytes (an escape sequence from a binary input's
 * header, say) as visible escapes, never raw; line breaks kept only for a bug's stack trace.
 */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.INPUT;
  // Not a bug in flowlens: the machine refused a read or a write; the message names the path.
  if (isSystemError(error)) return EXIT.INPUT;
  // The endpoint, not the input: the batch ids are saved, and a rerun resumes where this stopped.
  if (error instanceof BatchApiError) return EXIT.PARTIAL;
  if (
    error instanceof InputError ||
    error instanceof ConfigError ||
    error instanceof TemplateError ||
    error instanceof BaselineError ||
    error instanceof CassetteMissError
  )
    return EXIT.INPUT;
  if (error instanceof FlowlensError) return EXIT.INPUT;
  return EXIT.INTERNAL;
}

/** Run the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  // dotenv loads here only: library functions never read the environment (STYLE.md §9).
  loadDotenv({ quiet: true });
  let code: number = EXIT.OK;
  try {
    const program = createProgram(
      io,
      (c) => {
        code = Math.max(code, c);
      },
      await loadCommands(argv),
    );
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return exitCodeFor(error);
    const exit = exitCodeFor(error);
    const message = isSystemError(error) ? `${error.syscall} ${error.path}: ${describeSystemError(error)}` : error instanceof Error ? error.message : String(error);
    io.stderr.write(`flowlens: ${terminalSafe(exit === EXIT.INTERNAL && error instanceof Error ? (error.stack ?? message) : message)}\n`);
    return exit;
  }
}
