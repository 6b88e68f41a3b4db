import { z } from 'zod';
import { QualityNoteSchema } from '../ingest/index.ts';

/**
 * FeatureTable: THE contract between stages (DESIGN.md). One per explained flow; serialised as
 * JSON, rendered as Markdown for prompts and reports, read back by the checker.
 * Extend, don't break: new members are optional or additive.
 */
export const TABLE_SCHEMA_VERSION = 1;

export const BaselineStatsSchema = z.object({
  median: z.number().nullable(),
  p99: z.number().nullable(),
  /** Percentile (0–100) of this flow's value within the baseline; null when the value is null. */
  percentile: z.number().min(0).max(100).nullable(),
});
export type BaselineStats = z.infer<typeof BaselineStatsSchema>;

export const TableRowSchema = z.object({
  /** Registry name for features; the input's own name for raw fields (TCP_FLAGS, MIN_TTL, …). */
  name: z.string(),
  /** null = not applicable (see description), never a stand-in 0. */
  value: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  description: z.string(),
  baseline: BaselineStatsSchema.nullable().optional(),
  /** Signed share of the anomaly score attributed to this feature; null when not scored. */
  contribution: z.number().nullable().optional(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const FlowIdentitySchema = z.object({
  src_addr: z.string(),
  dst_addr: z.string(),
  src_port: z.number().int().nullable(),
  dst_port: z.number().int().nullable(),
  protocol: z.number().int(),
  /** IANA keyword for the protocol number (TCP, UDP, ICMP, IPv6-ICMP …). */
  protocol_name: z.string(),
  /** ISO 8601 UTC, or null when the input has no time fields. */
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export type FlowIdentity = z.infer<typeof FlowIdentitySchema>;

export const ScoreSchema = z.object({
  value: z.number(),
  /** robust-z | isolation-forest | column:<name> */
  method: z.string(),
  rank: z.number().int().positive(),
  /** null when the method has none; a table handed in without one has none. */
  threshold: z.number().nullable().default(null),
  /** How many flows were scored, for reading the rank. */
  of: z.number().int().positive().optional(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const WindowInfoSchema = z.object({
  seconds: z.number().positive(),
  /** Whether the window features could be computed; a table handed in with a window's length has them. */
  available: z.boolean().default(true),
  /** Why window features are null, when they are (e.g. "the input has no time fields (NF-v2)"). */
  reason: z.string().optional(),
});

export const FeatureTableSchema = z.object({
  schema_version: z.literal(TABLE_SCHEMA_VERSION).default(TABLE_SCHEMA_VERSION),
  flow_id: z.string(),
  source: z.object({ file: z.string(), line: z.number().int().positive() }).optional(),
  flow: FlowIdentitySchema.optional(),
  score: ScoreSchema.optional(),
  /** Registry features (src/features/registry.ts), ordered by |contribution| descending. */
  features: z.array(TableRowSchema),
  /** Other input fields the exporter gave (TCP_FLAGS, MIN_TTL, L7_PROTO, NUM_PKTS_* …). */
  fields: z.array(TableRowSchema).default([]),
  /** Data-quality notes from ingest: values that must not be read at face value. */
  notes: z.array(QualityNoteSchema).default([]),
  window: WindowInfoSchema.optional(),
  registry_version: z.number().int().optional(),
});
export type FeatureTable = z.infer<typeof FeatureTableSchema>;
