import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { InvalidArgumentError, Option } from 'commander';
import { parseFlowCount, parseReorderWindow } from './parse-duration.ts';
import { defaultQuarantinePath, FORMAT_NAMES, openFlows, type FormatName, type IngestSummary, type ReadFlowsOptions } from '../../ingest/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

interface IngestFlags {
  format?: FormatName;
  mapping?: string;
  out?: string;
  quarantine?: string;
  maxBadRatio?: number;
  reorderWindow?: number;
  reorderHold?: number;
  quiet?: boolean;
}

function parseRatio(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError(`Expected a ratio between 0 and 1, got \`${text}\`.`);
  return n;
}

/** One line a person can check: read = accepted + quarantined, then late flows, notes and skipped records. */
export function formatSummary(s: IngestSummary): string {
  const notes = Object.entries(s.notes).map(([code, n]) => `${code} ${n}`);
  const skipped = Object.entries(s.skipped ?? {}).map(([kind, n]) => `${kind} ${n}`);
  return [
    `${s.file} (${s.format}): read ${s.read} = accepted ${s.accepted} + quarantined ${s.quarantined}; late ${s.late}` +
      (s.outOfOrder ? ` (out of time order ${s.outOfOrder}, reordered or late)` : ''),
    `notes: ${notes.length > 0 ? notes.join(', ') : 'none'}`,
    ...(s.orderWarning !== undefined ? [`warning: ${s.orderWarning}`] : []),
    ...(skipped.length > 0 ? [`skipped non-flow records: ${skipped.join(', ')}`] : []),
    ...(s.quarantineFile !== undefined ? [`quarantined rows: ${s.quarantineFile}`] : []),
  ].join('\n');
}

/**
 * `flowlens ingest <input>`: canonical flows as JSONL (to --out or stdout), the reconciled summary on stderr.
 * Quarantine default: `<out name>.quarantine.jsonl` next to --out, else `<input>.quarantine.jsonl` in the current directory.
 */
export const registerIngest: RegisterCommand = (program, io, setExit) => {
  program
    .command('ingest <input>')
    .description('Read flows (CSV, JSONL, Zeek, Suricata, nfdump, goflow2 … gzip or not) and write canonical flows as JSONL')
    .addOption(new Option('--format <name>', 'skip detection and read as this format').choices(FORMAT_NAMES.filter((f) => f !== 'empty')))
    .option('--mapping <file.yaml>', 'map another CSV’s columns to canonical fields (see fixtures/flows/ingest/mapping.yaml)')
    .option('--out <flows.jsonl>', 'write flows here instead of stdout')
    .option('--quarantine <file>', 'bad rows as JSONL (default: next to --out, else <input>.quarantine.jsonl here)')
    .option(
      '--max-bad-ratio <r>',
      'fail (exit 2) when more than this share of rows is quarantined: checked after every row from the 1,000th on (stopping early, naming the file, counts and line) and at the end',
      parseRatio,
    )
    .option('--reorder-window <duration>', 'reorder buffer in flow time, e.g. 5m, 90s, or all to sort the whole input (up to 200,000 flows) (default 5m)', parseReorderWindow)
    .option('--reorder-hold <flows>', 'sort the first N flows whole before the reorder window applies, so a smaller input is sorted exactly (default 50000; 0: window only)', parseFlowCount)
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: IngestFlags) => setExit(await runIngest(input, flags, io)));
};

async function runIngest(input: string, flags: IngestFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'ingest', stream: io.stderr, quiet: flags.quiet ?? false });
  let last = 0;
  const options: ReadFlowsOptions = {
    quarantineFile: flags.quarantine ?? defaultQuarantinePath(input, flags.out),
    onWarning: (message) => io.stderr.write(`flowlens: warning: ${message}\n`),
    onProgress: (n) => {
      progress.tick(n - last);
      last = n;
    },
    ...(flags.format !== undefined ? { format: flags.format } : {}),
    ...(flags.mapping !== undefined ? { mappingFile: flags.mapping } : {}),
    ...(flags.maxBadRatio !== undefined ? { maxBadRatio: flags.maxBadRatio } : {}),
    ...(flags.reorderWindow !== undefined ? { reorderWindowMs: flags.reorderWindow } : {}),
    ...(flags.reorderHold !== undefined ? { reorderHoldFlows: flags.reorderHold } : {}),
  };
  const source = await openFlows(input, options);
  if (flags.out !== undefined) await mkdir(dirname(resolve(flags.out)), { recursive: true });
  const out = flags.out !== undefined ? createWriteStream(flags.out) : io.stdout;
  try {
    for await (const batch of source.batches()) {
      let text = '';
      for (const flow of batch) text += `${JSON.stringify(flow)}\n`;
      if (!out.write(text)) await once(out, 'drain');
    }
  } finally {
    if (flags.out !== undefined) {
      (out as NodeJS.WritableStream).end();
      await once(out, 'finish');
    }
  }
  const summary = source.summary();
  progress.done(`${summary.read} rows read`);
  io.stderr.write(`${formatSummary(summary)}\n`);
  return EXIT.OK;
}
