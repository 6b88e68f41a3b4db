import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readReport, readTable } from '../../src/table/read.ts';
import type { FeatureTable } from '../../src/table/schema.ts';

/** Where the labelled claim corpus lives (format: eval/cases/README.md). */
export const CASES_DIR = resolve(import.meta.dirname, '../../eval/cases');
const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where `real:` paths point: $FLOWLENS_REAL_DATA when set (only there: a missing folder then means
 * "no real data"), else <repo>/../shared/data/real (a checkout next to the shared data), else
 * /work/shared/data/real (a git worktree kept elsewhere). Undefined when there is none: real-data
 * cases are then skipped with a message, not failed.
 */
export function realDataDir(): string | undefined {
  const fromEnv = process.env['FLOWLENS_REAL_DATA'];
  const candidates = fromEnv !== undefined && fromEnv !== '' ? [fromEnv] : [resolve(REPO_ROOT, '../shared/data/real'), '/work/shared/data/real'];
  return candidates.find((dir) => existsSync(dir));
}

const SpanSchema = z.union([z.string().min(1), z.object({ span: z.string().min(1), why: z.string().optional() })]);
const CaseSchema = z
  .object({
    id: z.string(),
    style: z.enum(['seed', 'offline', 'llm', 'real-llm']),
    /** Which kind of material the case stands for; the held-out and open-world reports group by it. */
    material: z.string().optional(),
    source: z.string().optional(),
    table: z.record(z.string(), z.unknown()).optional(),
    table_file: z.string().optional(),
    /** JSON pointer (RFC 6901) into table_file, e.g. /2/result/flow_features. */
    table_pointer: z.string().optional(),
    /** 1-based line of a JSON-lines table_file (a Suricata eve.json event). */
    table_line: z.number().int().positive().optional(),
    report_file: z.string().optional(),
    narrative: z.string().optional(),
    narrative_file: z.string().optional(),
    /** JSON pointer into narrative_file: a string is the narrative, a list or object its JSON text (2-space indent); without it the file's whole text. */
    narrative_pointer: z.string().optional(),
    must_flag: z.array(SpanSchema).default([]),
    must_not_flag: z.array(SpanSchema).default([]),
  })
  .strict()
  .refine(
    (c) => c.report_file !== undefined || ((c.narrative !== undefined || c.narrative_file !== undefined) && (c.table !== undefined || c.table_file !== undefined)),
    'a case needs report_file, or narrative / narrative_file plus table / table_file',
  );
type Case = z.infer<typeof CaseSchema>;

export interface LabelledCase {
  id: string;
  file: string;
  style: string;
  material: string;
  narrative: string;
  /** Undefined when today's table reader refuses the table (see `refused`). */
  table?: FeatureTable;
  /** Why the table reader refused the table: the case then counts every must-flag span as missed. */
  refused?: string;
  mustFlag: string[];
  mustNotFlag: string[];
}

export interface CaseSet {
  cases: LabelledCase[];
  /** Files skipped because they read real data and no real-data folder exists. */
  skipped: string[];
}

const spanText = (s: z.infer<typeof SpanSchema>): string => (typeof s === 'string' ? s : s.span);

/** Resolve an RFC 6901 JSON pointer ("/2/result/flow_features"); throws naming the missing step. */
function atPointer(value: unknown, pointer: string, where: string): unknown {
  if (pointer === '') return value;
  if (!pointer.startsWith('/')) throw new Error(`${where}: JSON pointer must start with "/": ${pointer}`);
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(step in node)) throw new Error(`${where}: JSON pointer ${pointer} has no "${step}"`);
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

/** A case file's path: `real:<path>` under the real-data folder, anything else relative to the case's folder. */
function sourcePath(path: string, dir: string, real: string | undefined): string | undefined {
  if (!path.startsWith('real:')) return join(dir, path);
  return real === undefined ? undefined : join(real, path.slice('real:'.length));
}

function tableValue(c: Case, file: string, dir: string, real: string | undefined): unknown {
  if (c.table) return c.table;
  const path = sourcePath(c.table_file!, dir, real)!;
  const text = readFileSync(path, 'utf8');
  if (c.table_line !== undefined) {
    const line = text.split('\n')[c.table_line - 1];
    if (line === undefined) throw new Error(`${file}: ${c.table_file} has no line ${c.table_line}`);
    return atPointer(JSON.parse(line), c.table_pointer ?? '', `${file} (${c.table_file}:${c.table_line})`);
  }
  return atPointer(JSON.parse(text), c.table_pointer ?? '', `${file} (${c.table_file})`);
}

function narrativeText(c: Case, file: string, dir: string, real: string | undefined): string | undefined {
  if (c.narrative_file === undefined) return c.narrative;
  const text = readFileSync(sourcePath(c.narrative_file, dir, real)!, 'utf8');
  if (c.narrative_pointer === undefined) return text;
  const value = atPointer(JSON.parse(text), c.narrative_pointer, `${file} (${c.narrative_file})`);
  // a list or object (an agent's evidence list) is checked as its JSON text, as a structured answer is
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * Load every case of a folder, skipping (and listing) those that read real data when there is none.
 * A table the reader refuses is kept as `refused`, so a measurement can count it instead of crashing.
 * Throws when a labelled span is not an exact substring of its narrative.
 */
export function loadCaseSet(dir = CASES_DIR): CaseSet {
  const real = realDataDir();
  const cases: LabelledCase[] = [];
  const skipped: string[] = [];
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()) {
    const file = join(dir, f);
    const c = CaseSchema.parse(parse(readFileSync(file, 'utf8')));
    if (real === undefined && [c.table_file, c.narrative_file].some((p) => p?.startsWith('real:'))) {
      skipped.push(f);
      continue;
    }
    let narrative = narrativeText(c, file, dir, real) ?? '';
    let table: FeatureTable | undefined;
    let refused: string | undefined;
    if (c.report_file) {
      const text = readFileSync(join(dir, c.report_file), 'utf8');
      try {
        const report = readReport(text, c.report_file);
        narrative = c.narrative ?? report.narrative;
        table = report.table;
      } catch (error) {
        // the narrative is part of the report's text: keep the whole text so the spans still load
        narrative = c.narrative ?? text;
        refused = `${(error as Error).name}: ${(error as Error).message}`;
      }
    }
    if (c.table_file || c.table) {
      const value = tableValue(c, file, dir, real);
      try {
        table = readTable(value, c.table_file ?? file);
      } catch (error) {
        refused = `${(error as Error).name}: ${(error as Error).message}`;
      }
    }
    if (!table && refused === undefined) throw new Error(`${file}: no table`);
    const mustFlag = c.must_flag.map(spanText);
    const mustNotFlag = c.must_not_flag.map(spanText);
    for (const span of [...mustFlag, ...mustNotFlag]) if (!narrative.includes(span)) throw new Error(`${file}: span not in narrative: ${JSON.stringify(span)}`);
    cases.push({ id: c.id, file: f, style: c.style, material: c.material ?? c.style, narrative, ...(table ? { table } : {}), ...(refused === undefined ? {} : { refused }), mustFlag, mustNotFlag });
  }
  return { cases, skipped };
}

/** Load every case; real-data cases are skipped with a console message when the real data is absent. */
export function loadCases(dir = CASES_DIR): LabelledCase[] {
  const { cases, skipped } = loadCaseSet(dir);
  if (skipped.length > 0) console.log(`${dir}: ${skipped.length} case(s) skipped, no real-data folder (set FLOWLENS_REAL_DATA or put the data at <repo>/../shared/data/real): ${skipped.join(', ')}`);
  return cases;
}
