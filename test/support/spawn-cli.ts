import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/flowlens.js');

export interface SpawnedCli {
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: string | null; stderr: string }>;
  /** SIGKILL, as a crash would end it: no handler runs, nothing is flushed. */
  kill(): void;
}

/** `flowlens …` in its own process (bin/flowlens.js), with extra environment; stderr is captured. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): SpawnedCli {
  const proc = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((done, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
  return { exited, kill: () => void proc.kill('SIGKILL') };
}

/** Resolve once `ready()` holds, checking every `everyMs`. */
export async function waitFor(ready: () => boolean, everyMs = 20): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, everyMs));
}
