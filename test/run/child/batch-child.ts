/**
 * A batch run in its own process, for the SIGKILL-and-resume test: `node --import tsx batch-child.ts '<json>'`.
 * The JSON gives the results file, the cache dir, the item count and the provider to use.
 */
import { runBatch } from '../../../src/run/index.ts';
import { fakeProvider, render, requestKey, table } from '../support.ts';

const config = JSON.parse(process.argv[2]!) as { resultsFile: string; cacheDir: string; n: number; latencyMs: number };
const provider = fakeProvider(async (request) => {
  await new Promise((r) => setTimeout(r, config.latencyMs));
  return { text: `explained ${request.table.flow_id}`, provider: 'fake', model: request.model };
});
const items = Array.from({ length: config.n }, (_, i) => ({ id: `f${i}`, table: table(`f${i}`, `10.0.${i >> 8}.${i & 255}`) }));
const summary = await runBatch(items, { provider, render, requestKey, resultsFile: config.resultsFile, cacheDir: config.cacheDir, concurrency: 4 });
process.stdout.write(`${JSON.stringify({ ...summary, records: undefined, calls: provider.seen.length })}\n`);
