import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompactForest } from './compact-forest.ts';
import { createBlockWalker, reserveWalkSetup } from './forest-walk.ts';

/** Score-only walks of flow blocks on worker threads (issue 14). */
export interface WalkPool {
  /** Sum of path lengths per flow over every forest in order; blocks[k] is the block seen by forests[k] (at most `block` flows). */
  walk(blocks: Float64Array[], count: number): Promise<Float64Array>;
}

/** Set by setWalkThreads (the CLI's --threads); one a core when unset. */
let configured: number | undefined;

/**
 * Worker threads to walk with by default: what --threads set, else one a core (the main thread
 * mostly waits on them or reads input).
 */
export function defaultWalkThreads(): number {
  return configured ?? availableParallelism();
}

/** The process-wide thread count of the forest walks (--threads N; 1 walks on the calling thread); undefined: one a core. */
export function setWalkThreads(threads: number | undefined): void {
  configured = threads;
}

/**
 * The workers run createBlockWalker's own source text (no module file to find, whether flowlens runs
 * from its TypeScript sources or the bundle) with the compiled walk, over the trees in the shared
 * walk memory; each has its own scratch there. Every flow is walked whole by one thread, through the
 * same trees in the same order with the same arithmetic, so its score is the same to the bit in any
 * thread count. A worker holds the process open only while it has work.
 */
export function createWalkPool(forests: readonly CompactForest[], threads: number, block: number, width: number): WalkPool {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
const createBlockWalker = ${createBlockWalker.toString()};
const walkBlocks = createBlockWalker(workerData);
parentPort.on('message', ({ id, blocks, count }) => {
  const depths = walkBlocks(blocks, count);
  parentPort.postMessage({ id, depths }, [depths.buffer]);
});`;
  let workers: { worker: Worker; pending: number }[] | undefined;
  const waiting = new Map<number, { resolve: (d: Float64Array) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  const start = (): { worker: Worker; pending: number }[] =>
    Array.from({ length: threads }, () => {
      const entry = { worker: new Worker(source, { eval: true, workerData: reserveWalkSetup(forests, block, width) }), pending: 0 };
      entry.worker.on('message', ({ id, depths }: { id: number; depths: Float64Array }) => {
        if (--entry.pending === 0) entry.worker.unref();
        waiting.get(id)?.resolve(depths);
        waiting.delete(id);
      });
      entry.worker.on('error', (error) => {
        for (const w of waiting.values()) w.reject(error);
        waiting.clear();
      });
      // Unreferenced after its listeners are on: a 'message' listener references the worker's port
      // again, so a worker given no walk (one block for two threads) held the process open for good.
      entry.worker.unref();
      return entry;
    });
  return {
    walk(blocks, count) {
      workers ??= start();
      const entry = workers.reduce((a, b) => (b.pending < a.pending ? b : a));
      if (entry.pending++ === 0) entry.worker.ref();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        entry.worker.postMessage({ id, blocks, count }, blocks.map((b) => b.buffer as ArrayBuffer));
      });
    },
  };
}
