import { basename } from 'node:path';
import { enrichAlerts, formatSummary } from '../../run/index.ts';
import { createProgress } from '../../util/progress.ts';
import { EXIT } from '../exit-codes.ts';
import type { RegisterCommand } from '../program.ts';
import { addBatchOptions, configFromFlags, setupFromFlags, type BatchFlags } from './explain.ts';

interface EnrichFlags extends BatchFlags {
  out: string;
  flows?: string;
  results?: string;
}

/** `flowlens enrich alerts.jsonl --out enriched.jsonl [--flows FILE]`: add an explanation to every alert with a flow. */
export const registerEnrich: RegisterCommand = (program, io, setExit) => {
  addBatchOptions(
    program
      .command('enrich')
      .description('Add an `explanation` object to every JSONL alert that carries flow fields; every other field passes through unchanged')
      .argument('<alerts>', 'JSONL alerts (e.g. Suricata eve.json)')
      .requiredOption('--out <file>', 'enriched JSONL to write')
      .option('--flows <file>', 'flows the alerts\' flow ids point into (default: the alerts file itself)')
      .option('--results <file>', 'resumable results of the explanations (default <out>.results.jsonl)'),
  ).action(async (alerts: string, flags: EnrichFlags) => {
    const config = configFromFlags(flags);
    const progress = createProgress({ label: 'enrich', stream: io.stderr, quiet: flags.quiet ?? false });
    let total = 0;
    // The number of flows to explain is known only once the alerts are matched: set it on the first tick.
    const setup = await setupFromFlags(flags, config, () => progress.tick());
    setup.onProgress = (_settled, all) => {
      if (all !== total) progress.setTotal((total = all));
      progress.tick();
    };
    const s = await enrichAlerts({
      alertsFile: alerts,
      outFile: flags.out,
      resultsFile: flags.results ?? `${flags.out}.results.jsonl`,
      setup,
      ...(flags.flows ? { flowsFile: flags.flows } : {}),
    });
    progress.done(`${s.batch.total} flows`);
    io.stderr.write(
      `enrich ${basename(alerts)}: ${s.lines} lines: ${s.enriched} enriched, ${s.withoutFlow} without flow fields, ${s.flowNotFound} flow not found, ${s.failed} explanation failed\n`,
    );
    for (const warning of s.batch.warnings) io.stderr.write(`flowlens: warning: ${warning}\n`);
    io.stderr.write(`flowlens: ${formatSummary(s.batch)}\n`);
    io.stdout.write(`Wrote ${flags.out}\n`);
    setExit(s.failed > 0 ? EXIT.PARTIAL : EXIT.OK);
  });
};
