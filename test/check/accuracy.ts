import { checkNarrative, type CheckedClaim } from '../../src/check/index.ts';
import type { FeatureTable } from '../../src/table/schema.ts';
import type { LabelledCase } from './load-cases.ts';

export interface SpanOutcome {
  case: string;
  span: string;
  hit: boolean;
  claims: string[];
}

export interface Accuracy {
  reports: number;
  /** Reports whose table the reader refused: all their must-flag spans count as missed. */
  refused: number;
  /** Reports on which the checker threw: counted like refused ones. */
  crashed: number;
  mustFlag: number;
  caught: number;
  mustNotFlag: number;
  falseFlags: number;
  recall: number;
  falseFlagRate: number;
  missed: SpanOutcome[];
  wronglyFlagged: SpanOutcome[];
  refusedCases: { case: string; reason: string }[];
  crashedCases: { case: string; reason: string }[];
}

/**
 * A must-flag span is caught when a contradicted or unsupported claim overlaps it (its first
 * occurrence); a must-not-flag span is falsely flagged when one does. A refused table catches
 * nothing and flags nothing.
 */
export function measure(cases: readonly LabelledCase[]): Accuracy {
  let caught = 0;
  let falseFlags = 0;
  let mustFlag = 0;
  let mustNotFlag = 0;
  const missed: SpanOutcome[] = [];
  const wronglyFlagged: SpanOutcome[] = [];
  const refusedCases: { case: string; reason: string }[] = [];
  const crashedCases: { case: string; reason: string }[] = [];
  for (const c of cases) {
    if (!c.table) refusedCases.push({ case: c.id, reason: c.refused ?? 'no table' });
    const flagged = c.table ? flaggedClaims(c.id, c.narrative, c.table, crashedCases) : [];
    const over = (span: string): string[] => {
      const start = c.narrative.indexOf(span);
      const end = start + span.length;
      return flagged.filter((x) => x.start < end && x.end > start).map((x) => `${x.verdict} ${x.kind} "${x.text}": ${x.reason}`);
    };
    for (const span of c.mustFlag) {
      mustFlag++;
      const hits = over(span);
      if (hits.length > 0) caught++;
      else missed.push({ case: c.id, span, hit: false, claims: [] });
    }
    for (const span of c.mustNotFlag) {
      mustNotFlag++;
      const hits = over(span);
      if (hits.length > 0) {
        falseFlags++;
        wronglyFlagged.push({ case: c.id, span, hit: true, claims: hits });
      }
    }
  }
  return {
    reports: cases.length,
    refused: refusedCases.length,
    crashed: crashedCases.length,
    mustFlag,
    caught,
    mustNotFlag,
    falseFlags,
    recall: mustFlag === 0 ? 1 : caught / mustFlag,
    falseFlagRate: mustNotFlag === 0 ? 0 : falseFlags / mustNotFlag,
    missed,
    wronglyFlagged,
    refusedCases,
    crashedCases,
  };
}

/** The contradicted or unsupported claims; a checker that throws is recorded and flags nothing, so one bad case cannot hide the others' figures. */
function flaggedClaims(id: string, narrative: string, table: FeatureTable, crashed: { case: string; reason: string }[]): CheckedClaim[] {
  try {
    return checkNarrative(narrative, table).claims.filter((x) => x.verdict === 'contradicted' || x.verdict === 'unsupported');
  } catch (error) {
    crashed.push({ case: id, reason: `${(error as Error).name}: ${(error as Error).message}` });
    return [];
  }
}

/** The measurement per material (LabelledCase.material), in first-seen order. */
export function measureByMaterial(cases: readonly LabelledCase[]): { material: string; result: Accuracy }[] {
  const materials = [...new Set(cases.map((c) => c.material))];
  return materials.map((material) => ({ material, result: measure(cases.filter((c) => c.material === material)) }));
}

const pct = (x: number): string => x.toFixed(3);

/**
 * The figures as printed by the corpus tests: totals, a per-material table, then (unless `summaryOnly`)
 * each refused case, miss and false flag. A blind set prints the summary only, so that running the suite
 * does not show its claims to whoever tunes the checker.
 */
export function formatReport(title: string, cases: readonly LabelledCase[], skipped: readonly string[], summaryOnly = false): string {
  const all = measure(cases);
  const row = (name: string, r: Accuracy): string =>
    `| ${name} | ${r.reports} | ${r.refused} | ${r.crashed} | ${r.mustFlag} | ${r.caught} | ${pct(r.recall)} | ${r.mustNotFlag} | ${r.falseFlags} | ${pct(r.falseFlagRate)} |`;
  return [
    `${title}`,
    `reports ${all.reports}; tables refused ${all.refused}; checker threw on ${all.crashed}; must-flag spans ${all.mustFlag}, caught ${all.caught}: recall ${pct(all.recall)}; must-not-flag spans ${all.mustNotFlag}, falsely flagged ${all.falseFlags}: false-flag rate ${pct(all.falseFlagRate)}`,
    ...(skipped.length > 0 ? [`skipped (no real-data folder): ${skipped.join(', ')}`] : []),
    '| material | reports | refused | threw | must-flag | caught | recall | must-not-flag | falsely flagged | false-flag rate |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...measureByMaterial(cases).map(({ material, result }) => row(material, result)),
    row('**all**', all),
    ...(summaryOnly ? [] : detailLines(all)),
  ].join('\n');
}

/** One line per refused or crashed case, missed must-flag span and falsely flagged span. */
function detailLines(all: Accuracy): string[] {
  return [
    ...all.refusedCases.map((r) => `  refused  [${r.case}] ${r.reason.split('\n')[0]}`),
    ...all.crashedCases.map((r) => `  threw    [${r.case}] ${r.reason.split('\n')[0]}`),
    ...all.missed.map((m) => `  missed   [${m.case}] ${JSON.stringify(m.span)}`),
    ...all.wronglyFlagged.map((m) => `  flagged  [${m.case}] ${JSON.stringify(m.span)} ← ${m.claims.join(' | ')}`),
  ];
}
