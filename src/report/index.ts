/** Reports: Markdown per flow, JSONL enrichment, run index. */
export { writeReports, type WriteReportsOptions } from './write-reports.ts';
export { writeRunIndex, renderRunIndex, type RunIndexOptions } from './run-index.ts';
export { renderReport, REPORT_HEADINGS } from './render-report.ts';
export { explanationObject } from './explanation-object.ts';
export { groundingLine } from './grounding.ts';
export type { ExplanationInput, ExplanationObject, ReportEntry, WrittenReport } from './types.ts';
