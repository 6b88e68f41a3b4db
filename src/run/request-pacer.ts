import { setTimeout as sleep } from 'node:timers/promises';
import type { TokenUsage } from './deps.ts';

/** Time as the pacer reads it; tests inject a fake one. */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
};

export interface PacerOptions {
  /** Request starts per window. @default unlimited */
  requestsPerMinute?: number | undefined;
  /** Estimated tokens (reconciled with reported usage) per window. @default unlimited */
  tokensPerMinute?: number | undefined;
  /** @default 60000 */
  windowMs?: number;
  /**
   * Added to the window when counting, so the limit holds on the endpoint's clock too, where a
   * request arrives later than it left by a varying delay. @default 1000
   */
  slackMs?: number;
  /** @default systemClock */
  clock?: Clock;
}

export interface Spend {
  at: number;
  tokens: number;
}

/**
 * Paces every request that reaches an endpoint, first come first served:
 * - requests are spread over the window, one every window / RPM, never a minute's quota at once;
 * - no window of (window + slack) holds more than RPM starts, nor more than TPM tokens (a request
 *   reserves its estimate when it starts; the reservation becomes the reported usage when it ends);
 * - a single request larger than the TPM still runs, alone.
 * Concurrency does not add to it: every HTTP attempt, SDK retries included, asks here first.
 */
export class RequestPacer {
  private readonly starts: number[] = [];
  private readonly spends: Spend[] = [];
  private readonly windowMs: number;
  private readonly spanMs: number;
  private readonly clock: Clock;
  private last = -Infinity;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PacerOptions) {
    this.windowMs = options.windowMs ?? 60_000;
    this.spanMs = this.windowMs + (options.slackMs ?? 1_000);
    this.clock = options.clock ?? systemClock;
  }

  /** Wait until one more request may start; returns its token reservation. */
  acquire(estimate: number, signal?: AbortSignal): Promise<Spend> {
    const next = this.turn.then(() => this.waitFor(estimate, signal));
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** Replace a reservation's estimate with the usage the endpoint reported (kept when none was). */
  settle(spend: Spend, usage: TokenUsage | undefined): void {
    if (usage) spend.tokens = usage.prompt_tokens + usage.completion_tokens;
  }

  private async waitFor(estimate: number, signal?: AbortSignal): Promise<Spend> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      const ready = this.readyAt(now, estimate);
      if (ready <= now) {
        this.last = now;
        this.starts.push(now);
        const spend = { at: now, tokens: estimate };
        this.spends.push(spend);
        return spend;
      }
      await this.clock.sleep(ready - now, signal);
    }
  }

  /** The earliest time, not before `now`, at which a request of `estimate` tokens may start. */
  private readyAt(now: number, estimate: number): number {
    while (this.starts.length > 0 && this.starts[0]! <= now - this.spanMs) this.starts.shift();
    while (this.spends.length > 0 && this.spends[0]!.at <= now - this.spanMs) this.spends.shift();
    let at = now;
    const rpm = this.options.requestsPerMinute;
    if (rpm !== undefined && rpm > 0) {
      at = Math.max(at, this.last + this.windowMs / rpm);
      if (this.starts.length >= rpm) at = Math.max(at, this.starts[this.starts.length - rpm]! + this.spanMs);
    }
    const tpm = this.options.tokensPerMinute;
    if (tpm !== undefined && tpm > 0) {
      let used = this.spends.reduce((n, s) => n + s.tokens, 0);
      // Wait for the oldest reservations to leave the window until this one fits (or the window is empty).
      for (const spend of this.spends) {
        if (used + estimate <= tpm) break;
        used -= spend.tokens;
        at = Math.max(at, spend.at + this.spanMs);
      }
    }
    return at;
  }
}
