/**
 * The OpenAI-compatible stub in a worker thread, so the runner bench measures the runner and not
 * the stub's own work on the same event loop (a real endpoint is another machine).
 * workerData: { latencyMs, rateLimitEvery?, retryAfterMs?, slow429? (429s take the full latency too) }. Posts { url }; answers 'stats' with
 * { requests, rateLimited }; 'close' stops it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startOpenAIStub, type StubBehaviour } from '../test/support/openai-stub.ts';

const { latencyMs, rateLimitEvery, retryAfterMs, slow429 } = workerData as { latencyMs: number; rateLimitEvery?: number; retryAfterMs?: number; slow429?: boolean };
const stub = await startOpenAIStub({
  recordBodies: false,
  handler: (r): StubBehaviour =>
    rateLimitEvery !== undefined && r.index % rateLimitEvery === rateLimitEvery - 1
      ? // A gateway refuses a rate-limited request at once; only answers carry the model's latency.
        { kind: 'rate-limit', retryAfterMs: retryAfterMs ?? 25, latencyMs: slow429 ? latencyMs : 0 }
      : { kind: 'default', latencyMs },
});
parentPort!.postMessage({ url: stub.url });
parentPort!.on('message', (message: string) => {
  if (message === 'stats') {
    parentPort!.postMessage({ requests: stub.requests.length, rateLimited: stub.requests.filter((r) => r.answeredWith === 'rate-limit').length });
  } else if (message === 'close') {
    void stub.close().then(() => parentPort!.close());
  }
});
