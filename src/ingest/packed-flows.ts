import { BadRowError } from '../errors.ts';
import type { Flow } from './flow-schema.ts';
import { EMPTY_FIELDS } from './formats/columns.ts';
import { NO_NOTES } from './quality-notes.ts';
import { ipv4Text, packIPv4 } from '../util/packed-ipv4.ts';

/**
 * Flows in the form the parse thread hands them to the calling thread (issue 14, seventh round): one
 * run of doubles a flow, in the same units FlowColumns parks them in, so a flow can be parked in the
 * reorder buffer without ever being an object on the calling thread. What is no number travels beside
 * it, in flow order: texts (an id that is not plain digits, an address that is not a canonical dotted
 * quad) and objects (fields other than the shared empty ones, notes, labels not in the label table).
 * Labels are interned (a file has a handful of distinct label sets) and each set is sent once.
 */
export const PACKED_STRIDE = 17;

// Offsets within a flow's run of doubles; NaN or -1 stands for null, as in FlowColumns.
/** The id as a number when it is plain digits (NaN: the next text). */
export const AT_ID = 0;
export const AT_LINE = 1;
/** packIPv4 of the address (-1: the next text). */
export const AT_SRC = 2;
export const AT_DST = 3;
export const AT_SRC_PORT = 4;
export const AT_DST_PORT = 5;
export const AT_PROTOCOL = 6;
export const AT_FLAGS = 7;
export const AT_START = 8;
/** end, duration, in_bytes, in_pkts, out_bytes, out_pkts: FlowColumns' six numbers, in its order. */
export const AT_NUMBERS = 9;
/** Index in the label table (-1: the next object). */
const AT_LABELS = 15;
/** FIELDS_SENT | NOTES_SENT: which of them are the next objects. */
const AT_SENT = 16;

const FIELDS_SENT = 1;
const NOTES_SENT = 2;
/** Distinct label sets sent once each; past this many (labels carrying ids) each flow sends its own. */
const MAX_LABEL_SETS = 4096;

/** A bad row as it crosses threads: what BadRowError is made of. */
export interface PackedBadRow {
  file: string;
  line: number;
  field: string | undefined;
  value: unknown;
  expected: string | undefined;
  reason: string;
}

/** One input batch's rows: flows in order, and the bad rows with the index of the flow they came before. */
export interface PackedBlock {
  /** Rows read (flows, bad rows, records that are no flow). */
  rows: number;
  count: number;
  numbers: Float64Array;
  texts: string[];
  objects: unknown[];
  /** Label sets first used in this block, appended to the receiver's table in order. */
  labels: Flow['labels'][];
  bad: { before: number; row: PackedBadRow }[];
}

/** Where the reader of a block is in its texts and objects (they are read in flow order). */
export interface BlockCursor {
  text: number;
  object: number;
}

export function packBadRow(error: BadRowError): PackedBadRow {
  return { file: error.file, line: error.line ?? 0, field: error.field, value: error.value, expected: error.expected, reason: error.reason };
}

export function unpackBadRow(row: PackedBadRow): BadRowError {
  return new BadRowError({ file: row.file, line: row.line, field: row.field, value: row.value, expected: row.expected }, row.reason);
}

/** The sending side: flows are added one by one; take() hands over the block and starts the next. */
export class FlowPacker {
  private numbers = new Float64Array(1024 * PACKED_STRIDE);
  private count = 0;
  private rows = 0;
  private texts: string[] = [];
  private objects: unknown[] = [];
  private newLabels: Flow['labels'][] = [];
  private bad: PackedBlock['bad'] = [];
  private readonly labelIds = new Map<string, number>();
  private readonly labelIdOf = new WeakMap<object, number>();

  get size(): number {
    return this.count;
  }

  /** A row that made no flow (a record deliberately skipped). */
  addSkipped(): void {
    this.rows++;
  }

