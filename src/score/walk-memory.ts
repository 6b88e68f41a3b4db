const PAGE = 65_536;

/**
 * One shared WebAssembly memory for a scorer's forests and each walking thread's scratch (issue 14):
 * the walk (forest-walk.wat) reads the trees where they were grown, on the main thread and in every
 * worker, with no copy. Space is handed out from the front and never given back; the memory grows
 * when a reservation passes its end. Pages nothing is written to are never resident (the OS maps
 * zero pages lazily), so reserving a forest's bound costs address space, not memory.
 */
export class WalkMemory {
  readonly memory: WebAssembly.Memory;
  private end = 0;

  /** Room for `bytes` to start with. */
  constructor(bytes: number) {
    // A shared memory needs a maximum; 65,536 pages (4 GiB) is wasm32's, and what forest-walk.wat declares.
    this.memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)), maximum: 65_536, shared: true });
  }

  /** `bytes` more (32-byte aligned, so a node or lane never straddles a cache line), growing the memory when needed; returns their byte offset. */
  reserve(bytes: number): number {
    const at = this.end;
    this.end = at + Math.ceil(bytes / 32) * 32;
    const short = Math.ceil(this.end / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (short > 0) this.memory.grow(short);
    return at;
  }

  /** The memory as it is now (a grown shared memory gives a longer buffer; views made before stay valid). */
  get buffer(): SharedArrayBuffer {
    return this.memory.buffer as unknown as SharedArrayBuffer;
  }
}
