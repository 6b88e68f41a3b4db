import { packIPv4 } from '../util/packed-ipv4.ts';

/**
 * Address text → host id, in an open-addressing table of its own (linear probing, backward-shift
 * deletion). Why not a Map: addresses come and go with the window all the time, and V8 rebuilds a Map's
 * table as keys are added and deleted, in the old generation for a long-lived Map: megabytes of garbage
 * per million flows that only a full collection frees. This table allocates only when it doubles, and
 * never holds more than the peak number of live addresses × 2 slots.
 *
 * A canonical IPv4 address (nearly every one) is keyed by its number, not its text: a held key string
 * outlived scavenges, one for each new address in the window (issue 14, fifth round). Other addresses
 * are keyed by their text.
 */
export class HostIndex {
  private mask = 1023;
  /** The text of a key that is no IPv4 address; '' for an IPv4 key. */
  private keys: string[] = new Array<string>(1024).fill('');
  /** The IPv4 number of a key (packIPv4), -1 for a text key. */
  private numbers = new Float64Array(1024);
  private hashes = new Int32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  size = 0;
  /** The number, hash and slot of the last get(): where a key it missed goes (addMissed), with no second hash and probe. */
  private lastPacked = -1;
  private lastHash = 0;
  private lastSlot = 0;

  /** The id stored for `key`, or -1. */
  get(key: string): number {
    const packed = packIPv4(key);
    const h = packed >= 0 ? hashNumber(packed) : hashText(key);
    const i = this.find(key, packed, h);
    this.lastPacked = packed;
    this.lastHash = h;
    this.lastSlot = i;
    return this.ids[i]!;
  }

  /** The IPv4 number of the key of the last get() (what delete takes back), -1 when it was no IPv4 address. */
  get lastNumber(): number {
    return this.lastPacked;
  }

  /** Store `id` for the key the last get() did not find (nothing changed the table in between); returns its hash for delete. */
  addMissed(key: string, id: number): number {
    const h = this.lastHash;
    const packed = this.lastPacked;
    let i = this.lastSlot;
    if (2 * (this.size + 1) > this.mask + 1) {
      this.grow();
      i = this.find(key, packed, h);
    }
    this.store(i, key, packed, h, id);
    return h;
  }

  /** Store `id` for a key that is not present. */
  add(key: string, id: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const packed = packIPv4(key);
    const h = packed >= 0 ? hashNumber(packed) : hashText(key);
    this.store(this.find(key, packed, h), key, packed, h, id);
  }

  /**
   * Remove a key that is present: by its text, or by its IPv4 number with '' for the text (`hash`: what
   * addMissed returned for it, else computed).
   */
  delete(key: string, hash?: number, packed = key === '' ? -1 : packIPv4(key)): void {
    const { keys, numbers, hashes, ids, mask } = this;
    let hole = this.find(key, packed, hash ?? (packed >= 0 ? hashNumber(packed) : hashText(key)));
    let j = hole;
    for (;;) {
      j = (j + 1) & mask;
      if (ids[j] === -1) break;
      const home = hashes[j]! & mask;
      // move j into the hole unless its home is cyclically within (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = keys[j]!;
        numbers[hole] = numbers[j]!;
        hashes[hole] = hashes[j]!;
        ids[hole] = ids[j]!;
        hole = j;
      }
    }
    keys[hole] = '';
    ids[hole] = -1;
    this.size--;
  }

  private store(i: number, key: string, packed: number, h: number, id: number): void {
    this.keys[i] = packed >= 0 ? '' : key;
    this.numbers[i] = packed;
    this.hashes[i] = h;
    this.ids[i] = id;
    this.size++;
  }

  private find(key: string, packed: number, h: number): number {
    const { keys, numbers, hashes, ids, mask } = this;
    let i = h & mask;
    while (ids[i] !== -1 && (hashes[i] !== h || numbers[i] !== packed || (packed < 0 && keys[i] !== key))) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, numbers, hashes, ids } = this;
    const cap = 2 * keys.length;
    this.mask = cap - 1;
    this.keys = new Array<string>(cap).fill('');
    this.numbers = new Float64Array(cap);
    this.hashes = new Int32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      if (ids[i] === -1) continue;
      this.store(this.find(keys[i]!, numbers[i]!, hashes[i]!), keys[i]!, numbers[i]!, hashes[i]!, ids[i]!);
      this.size--;
    }
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so nearby addresses spread over the table. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) ^ (h >>> 13);
}

/** A 32-bit mix (lowbias32) of an IPv4 number, so neighbouring addresses spread over the table. */
function hashNumber(packed: number): number {
  let h = packed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}
