import { once } from 'node:events';
import { Option } from 'commander';
import { parseDuration } from './parse-duration.ts';
import { DEFAULT_WINDOW_MS, extractFeatures, FEATURE_NAMES, type FlowFeatures } from '../../features/index.ts';
import { assertFlowsRead, defaultQuarantinePath, openFlows, type Flow } from '../../ingest/index.ts';
import { createProgress } from '../../util/progress.ts';
import type { CliIo, RegisterCommand } from '../program.ts';
import { formatSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { openOutputStream } from './output-paths.ts';

type OutFormat = 'jsonl' | 'csv';

interface FeaturesFlags extends InputFlags {
  window: number;
  out?: string;
  outFormat?: OutFormat;
  quiet?: boolean;
}

/** Canonical fields written before the features (duration_ms is a feature, so it appears once). */
const CANONICAL = ['src_addr', 'dst_addr', 'src_port', 'dst_port', 'protocol', 'start_ms', 'end_ms', 'tcp_flags'] as const satisfies readonly (keyof Flow)[];

/**
 * `flowlens features <input>`: one row per accepted flow (id, canonical fields, quality notes, every
 * feature under its registry name) as JSONL (null) or CSV (null as an empty cell); summary on stderr.
 */
export const registerFeatures: RegisterCommand = (program, io, setExit) => {
  addInputOptions(
    program
      .command('features <input>')
      .description('Compute the per-flow and sliding-window features of every flow (one row per accepted flow)')
      .addOption(new Option('--window <duration>', 'sliding window W, e.g. 60s, 5m, 1500ms').argParser(parseDuration).default(DEFAULT_WINDOW_MS, '60s'))
      .option('--out <file>', 'write here (.csv → CSV, else JSONL) instead of stdout')
      .addOption(new Option('--out-format <kind>', 'output format (default: from --out, else jsonl)').choices(['jsonl', 'csv'])),
    'next to --out, else <input>.quarantine.jsonl here',
  )
    .option('--quiet', 'no progress on stderr')
    .action(async (input: string, flags: FeaturesFlags) => setExit(await runFeatures(input, flags, io)));
};

async function runFeatures(input: string, flags: FeaturesFlags, io: CliIo): Promise<number> {
  const progress = createProgress({ label: 'features', stream: io.stderr, quiet: flags.quiet ?? false });
  const options = ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(input, flags.out), io);
  const source = await openFlows(input, options);
  const kind: OutFormat = flags.outFormat ?? (flags.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  const file = flags.out !== undefined ? await openOutputStream(flags.out, '--out') : undefined;
  const out = file?.stream ?? io.stdout;
  let labelKeys: string[] | undefined;
  try {
    for await (const batch of extractFeatures(source, { windowMs: flags.window })) {
      let text = '';
      if (kind === 'csv' && labelKeys === undefined && batch.length > 0) {
        labelKeys = Object.keys(batch[0]!.flow.labels);
        text += `${csvHeader(labelKeys)}\n`;
      }
      for (const row of batch) {
        text += kind === 'csv' ? `${csvRow(row, labelKeys!)}\n` : `${jsonRow(row)}\n`;
        // written in pieces under 64 KB: longer strings go to V8's large-object space, freed only by a full GC
        if (text.length > WRITE_CHARS) {
          if (!out.write(text)) await once(out, 'drain');
          text = '';
        }
      }
      if (text !== '' && !out.write(text)) await once(out, 'drain');
      progress.tick(batch.length);
    }
    if (kind === 'csv' && labelKeys === undefined) out.write(`${csvHeader([])}\n`);
  } finally {
    await file?.finish();
  }
  const summary = source.summary();
  progress.done(`${summary.accepted} flows, window ${flags.window} ms`);
  io.stderr.write(`${formatSummary(summary)}\n`);
  assertFlowsRead(summary, options);
  return ingestExit(summary);
}

/** Output text is written once it passes this many characters (see the loop in runFeatures). */
const WRITE_CHARS = 48 * 1024;

/**
 * One object literal per row with every key in output order, generated once: JSON.stringify takes V8's fast
 * path on such objects (a row built key by key, then stringified, ran at ~13 µs a flow).
 */
const buildJsonRow = new Function(
  'flow',
  'features',
  'notes',
  `return { "id": flow.id, ${CANONICAL.map((k) => `${JSON.stringify(k)}: flow[${JSON.stringify(k)}]`).join(', ')}, "notes": notes, "labels": flow.labels, ` +
    `${FEATURE_NAMES.map((n) => `${JSON.stringify(n)}: features[${JSON.stringify(n)}]`).join(', ')} };`,
) as (flow: Flow, features: FlowFeatures['features'], notes: string[]) => object;
const NO_CODES: string[] = [];

function jsonRow({ flow, features }: FlowFeatures): string {
  return JSON.stringify(buildJsonRow(flow, features, flow.notes.length === 0 ? NO_CODES : flow.notes.map((n) => n.code)));
}

function csvHeader(labelKeys: readonly string[]): string {
  return ['id', ...CANONICAL, 'notes', ...labelKeys, ...FEATURE_NAMES].map(csvCell).join(',');
}

function csvRow({ flow, features }: FlowFeatures, labelKeys: readonly string[]): string {
  const cells: unknown[] = [flow.id];
  for (const key of CANONICAL) cells.push(flow[key]);
  cells.push(flow.notes.map((n) => n.code).join(';'));
  for (const key of labelKeys) cells.push(flow.labels[key]);
  for (const name of FEATURE_NAMES) cells.push(features[name]);
  return cells.map(csvCell).join(',');
}

/** null/undefined → empty cell; quote only what needs it. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
