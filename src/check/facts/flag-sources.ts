import { describeField } from '../deps.ts';
import { keyTokens } from './key-tokens.ts';
import { sharedMemo } from './shared-memo.ts';
import { TCP_FLAG_BITS } from '../lexicon/terms.ts';
import { isFeatureName } from './feature-rows.ts';
import type { FactRow, TableFacts } from './table-facts.ts';

export const ALL_FLAGS = 0xff;

/**
 * What a table shows of the TCP flags, whatever form its schema gives them in: a bitmask (nProbe
 * TCP_FLAGS, IPFIX tcpControlBits, goflow2 tcp_flags), a hex string (Suricata tcp.tcp_flags "1b"),
 * Zeek's history letters, or one field per flag (CICFlowMeter "SYN Flag Cnt", EVE tcp.syn). `known`
 * holds the flags the rows speak of: a claim about another flag is not backed either way.
 */
export function flagSources(facts: TableFacts): { rows: FactRow[]; mask: number; known: number } {
  const whole: FactRow[] = [];
  const perFlag: FactRow[] = [];
  let mask = 0;
  let known = 0;
  let wholeMask = 0;
  for (const row of facts.rows.values()) {
    if (row.value === null || isFeatureName(row.key)) continue;
    const read = readFlags(row);
    if (read === undefined) continue;
    (read.known === ALL_FLAGS ? whole : perFlag).push(row);
    if (read.known === ALL_FLAGS) wholeMask |= read.mask;
    mask |= read.mask;
    known |= read.known;
  }
  // the flow's own flags field, when there is one, is the answer; the per-side ones add nothing it lacks
  const main = whole.find((r) => describeField(r.key, r.value).role === 'either');
  if (main) return { rows: [main], mask: readFlags(main)!.mask, known: ALL_FLAGS };
  if (whole.length > 0 && perFlag.length === 0) return { rows: whole, mask: wholeMask, known: ALL_FLAGS };
  return { rows: [...whole, ...perFlag], mask, known };
}

/** Flags as 8 positional characters, the letter where set and a placeholder where not: Snort's "1 2 U A P R S F" with '*', nfdump's "C E U A P R S F" with '.' ("...A..S."). */
const POSITIONAL_FLAGS = /^[12C*.][2E*.][U*.][A*.][P*.][R*.][S*.][F*.]$/;
/** The six classic flags alone, "U A P R S F" with '.' where unset, as ipfixcol2 and nfdump's older output write them (".AP.SF"). */
const POSITIONAL_SIX = /^[U*.][A*.][P*.][R*.][S*.][F*.]$/;
/** The bit of each of Snort's 8 flag characters, in order: CWR, ECE, URG, ACK, PSH, RST, SYN, FIN. */
const POSITION_BITS = [0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01];

/** Zeek history letters that are flags (either case: upper is the originator, lower the responder). */
const HISTORY_LETTERS: Readonly<Record<string, number>> = { s: TCP_FLAG_BITS['SYN']!, h: TCP_FLAG_BITS['SYN']! | TCP_FLAG_BITS['ACK']!, a: TCP_FLAG_BITS['ACK']!, f: TCP_FLAG_BITS['FIN']!, r: TCP_FLAG_BITS['RST']! };
const HISTORY_KNOWN = TCP_FLAG_BITS['SYN']! | TCP_FLAG_BITS['ACK']! | TCP_FLAG_BITS['FIN']! | TCP_FLAG_BITS['RST']!;

/** The flags one row shows set, and which flags it speaks of at all; undefined for a row that is no flags field. */
export function readFlags(row: FactRow): { mask: number; known: number } | undefined {
  const field = describeField(row.key, row.value);
  const single = singleFlag(row.key) ?? undefined;
  // booleans were read as 1 and 0 (read.ts)
  if (single !== undefined && (typeof row.value === 'number' || row.value === 'true' || row.value === 'false')) {
    const set = row.value === 'true' || (typeof row.value === 'number' && row.value > 0);
    return { mask: set ? single : 0, known: single };
  }
  if (field.dimension !== 'tcp-flags') return undefined;
  // a hex string of digits only ("13") was read as a number: its digits are still hex
  if (typeof row.value === 'number' && field.unit === 'hex bitmask') return readFlagsText(String(row.value));
  if (typeof row.value === 'number') return Number.isInteger(row.value) && row.value >= 0 && row.value <= 0xfff ? { mask: row.value & ALL_FLAGS, known: ALL_FLAGS } : undefined;
  const text = String(row.value).trim();
  const six = POSITIONAL_SIX.test(text);
  if (six || POSITIONAL_FLAGS.test(text)) {
    let mask = 0;
    const shift = six ? 2 : 0;
    for (let i = 0; i < text.length; i++) if (text[i] !== '*' && text[i] !== '.') mask |= POSITION_BITS[i + shift]!;
    return { mask, known: ALL_FLAGS };
  }
  if (field.unit === 'flag letters') {
    let mask = 0;
    for (const c of text.toLowerCase()) mask |= HISTORY_LETTERS[c] ?? 0;
    return { mask, known: HISTORY_KNOWN };
  }
  return readFlagsText(text);
}

function readFlagsText(text: string): { mask: number; known: number } | undefined {
  if (/^(?:0x)?[0-9a-f]{1,3}$/i.test(text)) return { mask: parseInt(text.replace(/^0x/i, ''), 16) & ALL_FLAGS, known: ALL_FLAGS };
  return undefined;
}

/** The one flag a field counts or marks (`SYN Flag Cnt`, `tcp.syn`, `syn_flag_count`); undefined for other fields. Read once per key across tables. */
const singleFlag = sharedMemo((key: string): number | null => singleFlagOf(key) ?? null);

function singleFlagOf(key: string): number | undefined {
  const tokens = keyTokens(key);
  let bit: number | undefined;
  for (const t of tokens) {
    const b = TCP_FLAG_BITS[t.toUpperCase()];
    if (b === undefined) continue;
    if (bit !== undefined) return undefined;
    bit = b;
  }
  if (bit === undefined) return undefined;
  // a field that names one flag: "flag", "cnt"/"count", or the flag alone under a tcp object
  return tokens.includes('flag') || tokens.includes('flags') || tokens.includes('cnt') || tokens.includes('count') || tokens.includes('tcp') ? bit : undefined;
}
