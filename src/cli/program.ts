import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.ts';

/** Where a command writes; injectable so tests capture output without spawning a process. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** What a command action returns: its exit code (see exit-codes.ts). */
export type CommandResult = number | void;

/** Each command module registers one subcommand on the program. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** Build the commander program with every subcommand; thin so argument parsing is testable. */
export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('flowlens')
    .description('Explain why a network flow was flagged as anomalous, and check every claim against the data.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();
  for (const register of COMMANDS) register(program, io, setExit);
  return program;
}

export { CommanderError };
