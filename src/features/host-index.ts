/**
 * Address text → host id, in an open-addressing table of its own (linear probing, backward-shift
 * deletion). Why not a Map: addresses come and go with the window all the time, and V8 rebuilds a Map's
 * table as keys are added and deleted, in the old generation for a long-lived Map: megabytes of garbage
 * per million flows that only a full collection frees. This table allocates only when it doubles, and
 * never holds more than the peak number of live addresses × 2 slots.
 */
export class HostIndex {
  private mask = 1023;
  private keys: string[] = new Array<string>(1024).fill('');
  private hashes = new Int32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  size = 0;
  /** The hash and slot of the last get(): where a key it missed goes (addMissed), with no second hash and probe. */
  private lastHash = 0;
  private lastSlot = 0;

  /** The id stored for `key`, or -1. */
  get(key: string): number {
    const h = hashText(key);
    const i = this.find(key, h);
    this.lastHash = h;
    this.lastSlot = i;
    return this.ids[i]!;
  }

  /** Store `id` for the key the last get() did not find (nothing changed the table in between); returns its hash for delete. */
  addMissed(key: string, id: number): number {
    const h = this.lastHash;
    let i = this.lastSlot;
    if (2 * (this.size + 1) > this.mask + 1) {
      this.grow();
      i = this.find(key, h);
    }
    this.keys[i] = key;
    this.hashes[i] = h;
    this.ids[i] = id;
    this.size++;
    return h;
  }

  /** Store `id` for a key that is not present. */
  add(key: string, id: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const h = hashText(key);
    const i = this.find(key, h);
    this.keys[i] = key;
    this.hashes[i] = h;
    this.ids[i] = id;
    this.size++;
  }

  /** Remove a key that is present (`hash`: what addMissed returned for it, else computed). */
  delete(key: string, hash = hashText(key)): void {
    const { keys, hashes, ids, mask } = this;
    let hole = this.find(key, hash);
    let j = hole;
    for (;;) {
      j = (j + 1) & mask;
      if (ids[j] === -1) break;
      const home = hashes[j]! & mask;
      // move j into the hole unless its home is cyclically within (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = keys[j]!;
        hashes[hole] = hashes[j]!;
        ids[hole] = ids[j]!;
        hole = j;
      }
    }
    keys[hole] = '';
    ids[hole] = -1;
    this.size--;
  }

  private find(key: string, h: number): number {
    const { keys, hashes, ids, mask } = this;
    let i = h & mask;
    while (ids[i] !== -1 && (hashes[i] !== h || keys[i] !== key)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, hashes, ids } = this;
    const cap = 2 * keys.length;
    this.mask = cap - 1;
    this.keys = new Array<string>(cap).fill('');
    this.hashes = new Int32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      if (ids[i] === -1) continue;
      const j = this.find(keys[i]!, hashes[i]!);
      this.keys[j] = keys[i]!;
      this.hashes[j] = hashes[i]!;
      this.ids[j] = ids[i]!;
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
