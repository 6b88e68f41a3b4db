import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkNarrative, type CheckedClaim, type CheckResult } from '../../check/index.ts';
import { InputError } from '../../errors.ts';
import { readReport, readTable, type FeatureTable } from '../../table/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo, RegisterCommand } from '../program.ts';

interface CheckFlags {
  table?: string;
  json?: boolean;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError({ file, expected: 'a readable file' }, `Cannot read ${file} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  }
}

function loadTable(file: string): FeatureTable {
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError({ file, field: 'table', expected: 'JSON: a FeatureTable or a flat {"FEATURE": value} object' }, undefined, { cause });
  }
  return readTable(value, file);
}

const COLOURS: Record<CheckedClaim['verdict'], string> = { supported: '\x1b[32m', contradicted: '\x1b[31m', unsupported: '\x1b[33m', speculative: '\x1b[36m' };

function formatClaim(c: CheckedClaim, colour: boolean): string {
  const label = c.verdict.toUpperCase().padEnd(12);
  const tag = colour ? `${COLOURS[c.verdict]}${label}\x1b[0m` : label;
  const ev = c.evidence ? `\n      evidence: ${c.evidence.rows.map((r, i) => `${r}=${JSON.stringify(c.evidence!.values[i] ?? null)}`).join(', ')}${c.evidence.derivation ? `; ${c.evidence.derivation}` : ''}` : '';
  return `${tag} ${c.start}-${c.end} ${JSON.stringify(c.text)}\n      ${c.reason}${ev}`;
}

function formatSummary(result: CheckResult): string {
  const s = result.summary;
  return `${s.claims} claims: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported, ${s.speculative} speculative; supported share ${(100 * s.supported_share).toFixed(1)} %; ${s.grounded ? 'grounded' : 'NOT grounded'}`;
}

function writeResult(io: CliIo, result: CheckResult, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ claims: result.claims, summary: result.summary }, null, 2)}\n`);
    return;
  }
  const colour = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  for (const claim of result.claims) io.stdout.write(`${formatClaim(claim, colour)}\n`);
  io.stdout.write(`${formatSummary(result)}\n`);
}

/** `flowlens check <report> [--table table.json] [--json]`: claim-level verdicts; exit 1 when anything is contradicted or unsupported. */
export const registerCheck: RegisterCommand = (program: Command, io, setExit) => {
  program
    .command('check')
    .description('Check every claim of a narrative against its feature table (supported, contradicted, unsupported, speculative)')
    .argument('<report>', 'a Markdown report in the seed layout, a JSON report of flowlens, or a plain-text narrative')
    .option('--table <file>', 'the FeatureTable JSON (or flat {"FEATURE": value} object) the narrative was written from; default: the table inside the report')
    .option('--json', 'write { claims: [...], summary } as JSON')
    .action((report: string, flags: CheckFlags) => {
      const parsed = readReport(readText(report), report);
      const table = flags.table !== undefined ? loadTable(flags.table) : parsed.table;
      if (!table) {
        throw new InputError({ file: report, field: 'table', expected: 'an "Observable Features" table in the report, a `table` member, or --table <file>' }, `No feature table in ${report}; pass --table <file>`);
      }
      const result = checkNarrative(parsed.narrative, table);
      writeResult(io, result, flags.json === true);
      setExit(result.summary.grounded ? EXIT.OK : EXIT.FINDINGS);
    });
};
