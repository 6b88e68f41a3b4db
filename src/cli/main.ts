import { config as loadDotenv } from 'dotenv';
import { FlowlensError, InputError, ConfigError, TemplateError, BaselineError, CassetteMissError } from '../errors.ts';
import { EXIT } from './exit-codes.ts';
import { loadCommands } from './commands/index.ts';
import { CommanderError, createProgram, type CliIo } from './program.ts';

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.INPUT;
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
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`flowlens: ${exit === EXIT.INTERNAL && error instanceof Error ? (error.stack ?? message) : message}\n`);
    return exit;
  }
}
