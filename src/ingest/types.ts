import type { Flow, QualityNoteCode } from './flow-schema.ts';

/** Every input format ingest reads. `empty` is reported for a file with no bytes at all. */
export type FormatName =
  | 'nprobe-csv'
  | 'cic-csv'
  | 'nfdump-csv'
  | 'mapped-csv'
  | 'zeek-tsv'
  | 'zeek-jsonl'
  | 'goflow2-jsonl'
  | 'suricata-eve'
  | 'nf-batch-json'
  | 'canonical-jsonl'
  | 'empty';

export const FORMAT_NAMES: readonly FormatName[] = [
  'nprobe-csv',
  'cic-csv',
  'nfdump-csv',
  'mapped-csv',
  'zeek-tsv',
  'zeek-jsonl',
  'goflow2-jsonl',
  'suricata-eve',
  'nf-batch-json',
  'canonical-jsonl',
  'empty',
];

/** Options for openFlows / readAllFlows. */
export interface ReadFlowsOptions {
  /** Skip detection and read the input as this format. @default detected from the header / first record */
  format?: FormatName;
  /** YAML file mapping another CSV's columns to canonical fields (see fixtures/flows/ingest/mapping.yaml). */
  mappingFile?: string;
  /**
   * Where bad rows go (JSONL: file, line, field, value, reason). Created only when a row is bad.
   * @default `<input basename>.quarantine.jsonl` in the current directory
   */
  quarantineFile?: string;
  /** Fail with BadRatioError when quarantined / read exceeds this (checked after every row from the 1,000th, and at the end). @default 1 (never) */
  maxBadRatio?: number;
  /**
   * Reorder buffer, in flow time. `Infinity` sorts the whole input (held in memory up to 200,000 flows; past
   * that the oldest leave early and anything older is late). @default 300000 (5 min)
   */
  reorderWindowMs?: number;
  /**
   * The first this many flows are held and sorted exactly before the reorder window applies, so an input of
   * up to that many flows is sorted whole, whatever its order; 0 turns this off. @default 50000
   */
  reorderHoldFlows?: number;
  /** Called at once when the input is clearly not in time order (see OrderCheck); also in summary.orderWarning. */
  onWarning?: (message: string) => void;
  /** Called now and then with the number of data rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /**
   * Read, parse and map the rows on a worker thread while this thread takes the flows in (a text input;
   * the same flows, summary and quarantine). Pays on a large input with a core to spare. @default false
   */
  parseThread?: boolean;
}

/** The reconciled account of one ingest: read = accepted + quarantined. */
export interface IngestSummary {
  file: string;
  format: FormatName;
  /** Data records read (header, comments, blank lines and skipped non-flow events excluded). */
  read: number;
  accepted: number;
  quarantined: number;
  /** Accepted flows that arrived after flows later in time had already been emitted (carry a `late-flow` note). */
  late: number;
  /** Accepted flows that started before a flow read earlier (late ones included); inputs with time only. */
  outOfOrder?: number;
  /** Set when the input is clearly not in time order (≥ 10 % late): what was seen and what to do about it. */
  orderWarning?: string;
  /** Accepted flows per data-quality note code. */
  notes: Partial<Record<QualityNoteCode, number>>;
  /** Records that are not flows and were skipped on purpose (Suricata alert/dns/stats … events), by type. */
  skipped?: Record<string, number>;
  /** Set when at least one row was quarantined. */
  quarantineFile?: string;
  /** Set when a gzip input ends early or turns corrupt: the line it stops in (quarantined) and why. */
  truncated?: { line: number; reason: string };
}

/** An opened input: metadata known after the header, and the flows as a stream of batches. */
export interface FlowSource {
  file: string;
  format: FormatName;
  /** Column names as found (JSON formats: the first record's keys, nested ones joined with dots). */
  header: string[];
  /** The input has flow start times (window features can be computed). */
  hasTime: boolean;
  /** The input has TCP flags (src_syn_flows can be computed). */
  hasFlags: boolean;
  /** Flows in (start time, input order) within the reorder window; single use. */
  batches(): AsyncIterable<Flow[]>;
  /** Counts so far; final once batches() is exhausted. */
  summary(): IngestSummary;
}

/** One quarantine line. */
export interface QuarantineRecord {
  file: string;
  line: number;
  field: string;
  value: unknown;
  reason: string;
}
