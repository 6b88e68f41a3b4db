import { describe, expect, it } from 'vitest';
import { RequestPacer, type Clock } from '../../src/run/request-pacer.ts';
import { maxInWindow } from './support.ts';

/** Virtual time that moves only when the pacer sleeps: admissions are exact, nothing is timed. */
function virtualClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

describe('RequestPacer', () => {
  it('spreads requests one every window/RPM from the first, and no window of 60 s (plus slack) holds more than the RPM', async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ requestsPerMinute: 120, clock });
    // 8 callers at once, 300 requests: admission is first come, first served.
    const starts = await Promise.all(Array.from({ length: 300 }, () => pacer.acquire(10).then((s) => s.at)));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBe(500);
    expect(starts.slice(0, 3)).toEqual([0, 500, 1000]);
    expect(maxInWindow(starts, 60_000)).toBe(120);
    expect(maxInWindow(starts, 61_000)).toBe(120);
    // 1 s of slack per 120 requests: 300 requests take 150 s + 2 s.
    expect(starts.at(-1)).toBe(149_500 + 2_000);
  });

  it('holds the TPM on reserved estimates corrected to reported usage, and lets one oversized request run alone', async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ tokensPerMinute: 1_000, clock });
    const first = await pacer.acquire(600);
    pacer.settle(first, { prompt_tokens: 300, completion_tokens: 100 }); // 400 really used
    const second = await pacer.acquire(600);
    expect(second.at).toBe(0); // 400 + 600 fits
    const third = await pacer.acquire(100);
    expect(third.at).toBe(61_000); // 1,000 in the window: waits until the first two leave it
    const huge = await pacer.acquire(5_000);
    expect(huge.at).toBe(122_000);
  });

  it('gives up waiting when the signal aborts, and the next caller still gets its turn', async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ requestsPerMinute: 1, clock });
    await pacer.acquire(1);
    const controller = new AbortController();
    controller.abort(new Error('deadline'));
    await expect(pacer.acquire(1, controller.signal)).rejects.toThrow('deadline');
    expect((await pacer.acquire(1)).at).toBe(61_000);
  });
});
