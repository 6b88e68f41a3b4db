import type { FormatName } from './types.ts';

const has = (names: Set<string>, ...wanted: string[]): boolean => wanted.some((w) => names.has(w.toLowerCase()));

/** Recognise a CSV header by its column names; null when it matches no known family. */
export function detectCsvHeader(headerLine: string): FormatName | null {
  const names = new Set(
    headerLine
      .split(/[,;\t|]/)
      .map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase()),
  );
  if (has(names, 'IPV4_SRC_ADDR', 'IPV6_SRC_ADDR', 'IP_SRC_ADDR') || (has(names, 'IN_BYTES') && has(names, 'PROTOCOL', 'PROTOCOL_NUM'))) return 'nprobe-csv';
  if (has(names, 'Src IP', 'Source IP', 'Flow Duration', 'Tot Fwd Pkts', 'Total Fwd Packets')) return 'cic-csv';
  if (has(names, 'sa') && has(names, 'da') && has(names, 'ts', 'ibyt')) return 'nfdump-csv';
  return null;
}

/** Recognise a JSON record by its keys. */
export function detectJsonRecord(record: Record<string, unknown>): FormatName | null {
  if ('event_type' in record) return 'suricata-eve';
  if ('id.orig_h' in record || ('uid' in record && 'id' in record)) return 'zeek-jsonl';
  if ('src_addr' in record && 'in_bytes' in record && 'notes' in record) return 'canonical-jsonl';
  if ('src_addr' in record || 'SrcAddr' in record) return 'goflow2-jsonl';
  if ('IPV4_SRC_ADDR' in record || 'IN_BYTES' in record) return 'nf-batch-json';
  return null;
}

/**
 * The format of a file from its first text: `[` → NF-v3 batch JSON array; `{` → JSON lines by keys;
 * `#` with `#fields` → Zeek TSV; otherwise a CSV header by its names. `mapped` means a --mapping was given.
 */
export function detectFormat(sample: string, mapped: boolean): FormatName | null {
  const text = sample.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return 'empty';
  if (text.startsWith('[')) return 'nf-batch-json';
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (text.startsWith('{')) {
    try {
      return detectJsonRecord(JSON.parse(firstLine) as Record<string, unknown>);
    } catch {
      return null;
    }
  }
  if (text.startsWith('#')) return /^#fields\t/m.test(text) || /^#separator /.test(text) ? 'zeek-tsv' : null;
  if (mapped) return 'mapped-csv';
  return detectCsvHeader(firstLine);
}
