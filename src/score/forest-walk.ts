import { readFileSync } from 'node:fs';
import type { CompactForest } from './compact-forest.ts';

/**
 * The score-only forest walk, compiled from forest-walk.wat (issue 14). The compiled module is shared
 * by the main thread and walk-pool.ts's workers (a WebAssembly.Module can be posted to a worker).
 */
let compiled: WebAssembly.Module | undefined;

/** forest-walk.wasm, compiled once a process. */
export function loadForestWalk(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(readFileSync(new URL('./forest-walk.wasm', import.meta.url)));
  return compiled;
}

/** Flows that walk a tree side by side (forest-walk.wat): 8 measured as fast as 16 and faster than 4. */
export const WALK_LANES = 8;

/** Where one forest is in the walk memory, in bytes. */
export interface WalkTarget {
  readonly nodes: number;
  /** The split credits, 3 f64 a node (the attribution walk's). */
  readonly bits: number;
  readonly roots: number;
  readonly trees: number;
}

/** What a thread needs to walk blocks: everything can be posted to a worker. */
export interface WalkSetup {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** One a view, in the order of a walk's blocks. */
  readonly forests: readonly WalkTarget[];
  /** The thread's own scratch space in the memory, scratchBytes(block, width) long. */
  readonly scratch: number;
  /** Most flows a walk takes at once. */
  readonly block: number;
  readonly width: number;
  /** Flows that walk a tree side by side: WALK_LANES. */
  readonly lanes: number;
}

/**
 * A walk setup over `forests` (one a view, all in one walk memory) for one thread, with its own
 * scratch reserved in that memory: lane state, path lengths, one block of flows and its credits (the
 * attribution walk's; pages a thread never writes are never resident).
 */
export function reserveWalkSetup(forests: readonly CompactForest[], block: number, width: number): WalkSetup {
  const memory = forests[0]!.memory;
  return {
    module: loadForestWalk(),
    memory: memory.memory,
    forests: forests.map((f) => ({ nodes: f.nodes.byteOffset, bits: f.bits.byteOffset, roots: f.roots.byteOffset, trees: f.roots.length })),
    scratch: memory.reserve(WALK_LANES * 64 + block * 8 + 2 * block * width * 8),
    block,
    width,
    lanes: WALK_LANES,
  };
}

/** Sum of the path lengths over every forest, per flow; blocks[k] holds `count` flows as forests[k]'s view sees them. */
export type BlockWalker = (blocks: readonly Float64Array[], count: number) => Float64Array;

/**
 * A walker over the setup's forests. Self-contained (no outer names): walk-pool.ts runs its source
 * text in worker threads. Each block is
 * copied into the thread's scratch and walked there, view after view, adding into one array of path
 * lengths, so a flow's sum is taken in the same order on any thread.
 */
export function createBlockWalker({ module, memory, forests, scratch, block, width, lanes }: WalkSetup): BlockWalker {
  const { walk } = new WebAssembly.Instance(module, { env: { memory } }).exports as {
    walk: (nodes: number, roots: number, trees: number, xs: number, width: number, count: number, depths: number, lanes: number, scratch: number) => void;
  };
  const depthsAt = scratch + lanes * 32;
  const xsAt = depthsAt + block * 8;
  return (blocks, count) => {
    if (count > block) throw new RangeError(`createBlockWalker: ${count} flows, room for ${block}`);
    const buffer = memory.buffer;
    const depths = new Float64Array(buffer, depthsAt, count).fill(0);
    const xs = new Float64Array(buffer, xsAt, count * width);
    forests.forEach(({ nodes, roots, trees }, k) => {
      xs.set(blocks[k]!.subarray(0, count * width));
      // A few trees a call: V8 first runs wasm unoptimized and switches a function to its optimized
      // code only at a later call, so one call a whole forest would walk the first blocks slowly.
      for (let t = 0; t < trees; t += 4) walk(nodes, roots + t * 4, Math.min(4, trees - t), xsAt, width, count, depthsAt, lanes, scratch);
    });
    return depths.slice();
  };
}

/** Path lengths as a BlockWalker's, and each flow's isolation credits added into `credits` (count × width, like a block). */
export type CreditWalker = (blocks: readonly Float64Array[], count: number, credits: Float64Array) => Float64Array;

/**
 * The attribution walk (forest-walk.wat's creditWalk) on the calling thread, for the baseline sample
 * and the flows that get tables: the same path lengths as the score-only walk, to the bit.
 */
export function createCreditWalker({ module, memory, forests, scratch, block, width, lanes }: WalkSetup): CreditWalker {
  const { creditWalk } = new WebAssembly.Instance(module, { env: { memory } }).exports as {
    creditWalk: (nodes: number, bits: number, roots: number, trees: number, xs: number, width: number, count: number, depths: number, credits: number, lanes: number, scratch: number) => void;
  };
  const depthsAt = scratch + lanes * 64;
  const xsAt = depthsAt + block * 8;
  const creditsAt = xsAt + block * width * 8;
  return (blocks, count, credits) => {
    if (count > block) throw new RangeError(`createCreditWalker: ${count} flows, room for ${block}`);
    const buffer = memory.buffer;
    const depths = new Float64Array(buffer, depthsAt, count).fill(0);
    const xs = new Float64Array(buffer, xsAt, count * width);
    const sums = new Float64Array(buffer, creditsAt, count * width);
    sums.set(credits.subarray(0, count * width));
    forests.forEach(({ nodes, bits, roots, trees }, k) => {
      xs.set(blocks[k]!.subarray(0, count * width));
      for (let t = 0; t < trees; t += 4) creditWalk(nodes, bits, roots + t * 4, Math.min(4, trees - t), xsAt, width, count, depthsAt, creditsAt, lanes, scratch);
    });
    credits.set(sums);
    return depths.slice();
  };
}
