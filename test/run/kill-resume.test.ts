import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../src/run/index.ts';
import { startOpenAIStub } from '../support/openai-stub.ts';
import { tempDir } from './support.ts';

const child = join(import.meta.dirname, 'child/batch-child.ts');

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

function runChild(config: object, killAfterLines?: { file: string; lines: number }): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let poll: NodeJS.Timeout | undefined;
    if (killAfterLines) {
      poll = setInterval(() => {
        if (lineCount(killAfterLines.file) >= killAfterLines.lines) proc.kill('SIGKILL');
      }, 5);
    }
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout });
    });
  });
}

describe('SIGKILL and resume', () => {
  it('ends with every flow exactly once after a kill midway and a rerun', async () => {
    const dir = tempDir();
    const stub = await startOpenAIStub({ latencyMs: 40 });
    const config = { resultsFile: join(dir, 'results.jsonl'), cacheDir: join(dir, 'cache'), n: 60, url: stub.url, cwd: dir };
    const killed = await runChild(config, { file: config.resultsFile, lines: 12 });
    expect(killed.signal).toBe('SIGKILL');
    const before = readResults(config.resultsFile).length;
    expect(before).toBeGreaterThanOrEqual(12);
    expect(before).toBeLessThan(60);
    const requestsBeforeRerun = stub.requests.length;
    const rerun = await runChild(config);
    await stub.close();
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { total: number; done: number; skipped: number; failed: number; attempts: number };
    expect(summary.total).toBe(60);
    expect(summary.done + summary.skipped + summary.failed).toBe(60);
    expect(summary.skipped).toBe(before);
    // Only the flows not yet recorded were asked for again (in-flight answers already cached cost nothing).
    expect(stub.requests.length - requestsBeforeRerun).toBe(summary.attempts);
    expect(summary.attempts).toBeLessThanOrEqual(60 - before);
    expect(requestsBeforeRerun + summary.attempts).toBeGreaterThanOrEqual(60);
    const ids = readResults(config.resultsFile).map((r) => r.flow_id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(readResults(config.resultsFile).every((r) => r.status === 'done')).toBe(true);
  }, 60_000);
});
