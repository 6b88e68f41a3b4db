import type { FormatName } from '../types.ts';
import { canonicalJsonl } from './canonical-jsonl.ts';
import { cicCsv } from './cic-csv.ts';
import type { FormatSpec } from './format-spec.ts';
import { goflow2Jsonl } from './goflow2-jsonl.ts';
import { mappedCsv } from './mapped-csv.ts';
import { nfBatchJson } from './nf-batch-json.ts';
import { nfdumpCsv } from './nfdump-csv.ts';
import { nprobeCsv } from './nprobe-csv.ts';
import { suricataEve } from './suricata-eve.ts';
import { zeekJsonl, zeekTsv } from './zeek-conn.ts';

/** Every readable format by name; `empty` has no reader (it yields nothing). */
export const FORMATS: Record<Exclude<FormatName, 'empty'>, FormatSpec> & Partial<Record<'empty', FormatSpec>> = {
  'nprobe-csv': nprobeCsv,
  'cic-csv': cicCsv,
  'nfdump-csv': nfdumpCsv,
  'mapped-csv': mappedCsv,
  'zeek-tsv': zeekTsv,
  'zeek-jsonl': zeekJsonl,
  'goflow2-jsonl': goflow2Jsonl,
  'suricata-eve': suricataEve,
  'nf-batch-json': nfBatchJson,
  'canonical-jsonl': canonicalJsonl,
};
