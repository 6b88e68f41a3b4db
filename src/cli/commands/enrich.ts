import { basename } from 'node:path';
import { defaultQuarantinePath } from '../../ingest/index.ts';
import { enrichAlerts, formatSummary } from '../../run/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { RegisterCommand } from '../program.ts';
import { addBatchOptions, configFromFlags, setupFromFlags, type BatchFlags } from './explain.ts';
import { formatSummary as formatIngestSummary, ingestExit } from './ingest.ts';
import { addInputOptions, ingestOptions, type InputFlags } from './input-options.ts';
import { prepareOutputFile } from './output-paths.ts';
import { addScoringOptions, scoringSelectOptions, validateSelectOptions, warnSmallBaseline, type ScoringFlags } from './scoring-options.ts';

interface EnrichFlags extends BatchFlags, InputFlags, ScoringFlags {
  out: string;
  flows?: string;
  results?: string;
}

/** `flowlens enrich alerts.jsonl --out enriched.jsonl [--flows FILE]`: add an explanation to every alert with a flow. */
export const registerEnrich: RegisterCommand = (program, io, setExit) => {
  const command = program
    .command('enrich')
    .description('Add an `explanation` object to every JSONL alert that carries flow fields; every other field passes through unchanged')
    .argument('<alerts>', 'JSONL alerts (e.g. Suricata eve.json)')
    .requiredOption('--out <file>', 'enriched JSONL to write')
    .option('--flows <file>', 'flows the alerts\' flow ids point into (default: the alerts file itself)')
    .option('--results <file>', 'resumable results of the explanations (default <out>.results.jsonl)');
  addBatchOptions(addInputOptions(addScoringOptions(command), 'next to --out')).action(async (alerts: string, flags: EnrichFlags) => {
    const select = {
      ...scoringSelectOptions(flags),
      ingest: ingestOptions(flags, flags.quarantine ?? defaultQuarantinePath(flags.flows ?? alerts, flags.out), io),
    };
    // Flags, configuration, provider and outputs first: a bad one fails before the flows are scored.
    validateSelectOptions(select);
    const config = configFromFlags(flags);
    const progress = createProgress({ label: 'enrich: explaining flows', stream: io.stderr, quiet: flags.quiet ?? false });
    let total = 0;
    // The number of flows to explain is known only once the alerts are matched: set it on the first tick.
    const setup = await setupFromFlags(flags, config, progress);
    setup.onProgress = (_settled, all) => {
      if (all !== total) progress.setTotal((total = all));
      progress.tick();
    };
    const resultsFile = flags.results ?? `${flags.out}.results.jsonl`;
    await prepareOutputFile(flags.out, '--out');
    await prepareOutputFile(resultsFile, '--results');
    const s = await enrichAlerts({ alertsFile: alerts, outFile: flags.out, resultsFile, setup, select, ...(flags.flows ? { flowsFile: flags.flows } : {}) });
    progress.done(`${s.batch.total} flows`);
    if (s.scoring) {
      io.stderr.write(`${formatIngestSummary(s.scoring.ingest)}\n`);
      warnSmallBaseline(s.scoring, io);
    }
    io.stderr.write(
      `enrich ${basename(alerts)}: ${s.lines} lines: ${s.enriched} enriched, ${s.withoutFlow} without flow fields, ${s.flowNotFound} flow not found, ${s.failed} explanation failed\n`,
    );
    for (const warning of s.batch.warnings) io.stderr.write(`flowlens: warning: ${warning}\n`);
    io.stderr.write(`flowlens: ${formatSummary(s.batch)}\n`);
    io.stdout.write(`Wrote ${flags.out}\n`);
    setExit(Math.max(s.scoring ? ingestExit(s.scoring.ingest) : EXIT.OK, s.failed > 0 ? EXIT.PARTIAL : EXIT.OK));
  });
};
