import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readReport, readTable } from '../../src/table/read.ts';
import type { FeatureTable } from '../../src/table/schema.ts';

/** Where the labelled claim corpus lives (format: eval/cases/README.md). */
export const CASES_DIR = resolve(import.meta.dirname, '../../eval/cases');

const SpanSchema = z.union([z.string().min(1), z.object({ span: z.string().min(1), why: z.string().optional() })]);
const CaseSchema = z
  .object({
    id: z.string(),
    style: z.enum(['seed', 'offline', 'llm', 'real-llm']),
    source: z.string().optional(),
    table: z.record(z.string(), z.unknown()).optional(),
    table_file: z.string().optional(),
    report_file: z.string().optional(),
    narrative: z.string().optional(),
    must_flag: z.array(SpanSchema).default([]),
    must_not_flag: z.array(SpanSchema).default([]),
  })
  .refine((c) => c.report_file !== undefined || (c.narrative !== undefined && (c.table !== undefined || c.table_file !== undefined)), 'a case needs report_file, or narrative plus table / table_file');

export interface LabelledCase {
  id: string;
  file: string;
  style: string;
  narrative: string;
  table: FeatureTable;
  mustFlag: string[];
  mustNotFlag: string[];
}

const spanText = (s: z.infer<typeof SpanSchema>): string => (typeof s === 'string' ? s : s.span);

/** Load every case; throws when a labelled span is not an exact substring of its narrative. */
export function loadCases(dir = CASES_DIR): LabelledCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const c = CaseSchema.parse(parse(readFileSync(file, 'utf8')));
      let narrative = c.narrative ?? '';
      let table: FeatureTable | undefined;
      if (c.report_file) {
        const report = readReport(readFileSync(join(dir, c.report_file), 'utf8'), c.report_file);
        narrative = c.narrative ?? report.narrative;
        table = report.table;
      }
      if (c.table_file) table = readTable(JSON.parse(readFileSync(join(dir, c.table_file), 'utf8')), c.table_file);
      if (c.table) table = readTable(c.table, file);
      if (!table) throw new Error(`${file}: no table`);
      const mustFlag = c.must_flag.map(spanText);
      const mustNotFlag = c.must_not_flag.map(spanText);
      for (const span of [...mustFlag, ...mustNotFlag]) if (!narrative.includes(span)) throw new Error(`${file}: span not in narrative: ${JSON.stringify(span)}`);
      return { id: c.id, file: f, style: c.style, narrative, table, mustFlag, mustNotFlag };
    });
}
