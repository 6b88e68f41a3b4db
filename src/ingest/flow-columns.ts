import type { Flow } from './flow-schema.ts';
import { ipv4Text, packIPv4 } from '../util/packed-ipv4.ts';
import {
  AT_DST,
  AT_DST_PORT,
  AT_FLAGS,
  AT_ID,
  AT_LINE,
  AT_NUMBERS,
  AT_PROTOCOL,
  AT_SRC,
  AT_SRC_PORT,
  AT_START,
  PACKED_STRIDE,
  isPlainInteger,
  orNull,
  packedSides,
  type BlockCursor,
  type LabelTable,
  type PackedBlock,
} from './packed-flows.ts';

/**
 * Parked flows in columns (typed arrays for the numbers and IPv4 addresses, strings for other text), one slot per
 * flow. Why: the reorder buffer holds minutes of flows, long enough for V8 to promote every held Flow
 * object to the old generation, where each dies and piles up as garbage until a full collection (the
 * heap grew to ~160 MB for ~35 MB live). A slot costs no allocation; the Flow is rebuilt when it leaves,
 * young, just before its consumer drops it. Rebuilt flows all share one hidden class in schema order.
 */
export class FlowColumns {
  private capacity = 0;
  private free = new Int32Array(0);
  private freeCount = 0;
  private ids: string[] = [];
  /** The id as a number when it is plain decimal digits (the common FLOW_ID / row number): no string held. */
  private idNumbers = new Float64Array(0);
  private line = new Float64Array(0);
  /** Addresses that are canonical IPv4 (nearly all) as numbers, -1 for the others, kept as text in src/dst. */
  private srcV4 = new Float64Array(0);
  private dstV4 = new Float64Array(0);
  private src: string[] = [];
  private dst: string[] = [];
  private ports = new Int32Array(0);
  private protocol = new Uint8Array(0);
  private flags = new Int16Array(0);
  /** end, duration, in_bytes, in_pkts, out_bytes, out_pkts per slot; NaN stands for null. */
  private numbers = new Float64Array(0);
  private fields: Flow['fields'][] = [];
  private labels: Flow['labels'][] = [];
  private notes: Flow['notes'][] = [];

  /** Start time of the flow in a slot (the reorder key, with line). */
  start = new Float64Array(0);

  constructor(initialCapacity = 1024) {
    this.grow(initialCapacity);
  }

  /** Slots in use. */
  get size(): number {
    return this.capacity - this.freeCount;
  }

  /** Line (input order) of the flow in a slot. */
  lineOf(slot: number): number {
    return this.line[slot]!;
  }

  /** Park a flow (it must have a start time) and return its slot. */
  put(flow: Flow): number {
    const s = this.allocate();
    const id = flow.id;
    if (isPlainInteger(id)) this.idNumbers[s] = +id;
    else {
      this.idNumbers[s] = NaN;
      this.ids[s] = id;
    }
    this.line[s] = flow.line;
    // An IPv4 address is held as a number and its text made again when the flow leaves: held strings
    // outlived scavenges by the million (issue 14, fifth round). Other addresses are held as they come
    // (normalizeAddress's strings share no storage with the input chunk); an intern table here thrashed
    // at 100k+ distinct addresses.
    const src = packIPv4(flow.src_addr);
    this.srcV4[s] = src;
    if (src < 0) this.src[s] = flow.src_addr;
    const dst = packIPv4(flow.dst_addr);
    this.dstV4[s] = dst;
    if (dst < 0) this.dst[s] = flow.dst_addr;
    this.ports[2 * s] = flow.src_port ?? -1;
    this.ports[2 * s + 1] = flow.dst_port ?? -1;
    this.protocol[s] = flow.protocol;
    this.flags[s] = flow.tcp_flags ?? -1;
    this.start[s] = flow.start_ms!;
    const n = this.numbers;
    const k = 6 * s;
    n[k] = flow.end_ms ?? NaN;
    n[k + 1] = flow.duration_ms ?? NaN;
    n[k + 2] = flow.in_bytes;
    n[k + 3] = flow.in_pkts;
    n[k + 4] = flow.out_bytes ?? NaN;
    n[k + 5] = flow.out_pkts ?? NaN;
    this.fields[s] = flow.fields;
    this.labels[s] = flow.labels;
    this.notes[s] = flow.notes;
    return s;
  }

