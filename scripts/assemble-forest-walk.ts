/**
 * `npm run build:wasm`: assembles src/score/forest-walk.wat into src/score/forest-walk.wasm with wabt
 * (a dev dependency: the binary is committed, so installing or running flowlens needs no assembler).
 * test/score/forest-walk.test.ts checks that the committed binary is what this gives for the source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import initWabt from 'wabt';

export const WALK_WAT = resolve(import.meta.dirname, '../src/score/forest-walk.wat');
export const WALK_WASM = resolve(import.meta.dirname, '../src/score/forest-walk.wasm');

/** The binary of forest-walk.wat (threads: its memory is shared with the walk's worker threads). */
export async function assembleForestWalk(): Promise<Uint8Array> {
  const wabt = await initWabt();
  const features = { threads: true };
  const module = wabt.parseWat('forest-walk.wat', readFileSync(WALK_WAT, 'utf8'), features);
  try {
    // validate takes the features too (index.js), though index.d.ts declares no parameter.
    (module as unknown as { validate(f: typeof features): void }).validate(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binary = await assembleForestWalk();
  writeFileSync(WALK_WASM, binary);
  process.stdout.write(`${WALK_WASM}: ${binary.length} bytes\n`);
}
