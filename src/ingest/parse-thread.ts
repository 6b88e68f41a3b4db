import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackedBlock } from './packed-flows.ts';
import { reviveError, type ParseJob, type ParseMessage } from './parse-protocol.ts';

/** Defined (true) by the CLI bundle's build (scripts/build-cli.ts); absent when the sources run through tsx. */
declare const __FLOWLENS_BUNDLE__: boolean | undefined;

/** A running parse thread. */
export interface ParseThread {
  /** Every block, in input order; once only. The thread ends when this ends, however it ends. */
  blocks(): AsyncGenerator<PackedBlock>;
}

/**
 * Start the parse thread (parse-worker.ts) on an input the calling thread has opened and compiled once
 * already; resolves once the thread has done the same, or with undefined when it failed to (the caller
 * then reads the input itself, and meets the same error, if any, in its own words). The bundle runs its
 * own build of the worker; the sources run it through tsx.
 */
export async function startParseThread(job: ParseJob, skipped: Record<string, number>): Promise<ParseThread | undefined> {
  let worker: Worker;
  try {
    worker = spawn(job);
  } catch {
    return undefined;
  }
  const inbox: ParseMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: ParseMessage) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', () => {
    failure ??= new Error('the parse thread stopped before the end of the input');
    wake?.();
  });
  /** The next message; the worker holds the process open only while it is awaited. */
  const next = async (): Promise<ParseMessage> => {
    while (inbox.length === 0) {
      if (failure !== undefined) throw failure;
      worker.ref();
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      worker.unref();
    }
    return inbox.shift()!;
  };
  worker.unref();
  const first = await next().catch(() => undefined);
  if (first?.kind !== 'ready') {
    await worker.terminate();
    return undefined;
  }
  return {
    async *blocks() {
      try {
        for (;;) {
          const message = await next();
          if (message.kind === 'error') throw reviveError(message.error);
          if (message.kind === 'end') return;
          if (message.kind !== 'blocks') continue;
          Object.assign(skipped, message.skipped);
          worker.postMessage(1);
          yield* message.blocks;
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}

function spawn(job: ParseJob): Worker {
  if (typeof __FLOWLENS_BUNDLE__ !== 'undefined') {
    // import.meta.url is this module's source location in the bundle too; the bundle sits in dist/cli
    return new Worker(new URL('../../dist/cli/parse-worker.js', import.meta.url), { workerData: job });
  }
  // tsx's ES module API (its CommonJS one registers hooks it then cannot find from a worker)
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { eval: true, workerData: job });
}