  /**
   * Park flow `i` of a block from the parse thread (it must have a start time) and return its slot: the
   * same slot contents put(flow) gives the flow it was packed from, with no object made for it.
   */
  putPacked(block: PackedBlock, i: number, cursor: BlockCursor, labels: LabelTable): number {
    const s = this.allocate();
    const r = block.numbers;
    const o = i * PACKED_STRIDE;
    const id = r[o + AT_ID]!;
    this.idNumbers[s] = id;
    if (id !== id) this.ids[s] = block.texts[cursor.text++]!;
    this.line[s] = r[o + AT_LINE]!;
    const src = r[o + AT_SRC]!;
    this.srcV4[s] = src;
    if (src < 0) this.src[s] = block.texts[cursor.text++]!;
    const dst = r[o + AT_DST]!;
    this.dstV4[s] = dst;
    if (dst < 0) this.dst[s] = block.texts[cursor.text++]!;
    this.ports[2 * s] = r[o + AT_SRC_PORT]!;
    this.ports[2 * s + 1] = r[o + AT_DST_PORT]!;
    this.protocol[s] = r[o + AT_PROTOCOL]!;
    this.flags[s] = r[o + AT_FLAGS]!;
    this.start[s] = r[o + AT_START]!;
    const n = this.numbers;
    for (let k = 0; k < 6; k++) n[6 * s + k] = r[o + AT_NUMBERS + k]!;
    const sides = packedSides(block, i, cursor, labels);
    this.fields[s] = sides.fields;
    this.labels[s] = sides.labels;
    this.notes[s] = sides.notes;
    return s;
  }

  /** A free slot, growing the columns when there is none. */
  private allocate(): number {
    // × 1.5, not × 2: a burst a little past a power of two should not cost twice the slots
    if (this.freeCount === 0) this.grow(Math.ceil(this.capacity * 1.5));
    return this.free[--this.freeCount]!;
  }

  /** Rebuild the flow of a slot and free the slot (dropping its references). */
  take(s: number): Flow {
    const n = this.numbers;
    const k = 6 * s;
    const srcPort = this.ports[2 * s]!;
    const dstPort = this.ports[2 * s + 1]!;
    const flags = this.flags[s]!;
    const srcV4 = this.srcV4[s]!;
    const dstV4 = this.dstV4[s]!;
    const flow: Flow = {
      id: this.idNumbers[s] === this.idNumbers[s] ? String(this.idNumbers[s]) : this.ids[s]!,
      line: this.line[s]!,
      src_addr: srcV4 < 0 ? this.src[s]! : ipv4Text(srcV4),
      dst_addr: dstV4 < 0 ? this.dst[s]! : ipv4Text(dstV4),
      src_port: srcPort < 0 ? null : srcPort,
      dst_port: dstPort < 0 ? null : dstPort,
      protocol: this.protocol[s]!,
      start_ms: this.start[s]!,
      end_ms: orNull(n[k]!),
      duration_ms: orNull(n[k + 1]!),
      in_bytes: n[k + 2]!,
      in_pkts: n[k + 3]!,
      out_bytes: orNull(n[k + 4]!),
      out_pkts: orNull(n[k + 5]!),
      tcp_flags: flags < 0 ? null : flags,
      fields: this.fields[s]!,
      labels: this.labels[s]!,
      notes: this.notes[s]!,
    };
    this.ids[s] = '';
    this.src[s] = '';
    this.dst[s] = '';
    this.fields[s] = EMPTY;
    this.labels[s] = EMPTY as Flow['labels'];
    this.notes[s] = NONE;
    this.free[this.freeCount++] = s;
    return flow;
  }

  private grow(cap: number): void {
    const old = this.capacity;
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeCount));
    let count = this.freeCount;
    // hand out low slots first: pop takes from the end
    for (let s = cap - 1; s >= old; s--) free[count++] = s;
    this.free = free;
    this.freeCount = count;
    this.idNumbers = widen(this.idNumbers, new Float64Array(cap));
    this.line = widen(this.line, new Float64Array(cap));
    this.srcV4 = widen(this.srcV4, new Float64Array(cap));
    this.dstV4 = widen(this.dstV4, new Float64Array(cap));
    this.start = widen(this.start, new Float64Array(cap));
    this.ports = widen(this.ports, new Int32Array(2 * cap));
    this.protocol = widen(this.protocol, new Uint8Array(cap));
    this.flags = widen(this.flags, new Int16Array(cap));
    this.numbers = widen(this.numbers, new Float64Array(6 * cap));
    this.ids = extend(this.ids, cap, '');
    this.src = extend(this.src, cap, '');
    this.dst = extend(this.dst, cap, '');
    this.fields = extend(this.fields, cap, EMPTY);
    this.labels = extend(this.labels, cap, EMPTY as Flow['labels']);
    this.notes = extend(this.notes, cap, NONE);
    this.capacity = cap;
  }
}

const EMPTY: Flow['fields'] = Object.freeze({}) as Flow['fields'];
const NONE: Flow['notes'] = Object.freeze([]) as unknown as Flow['notes'];

/** A copy of `from` with exactly `cap` elements (push would over-allocate the backing store). */
function extend<T>(from: T[], cap: number, empty: T): T[] {
  const to = new Array<T>(cap).fill(empty);
  for (let i = 0; i < from.length; i++) to[i] = from[i]!;
  return to;
}

function widen<T extends Float64Array | Int32Array | Int16Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