  add(flow: Flow): void {
    this.rows++;
    if ((this.count + 1) * PACKED_STRIDE > this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const r = this.numbers;
    const o = this.count++ * PACKED_STRIDE;
    if (isPlainInteger(flow.id)) r[o + AT_ID] = +flow.id;
    else {
      r[o + AT_ID] = NaN;
      this.texts.push(flow.id);
    }
    r[o + AT_LINE] = flow.line;
    const src = packIPv4(flow.src_addr);
    r[o + AT_SRC] = src;
    if (src < 0) this.texts.push(flow.src_addr);
    const dst = packIPv4(flow.dst_addr);
    r[o + AT_DST] = dst;
    if (dst < 0) this.texts.push(flow.dst_addr);
    r[o + AT_SRC_PORT] = flow.src_port ?? -1;
    r[o + AT_DST_PORT] = flow.dst_port ?? -1;
    r[o + AT_PROTOCOL] = flow.protocol;
    r[o + AT_FLAGS] = flow.tcp_flags ?? -1;
    r[o + AT_START] = flow.start_ms ?? NaN;
    r[o + AT_NUMBERS] = flow.end_ms ?? NaN;
    r[o + AT_NUMBERS + 1] = flow.duration_ms ?? NaN;
    r[o + AT_NUMBERS + 2] = flow.in_bytes;
    r[o + AT_NUMBERS + 3] = flow.in_pkts;
    r[o + AT_NUMBERS + 4] = flow.out_bytes ?? NaN;
    r[o + AT_NUMBERS + 5] = flow.out_pkts ?? NaN;
    let sent = 0;
    if (flow.fields !== EMPTY_FIELDS) {
      sent |= FIELDS_SENT;
      this.objects.push(flow.fields);
    }
    if (flow.notes !== NO_NOTES) {
      sent |= NOTES_SENT;
      this.objects.push(flow.notes);
    }
    r[o + AT_SENT] = sent;
    const labels = this.labelId(flow.labels);
    r[o + AT_LABELS] = labels;
    if (labels < 0) this.objects.push(flow.labels);
  }

  /** A bad row, placed before the next flow added. */
  addBad(error: BadRowError): void {
    this.rows++;
    this.bad.push({ before: this.count, row: packBadRow(error) });
  }

  /** The block so far (its numbers to be transferred), and a fresh one started. */
  take(): PackedBlock {
    const block: PackedBlock = {
      rows: this.rows,
      count: this.count,
      numbers: this.numbers.slice(0, this.count * PACKED_STRIDE),
      texts: this.texts,
      objects: this.objects,
      labels: this.newLabels,
      bad: this.bad,
    };
    this.count = 0;
    this.rows = 0;
    this.texts = [];
    this.objects = [];
    this.newLabels = [];
    this.bad = [];
    return block;
  }

  /** The label set's index in the receiver's table (sent with this block when new), or -1 to send it inline. */
  private labelId(labels: Flow['labels']): number {
    // formats intern their label sets (frozen, shared), so the object itself is the usual key
    const known = this.labelIdOf.get(labels);
    if (known !== undefined) return known;
    const key = JSON.stringify(labels);
    let id = this.labelIds.get(key);
    if (id === undefined) {
      if (this.labelIds.size >= MAX_LABEL_SETS) return -1;
      id = this.labelIds.size;
      this.labelIds.set(key, id);
      this.newLabels.push(labels);
    }
    this.labelIdOf.set(labels, id);
    return id;
  }
}

/** The receiving side's label table: every set sent so far, frozen like the formats' own. */
export class LabelTable {
  private readonly sets: Flow['labels'][] = [];

  addFrom(block: PackedBlock): void {
    for (const labels of block.labels) this.sets.push(Object.freeze(labels));
  }

