import type { Dimension } from './facts/dimension.ts';
import type { Sentence } from './text/segment.ts';
import type { ClaimKind, Evidence, Verdict } from './types.ts';

/** "the top decile", "the bottom 5 %": the share of the baseline a value is said to lie in, from one end. */
export interface PercentileBand {
  side: 'top' | 'bottom';
  /** Width of the band in percent (a decile is 10). */
  width: number;
}

/** A row name found in the narrative: the phrase and the row keys it may mean. */
export interface Mention {
  start: number;
  end: number;
  phrase: string;
  keys: readonly string[];
  /** An exact field name (IN_BYTES, src_IN_PKTS_sum) rather than a natural form ("duration"). */
  exact: boolean;
}

/** A number as written, with the unit interpretations it allows. */
export interface NumberText {
  /** The number in the unit written (4.76 for "4.76 MB"). */
  value: number;
  /** Half a step of the last digit written, in that unit. */
  halfStep: number;
  unit?: string;
  /** Base-unit readings: MB may be 10^6 or 2^20 bytes. */
  readings: ReadonlyArray<{ dim: Dimension; factor: number }>;
  /** The bounds as written, when the figure is a range ("between 40 and 60 bytes"): value is its middle. */
  range?: [number, number];
  /** "about" / "over" / "under" as written before the number. */
  bound?: 'approx' | 'over' | 'under';
}

/** One side of a relation: the rows it may be (the first the table holds is used) and how the text named it. */
export interface Operand {
  keys: readonly string[];
  phrase: string;
}

export interface ClaimPayloads {
  /** `messages`: a count of requests or replies, read as packets only where each message is one (UDP, ICMP). `message`: the message noun a figure counts ("500 requests per second", "40 login attempts"), judged even where a message is no packet. `occurrences`: "fired 8 times", how often something happened, not a factor. */
  /** `initial`: a TTL said to be the sender's starting value ("an initial TTL of 64"). */
  quantity: { number: NumberText; mention?: Mention; qualifier?: string; context: readonly string[]; side?: 'in' | 'out'; messages?: true; initial?: true; payload?: true; message?: string; occurrences?: true };
  /** `client` / `server`: the connection's roles, mapped to a side of the record by its ports when judged. */
  /** `hardware`: a MAC address ("00:1b:21:3a:4f:90"), checked against the record's MAC fields. */
  address: { address: string; role?: 'src' | 'dst' | 'client' | 'server'; hardware?: true; prefix?: number };
  port: { port: number; role?: 'src' | 'dst' | 'client' | 'server' };
  service: { service: string; port: number };
  protocol: { name?: string; number?: number };
  'address-family': { family: 4 | 6 };
  /** `zoneless`: a clock time written with no zone ("at 02:17"), which may be UTC or the clock the record writes its times in. */
  /** `yearless`: a day of a month with no year ("on 21 November"): only its month and day are said. */
  timestamp: { iso: string; precision: 'day' | 'minute' | 'second'; timeOnly: boolean; validity?: 'not-after' | 'not-before'; zoneless?: true; yearless?: true };
  /** `exact`: the flags given as the whole set that was set; `decomposes`: the value it spells out ("20 (ACK and RST)"); `side`: whose flags. */
  'tcp-flags': { flags: ReadonlyArray<{ flag: string; set: boolean }>; value?: number; field?: string; exact?: boolean; decomposes?: number; side?: 'src' | 'dst' };
  comparative: { word: string; direction: 'high' | 'low' | 'typical' | 'unusual'; strong: boolean; mention: Mention; band?: PercentileBand };
  'value-range': { value: number; mention: Mention };
  'absent-field': { mention: Mention };
  entity: { category: string; term: string };
  share: { subject: 'traffic' | 'packets' | 'bytes'; direction?: 'in' | 'out'; balanced?: boolean; size?: 'small' | 'large'; none?: boolean };
  'null-reading': { phrase: string };
  /** `party`: who is said to open it — an address, or a party word ("client", "source") — when the sentence names one. */
  initiation: { phrase: string; negated?: true; party?: { address: string } | { word: string } };
  /** A value copied from the record: an HTTP status or method, a rule id, a path or file name. */
  literal: { kind: 'http status' | 'http method' | 'rule id' | 'path' | 'version' | 'software' | 'hostname' | 'label' | 'conn state' | 'asn'; value: string; side?: 'src' | 'dst' };
  /** A field named and given a value ("app_proto is http", "the flow state was closed"). */
  /** `judgement`: the value is an adjective of judgement ("malicious"), a claim only where the field holds it. */
  'field-value': { field: string; value: string; quoted: boolean; judgement: boolean };
  /** A count of a list's items or of one field's different values over them ("five different user names"). */
  'list-count': { count: number; distinct: boolean; noun: string };
  'end-reason': { reason: 'idle-timeout' | 'active-timeout' | 'timeout' | 'end-of-flow' | 'forced' | 'shutdown' | 'resources' };
  alerted: { raised: boolean };
  'packet-direction': { toward: 'server' | 'client' };
  /** Which side reset (aborted) the connection: "the responder aborted it", "the client sent a RST". */
  'reset-by': { side: 'src' | 'dst' };
  'list-same': { what: 'port' | 'address' | 'user' | 'host'; side?: 'src' | 'dst'; same: boolean };
  /** Where an address lives, by the address or by the party whose address it is. */
  'address-scope': { address?: string; party?: string; scope: 'internal' | 'external' };
  /** A DNS record type or response code by name ("AAAA", "NXDOMAIN"). */
  dns: { field: 'type' | 'response code'; name: string };
  /** An ICMP message by name ("echo request") or by number ("type 3", "code 1"). */
  icmp: { name?: string; type?: number; code?: number };
  /** Two values of the record related: equal, different, the left `factor` times the right, or the left more or less than the right. */
  /** `percent`: the factor as written in percent more (+) or less (−) than the right operand ("20% more"). */
  relation: { left: Operand; right: Operand; relation: 'same' | 'different' | 'ratio' | 'more' | 'less'; factor?: number; percent?: number };
}

/** A claim as extracted, before judging: where it is, how it is worded, and what it asserts. */
export type Claim<K extends ClaimKind = ClaimKind> = {
  [P in K]: { kind: P; start: number; end: number; sentence: Sentence; data: ClaimPayloads[P] };
}[K];

/** A checker's answer for one claim (the span is the claim's). */
export interface Judgement {
  verdict: Verdict;
  evidence?: Evidence;
  reason: string;
  /**
   * false when a hedge cannot make an unsupported claim speculative: a quoted value the table lacks,
   * a country or owner (no flow feature implies one). Default true.
   */
  hedgeable?: boolean;
}
