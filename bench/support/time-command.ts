/**
 * Run one command as a user would and measure it from process start to exit: wall time, CPU time
 * and peak RSS through GNU time (/usr/bin/time, Debian's `time` package; Node cannot read a
 * child's peak RSS). Without it, wall time only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timed {
  wallS: number;
  cpuS: number | null;
  peakRssMb: number | null;
  /** 1-minute load average when the command ended: the machine is shared. */
  load: number;
}

const GNU_TIME = '/usr/bin/time';

export function timeCommand(command: string, args: readonly string[], options: { cwd?: string } = {}): Timed {
  const report = join(tmpdir(), `flowlens-bench-time-${process.pid}.txt`);
  const gnu = existsSync(GNU_TIME);
  const t0 = performance.now();
  const run = gnu
    ? spawnSync(GNU_TIME, ['-o', report, '-f', '%e %U %S %M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...options })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...options });
  const wallS = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const load = loadavg()[0]!;
  if (!gnu) return { wallS, cpuS: null, peakRssMb: null, load };
  const [e, u, s, m] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(report, { force: true });
  return { wallS: e!, cpuS: u! + s!, peakRssMb: m! / 1024, load };
}

/** One line: label, wall, flows/s, CPU, peak RSS, load. */
export function formatTimed(label: string, t: Timed, flows?: number): string {
  const rate = flows === undefined ? '' : `  ${Math.round(flows / t.wallS).toLocaleString('en-US').padStart(9)} flows/s`;
  const cpu = t.cpuS === null ? '' : `  CPU ${t.cpuS.toFixed(2).padStart(7)} s`;
  const rss = t.peakRssMb === null ? '  peak RSS n/a (no /usr/bin/time)' : `  peak RSS ${t.peakRssMb.toFixed(0).padStart(5)} MB`;
  return `  ${label.padEnd(34)} ${t.wallS.toFixed(2).padStart(7)} s${rate}${cpu}${rss}  load ${t.load.toFixed(1)}`;
}
