import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage, NarrateRequest, TokenUsage } from './deps.ts';

/** Rough prompt size before the call: 4 characters a token, plus the completion budget asked for. */
export function estimateTokens(request: Pick<NarrateRequest, 'messages' | 'params'>): number {
  const chars = request.messages.reduce((n: number, m: ChatMessage) => n + m.content.length, 0);
  return Math.ceil(chars / 4) + (request.params.max_tokens ?? 0);
}

interface Spend {
  at: number;
  tokens: number;
}

/**
 * Tokens-per-minute limit over a rolling window. A call reserves its estimate before it starts
 * and the reservation is corrected to the reported usage when it ends, so the window converges on
 * what the provider actually counted. A single call larger than the limit still runs, alone.
 */
export class TokenWindow {
  private readonly spends: Spend[] = [];
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly perMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Wait (first come, first served) until `estimate` fits in the window; returns the reservation. */
  acquire(estimate: number, signal?: AbortSignal): Promise<Spend> {
    const next = this.turn.then(() => this.waitFor(estimate, signal));
    this.turn = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** Replace a reservation's estimate with the usage the provider reported. */
  reconcile(spend: Spend, usage: TokenUsage | undefined): void {
    if (usage) spend.tokens = usage.prompt_tokens + usage.completion_tokens;
  }

  private used(now: number): number {
    while (this.spends.length > 0 && now - this.spends[0]!.at >= this.windowMs) this.spends.shift();
    return this.spends.reduce((n, s) => n + s.tokens, 0);
  }

  private async waitFor(estimate: number, signal?: AbortSignal): Promise<Spend> {
    for (;;) {
      const now = Date.now();
      const used = this.used(now);
      if (this.spends.length === 0 || used + estimate <= this.perMinute) {
        const spend = { at: now, tokens: estimate };
        this.spends.push(spend);
        return spend;
      }
      await sleep(Math.max(1, this.spends[0]!.at + this.windowMs - now), undefined, { signal });
    }
  }
}
