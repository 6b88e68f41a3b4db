import { z } from 'zod';

/** Artifacts exporters produce that a model would misread; attached to the flow, never silently "fixed". */
export const QualityNoteCode = z.enum([
  'wrapped-duration',
  'counter-max',
  'end-before-start',
  'bytes-per-packet-low',
  'bytes-per-packet-high',
  'flags-on-non-tcp',
  'rate-implausible',
  'late-flow',
]);
export type QualityNoteCode = z.infer<typeof QualityNoteCode>;

export const QualityNoteSchema = z.object({
  code: QualityNoteCode,
  /** Canonical or input field the note is about. */
  field: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  /** One sentence for an analyst (and for the prompt): what is wrong and how to read the value. */
  message: z.string(),
});
export type QualityNote = z.infer<typeof QualityNoteSchema>;

const count = z.number().finite().nonnegative();
const port = z.number().int().min(0).max(65535).nullable();

/**
 * The canonical flow every reader produces. Direction follows nProbe: IN is source → destination
 * (Zeek `orig_*` IP bytes, Suricata `toserver`), OUT the reverse. Times are epoch milliseconds, UTC.
 */
export const FlowSchema = z.object({
  /** The input's own id (Zeek uid, flow_id, FLOW_ID, ID) or else the 1-based data row number. */
  id: z.string().min(1),
  /** 1-based physical line in the input file (for error context). */
  line: z.number().int().positive(),
  src_addr: z.string().min(1),
  dst_addr: z.string().min(1),
  src_port: port,
  dst_port: port,
  /** IANA protocol number (6 TCP, 17 UDP, 1 ICMP, 58 IPv6-ICMP). */
  protocol: z.number().int().min(0).max(255),
  start_ms: z.number().finite().nullable(),
  end_ms: z.number().finite().nullable(),
  duration_ms: z.number().finite().nonnegative().nullable(),
  in_bytes: count,
  in_pkts: count,
  out_bytes: count.nullable(),
  out_pkts: count.nullable(),
  /** Cumulative TCP flags bitmask (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128); null when the input has none. */
  tcp_flags: z.number().int().min(0).max(255).nullable(),
  /** Other input columns, by their input name (MIN_TTL, L7_PROTO, service, …); carried for the table. */
  fields: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  /** Ground-truth columns (Label, Attack, detailed-label …): carried through, never used as features. */
  labels: z.record(z.string(), z.string()),
  notes: z.array(QualityNoteSchema),
});
export type Flow = z.infer<typeof FlowSchema>;

export const TCP_FLAG_BITS = {
  FIN: 1,
  SYN: 2,
  RST: 4,
  PSH: 8,
  ACK: 16,
  URG: 32,
  ECE: 64,
  CWR: 128,
} as const;
export type TcpFlagName = keyof typeof TCP_FLAG_BITS;
