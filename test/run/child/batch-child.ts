/**
 * A batch run in its own process, for the SIGKILL-and-resume test: `node --import tsx batch-child.ts '<json>'`.
 * It explains `n` tables through the openai provider (real SDK) against the stub at `url`.
 */
import { resolveConfig } from '../../../src/config/index.ts';
import { prepareBatch } from '../../../src/run/prepare-batch.ts';
import { runBatch } from '../../../src/run/run-batch.ts';
import { table } from '../support.ts';

const config = JSON.parse(process.argv[2]!) as { resultsFile: string; cacheDir: string; n: number; url: string; cwd: string };
const resolved = resolveConfig({ provider: 'openai', baseURL: config.url, apiKey: 'sk-test-child', model: 'stub-model' }, { cwd: config.cwd, env: {} });
const setup = await prepareBatch(resolved, { concurrency: 4, cacheDir: config.cacheDir });
const items = Array.from({ length: config.n }, (_, i) => ({ id: `f${i}`, table: table(`f${i}`, `10.0.${i >> 8}.${i & 255}`) }));
const summary = await runBatch(items, { ...setup, resultsFile: config.resultsFile });
process.stdout.write(`${JSON.stringify({ ...summary, records: undefined })}\n`);
