import type { RegisterCommand } from '../program.ts';

/** A subcommand as the top-level help lists it, and how to load its module when it is the one that runs. */
export interface CommandEntry {
  name: string;
  /** The help listing's term for it, as commander prints it for the registered command. */
  term: string;
  summary: string;
  load: () => Promise<RegisterCommand>;
}

/**
 * Every subcommand, in pipeline order. Only the command that runs is imported (startup is what a user waits
 * for on every call); the others appear in the help listing by term and summary. Each module under
 * commands/ exports one `register*` function: add it here. test/cli/commands/lazy-commands.test.ts checks
 * that term and summary match what the module registers.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'synth',
    term: 'synth [options]',
    summary: 'Write seeded synthetic flows (background traffic + labelled scenarios + the seed flow) as NF-v3-style CSV',
    load: async () => (await import('./synth.ts')).registerSynth,
  },
  {
    name: 'ingest',
    term: 'ingest [options] <input>',
    summary: 'Read flows (CSV, JSONL, Zeek, Suricata, nfdump, goflow2 … gzip or not) and write canonical flows as JSONL',
    load: async () => (await import('./ingest.ts')).registerIngest,
  },
  {
    name: 'features',
    term: 'features [options] [input]',
    summary: 'Compute the per-flow and sliding-window features of every flow (one row per accepted flow)',
    load: async () => (await import('./features.ts')).registerFeatures,
  },
  { name: 'baseline', term: 'baseline', summary: 'Fit and save baselines', load: async () => (await import('./baseline.ts')).registerBaseline },
  {
    name: 'score',
    term: 'score [options] <input>',
    summary: 'Score every flow against a baseline and write a FeatureTable JSON per selected flow',
    load: async () => (await import('./score.ts')).registerScore,
  },
  {
    name: 'explain',
    term: 'explain [options] <tables>',
    summary: 'Explain FeatureTables (a table.json or a directory of them): reports, explanations.jsonl, index.md',
    load: async () => (await import('./explain.ts')).registerExplain,
  },
  {
    name: 'run',
    term: 'run [options] <flows>',
    summary: 'The whole pipeline on a flow file: score, explain the top N, write reports, check each explanation',
    load: async () => (await import('./run.ts')).registerRun,
  },
  {
    name: 'enrich',
    term: 'enrich [options] <alerts>',
    summary: 'Add an `explanation` object to every JSONL alert that carries flow fields; every other field passes through unchanged',
    load: async () => (await import('./enrich.ts')).registerEnrich,
  },
  {
    name: 'check',
    term: 'check [options] <report>',
    summary: 'Check every claim of a narrative against its feature table (supported, contradicted, unsupported, speculative)',
    load: async () => (await import('./check.ts')).registerCheck,
  },
  {
    name: 'eval',
    term: 'eval [options] <suite>',
    summary: 'Run an eval suite: prompt versions side by side, every claim checked; summary.md, result.json, report.html',
    load: async () => (await import('./eval.ts')).registerEval,
  },
  { name: 'schema', term: 'schema <name>', summary: 'Print a JSON Schema: table (the FeatureTable)', load: async () => (await import('./schema.ts')).registerSchema },
];

/**
 * The modules of the commands that argv runs: the first word that is not an option (`flowlens score …`),
 * or the one after `help`. Nothing for `flowlens --help`, so the listing loads no command module.
 */
export async function loadCommands(argv: readonly string[], all = false): Promise<Map<string, RegisterCommand>> {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  const wanted = COMMANDS.filter((c) => all || c.name === name);
  return new Map(await Promise.all(wanted.map(async (c) => [c.name, await c.load()] as const)));
}