  get(id: number): Flow['labels'] {
    return this.sets[id]!;
  }
}

/** The next text of the block (an id, src or dst sent as text). */
function nextText(block: PackedBlock, cursor: BlockCursor): string {
  return block.texts[cursor.text++]!;
}

/** Fields, notes and labels of flow `i`, read from the cursor in the order they were sent. */
export function packedSides(block: PackedBlock, i: number, cursor: BlockCursor, table: LabelTable): { fields: Flow['fields']; notes: Flow['notes']; labels: Flow['labels'] } {
  const r = block.numbers;
  const o = i * PACKED_STRIDE;
  const sent = r[o + AT_SENT]!;
  const fields = (sent & FIELDS_SENT) !== 0 ? (block.objects[cursor.object++] as Flow['fields']) : EMPTY_FIELDS;
  const notes = (sent & NOTES_SENT) !== 0 ? (block.objects[cursor.object++] as Flow['notes']) : NO_NOTES;
  const id = r[o + AT_LABELS]!;
  const labels = id >= 0 ? table.get(id) : (block.objects[cursor.object++] as Flow['labels']);
  return { fields, notes, labels };
}

/** Id, src and dst texts of flow `i` (made from their numbers, or read from the cursor). */
export function packedTexts(block: PackedBlock, i: number, cursor: BlockCursor): { id: string; src: string; dst: string } {
  const r = block.numbers;
  const o = i * PACKED_STRIDE;
  const id = r[o + AT_ID]!;
  const src = r[o + AT_SRC]!;
  const dst = r[o + AT_DST]!;
  return {
    id: id === id ? String(id) : nextText(block, cursor),
    src: src < 0 ? nextText(block, cursor) : ipv4Text(src),
    dst: dst < 0 ? nextText(block, cursor) : ipv4Text(dst),
  };
}

/** The source address of flow `i` without moving the cursor (the order check samples it). */
export function packedSrcAddr(block: PackedBlock, i: number, cursor: BlockCursor): string {
  const r = block.numbers;
  const o = i * PACKED_STRIDE;
  const src = r[o + AT_SRC]!;
  if (src >= 0) return ipv4Text(src);
  const id = r[o + AT_ID]!;
  return block.texts[cursor.text + (id === id ? 0 : 1)]!;
}

/** Flow `i` as an object (flows that skip the reorder buffer: late ones, inputs without time). */
export function unpackFlow(block: PackedBlock, i: number, cursor: BlockCursor, table: LabelTable): Flow {
  const r = block.numbers;
  const o = i * PACKED_STRIDE;
  const { id, src, dst } = packedTexts(block, i, cursor);
  const { fields, notes, labels } = packedSides(block, i, cursor, table);
  const srcPort = r[o + AT_SRC_PORT]!;
  const dstPort = r[o + AT_DST_PORT]!;
  const flags = r[o + AT_FLAGS]!;
  return {
    id,
    line: r[o + AT_LINE]!,
    src_addr: src,
    dst_addr: dst,
    src_port: srcPort < 0 ? null : srcPort,
    dst_port: dstPort < 0 ? null : dstPort,
    protocol: r[o + AT_PROTOCOL]!,
    start_ms: orNull(r[o + AT_START]!),
    end_ms: orNull(r[o + AT_NUMBERS]!),
    duration_ms: orNull(r[o + AT_NUMBERS + 1]!),
    in_bytes: r[o + AT_NUMBERS + 2]!,
    in_pkts: r[o + AT_NUMBERS + 3]!,
    out_bytes: orNull(r[o + AT_NUMBERS + 4]!),
    out_pkts: orNull(r[o + AT_NUMBERS + 5]!),
    tcp_flags: flags < 0 ? null : flags,
    fields,
    labels,
    notes,
  };
}

export function orNull(x: number): number | null {
  return x === x ? x : null;
}

/** Digits only, no leading zero, at most 15 digits: the text is exactly String(+text). */
export function isPlainInteger(text: string): boolean {
  const len = text.length;
  if (len === 0 || len > 15) return false;
  const first = text.charCodeAt(0);
  if (first < 49 || first > 57) return len === 1 && first === 48;
  for (let i = 1; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
