/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak RSS is per benchmark)
 * and passes the arguments through (e.g. `npm run bench -- --large`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only === undefined || f.startsWith(only))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n## ${file.replace('.bench.ts', '')}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
