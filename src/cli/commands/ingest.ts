import { once } from 'node:events';
import { assertFlowsRead, defaultQuarantinePath, openFlows, type IngestSummary } from '../../ingest/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { openOutputStream } from './output-paths.ts';

interface IngestFlags extends InputFlags {
  out?: string;
  quiet?: boolean;
}

/** Above this share of quarantined rows the summary asks whether the format is right. */
const MOSTLY_BAD = 0.5;

/** One line a person can check: read = accepted + quarantined, then late flows, notes, skipped records and warnings. */
export function formatSummary(s: IngestSummary): string {
  const notes = Object.entries(s.notes).map(([code, n]) => `${code} ${n}`);
  const skipped = Object.entries(s.skipped ?? {}).map(([kind, n]) => `${kind} ${n}`);
  return [
    `${s.file} (${s.format}): read ${s.read} = accepted ${s.accepted} + quarantined ${s.quarantined}; late ${s.late}` +
      (s.outOfOrder ? ` (out of time order ${s.outOfOrder}, reordered or late)` : ''),
    `notes: ${notes.length > 0 ? notes.join(', ') : 'none'}`,
    ...(s.orderWarning !== undefined ? [`warning: ${s.orderWarning}`] : []),
    ...(s.truncated !== undefined ? [`warning: ${s.file}: ${s.truncated.reason} at line ${s.truncated.line}; the ${s.accepted} flows before it are kept (exit 2)`] : []),
    ...(s.read > 0 && s.accepted > 0 && s.quarantined / s.read > MOSTLY_BAD
      ? [`warning: ${s.quarantined} of ${s.read} rows were quarantined; is ${s.file} in another format than ${s.format}?`]
      : []),
    ...(skipped.length > 0 ? [`skipped non-flow records: ${skipped.join(', ')}`] : []),
    ...(s.quarantineFile !== undefined ? [`quarantined rows: ${s.quarantineFile}`] : []),
  ].join('\n');
}

/** The exit code an ingest summary asks for: a truncated input is bad input, even with its flows kept. */
export function ingestExit(s: IngestSummary): number {
  return s.truncated !== undefined ? EXIT.INPUT : EXIT.OK;
}

/**
 * `flowlens ingest <input>`: canonical flows as JSONL (to --out or stdout), the reconciled summary on stderr.
 * Quarantine default: `<out name>.quarantine.jsonl` next to --out, else `<input>.quarantine.jsonl` in the current directory.
 */
export const registerIngest: RegisterCommand = (program, io, setExit) => {
  addInputOptions(
    program
      .command('ingest <input>')
      .description('Read flows (CSV, JSONL, Zeek, Suricata, nfdump, goflow2 … gzip or not) and write canonical flows as JSONL')
      .option('--out <flows.jsonl>', 'write flows here instead of stdout'),
    'next to --out, else <input>.quarantine.jsonl here',
  )
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: IngestFlags) => setExit(await runIngest(input, flags, io)));
};

async function runIngest(input: string, flags: IngestFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'ingest: rows read', stream: io.stderr, quiet: flags.quiet ?? false });
  let last = 0;
  const options = {
    ...ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(input, flags.out), io),
    onProgress: (n: number) => {
      progress.tick(n - last);
      last = n;
    },
  };
  const source = await openFlows(input, options);
  const file = flags.out !== undefined ? await openOutputStream(flags.out, '--out') : undefined;
  const out = file?.stream ?? io.stdout;
  try {
    for await (const batch of source.batches()) {
      let text = '';
      for (const flow of batch) text += `${JSON.stringify(flow)}\n`;
      if (!out.write(text)) await once(out, 'drain');
    }
  } finally {
    await file?.finish();
  }
  const summary = source.summary();
  progress.done(`${summary.read}`);
  io.stderr.write(`${formatSummary(summary)}\n`);
  assertFlowsRead(summary, options);
  return ingestExit(summary);
}
