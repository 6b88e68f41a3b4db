import { InvalidArgumentError, Option, type Command } from 'commander';
import { FORMAT_NAMES, type FormatName, type ReadFlowsOptions } from '../../ingest/index.ts';
import type { CliIo } from '../program.ts';
import { parseFlowCount, parseReorderWindow } from './parse-duration.ts';

/** The ingest flags every command that reads flows takes (ingest, features, baseline fit, score, run, enrich). */
export interface InputFlags {
  format?: FormatName;
  mapping?: string;
  quarantine?: string;
  maxBadRatio?: number;
  reorderWindow?: number;
  reorderHold?: number;
}

function parseRatio(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError(`Expected a ratio between 0 and 1, got \`${text}\`.`);
  return n;
}

/**
 * Add the ingest flags to a command, the same everywhere. `quarantineDefault` says where bad rows go
 * when --quarantine is not given (it differs by command: next to --out, or inside the run's directory).
 */
export function addInputOptions(command: Command, quarantineDefault: string): Command {
  return command
    .addOption(new Option('--format <name>', 'skip detection and read the input as this format').choices(FORMAT_NAMES.filter((f) => f !== 'empty')))
    .option('--mapping <file.yaml>', 'map another CSV’s columns to canonical fields (see fixtures/flows/ingest/mapping.yaml)')
    .option('--quarantine <file>', `bad rows as JSONL (default: ${quarantineDefault})`)
    .option(
      '--max-bad-ratio <r>',
      'fail (exit 2) when more than this share of rows is quarantined: checked after every row from the 1,000th on (stopping early, naming the file, counts and line) and at the end',
      parseRatio,
    )
    .option('--reorder-window <duration>', 'reorder buffer in flow time, e.g. 5m, 90s, or all to sort the whole input (up to 200,000 flows) (default 5m)', parseReorderWindow)
    .option('--reorder-hold <flows>', 'sort the first N flows whole before the reorder window applies, so a smaller input is sorted exactly (default 50000; 0: window only)', parseFlowCount);
}

/**
 * ReadFlowsOptions from the ingest flags. Warnings go to stderr once each (a command that reads the
 * input twice, to fit and then to score, would otherwise say everything twice).
 */
export function ingestOptions(flags: InputFlags, quarantineFile: string, io: CliIo): ReadFlowsOptions {
  const said = new Set<string>();
  return {
    quarantineFile,
    onWarning: (message) => {
      if (said.has(message)) return;
      said.add(message);
      io.stderr.write(`flowlens: warning: ${message}\n`);
    },
    ...(flags.format !== undefined ? { format: flags.format } : {}),
    ...(flags.mapping !== undefined ? { mappingFile: flags.mapping } : {}),
    ...(flags.maxBadRatio !== undefined ? { maxBadRatio: flags.maxBadRatio } : {}),
    ...(flags.reorderWindow !== undefined ? { reorderWindowMs: flags.reorderWindow } : {}),
    ...(flags.reorderHold !== undefined ? { reorderHoldFlows: flags.reorderHold } : {}),
  };
}
