import type { MissingColumnError } from '../../errors.ts';
import type { RowAt } from '../coerce.ts';
import type { Flow } from '../flow-schema.ts';
import type { FormatName } from '../types.ts';

/** What a format needs besides the header to build its row mapper. */
export interface CompileContext {
  file: string;
  /** Count a record that is deliberately not a flow (Suricata alert, stats …). */
  skip(kind: string): void;
  /** Parsed --mapping file, for mapped-csv. */
  mapping?: unknown;
  /** Labels by input id from a sibling ground-truth file (NF-v3 batches). */
  labelsById?: Map<string, Record<string, string>>;
  /** The first record aligned with the header (JSON containers only). */
  sample?: unknown[];
}

/** Converts one row (aligned with the header) into a Flow; null when the record is not a flow. Throws BadRowError. */
export type RowMapper = (row: unknown[], at: RowAt, rowNumber: number) => Flow | null;

export interface CompiledFormat {
  map: RowMapper;
  hasTime: boolean;
  hasFlags: boolean;
  /** Byte counts exclude headers (CICFlowMeter), so a low bytes-per-packet is normal. */
  payloadBytes?: boolean;
}

/** How a file is split into rows before the format gives them meaning. */
export type ContainerKind = 'csv' | 'zeek-tsv' | 'jsonl' | 'json-array';

export interface FormatSpec {
  name: FormatName;
  container: ContainerKind;
  /** JSON formats: keys always in the header, so records that omit them still line up. */
  knownKeys?: readonly string[];
  /** JSON formats: keep nested objects as values instead of flattening them to dotted keys. */
  nested?: boolean;
  /** Starts of a line that ends the data (nfdump's summary block). */
  trailers?: readonly string[];
  /** Build the mapper once per file; throws MissingColumnError for an absent required column. */
  compile(header: string[], ctx: CompileContext): CompiledFormat | Promise<CompiledFormat>;
}

export type { MissingColumnError };
