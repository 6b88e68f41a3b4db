import { Command, CommanderError, Help } from 'commander';
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

/**
 * Build the commander program; thin so argument parsing is testable. `loaded` holds the register
 * functions of the commands to set up in full (commands/index.ts loadCommands); every other command
 * is listed by its term and summary only, without importing its module.
 */
export function createProgram(io: CliIo, setExit: (code: number) => void, loaded: ReadonlyMap<string, RegisterCommand>): Command {
  // A listed-only command has no options or arguments of its own to print: its term comes from the table.
  const listedTerms = new Map<Command, string>();
  const defaultHelp = new Help();
  const program = new Command('flowlens')
    .description('Explain why a network flow was flagged as anomalous, and check every claim against the data.')
    .version('0.1.0')
    // One line on a usage error, as on any other error (the help is one --help away).
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`flowlens: ${s.replace(/^error: /, '')}`),
    })
    .configureHelp({ subcommandTerm: (cmd) => listedTerms.get(cmd) ?? defaultHelp.subcommandTerm(cmd) })
    .exitOverride();
  for (const entry of COMMANDS) {
    const register = loaded.get(entry.name);
    if (register) register(program, io, setExit);
    else listedTerms.set(program.command(entry.name).description(entry.summary), entry.term);
  }
  return program;
}

export { CommanderError };
