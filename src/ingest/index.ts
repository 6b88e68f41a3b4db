/**
 * ingest: files → canonical Flow records (zod-validated at the edge, bad rows quarantined, never dropped).
 * Other stages import only from here.
 */
export { openFlows, readAllFlows } from './open-flows.ts';
export { defaultQuarantinePath } from './quarantine.ts';
export { assertFlowsRead } from './assert-flows-read.ts';
export { DEFAULT_REORDER_WINDOW_MS } from './reorder-buffer.ts';
export { normalizeAddress } from './ip-address.ts';
export { FORMAT_NAMES } from './types.ts';
export type { FlowSource, IngestSummary, ReadFlowsOptions, FormatName, QuarantineRecord } from './types.ts';
export { FlowSchema, QualityNoteSchema, QualityNoteCode, TCP_FLAG_BITS } from './flow-schema.ts';
export type { Flow, QualityNote, TcpFlagName } from './flow-schema.ts';
