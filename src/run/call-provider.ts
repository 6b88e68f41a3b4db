import PQueue from 'p-queue';
import { RequestTimeoutError } from '../errors.ts';
import type { NarrateRequest, Narrative, Provider } from './deps.ts';
import { estimateTokens, TokenWindow } from './token-window.ts';

export interface CallLimits {
  concurrency: number;
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * The only place a provider is called. p-queue enforces concurrency and requests per minute, a
 * token window enforces tokens per minute, and each call gets a deadline through its AbortSignal.
 * No retry loop here: the openai SDK retries 429/5xx/timeouts itself (Retry-After, backoff,
 * jitter) and the offline and replay providers make no network calls (STYLE.md §10).
 */
export class ProviderCaller {
  private readonly queue: PQueue;
  private readonly tokens: TokenWindow | undefined;
  private readonly inflight = new Map<string, Promise<Narrative>>();
  calls = 0;

  constructor(
    private readonly provider: Provider,
    private readonly limits: CallLimits,
  ) {
    const rpm = limits.requestsPerMinute;
    this.queue = new PQueue({
      concurrency: limits.concurrency,
      ...(rpm !== undefined && rpm > 0 ? { intervalCap: rpm, interval: 60_000, strict: true } : {}),
    });
    const tpm = limits.tokensPerMinute;
    this.tokens = tpm !== undefined && tpm > 0 ? new TokenWindow(tpm) : undefined;
  }

  /** Call the provider once for this key; identical requests in flight share one call. */
  narrate(key: string, request: NarrateRequest): Promise<Narrative> {
    const running = this.inflight.get(key);
    if (running) return running;
    const call = this.queue
      .add(() => this.callOnce(request), { signal: this.limits.signal })
      .finally(() => this.inflight.delete(key)) as Promise<Narrative>;
    this.inflight.set(key, call);
    return call;
  }

  private async callOnce(request: NarrateRequest): Promise<Narrative> {
    const spend = this.tokens ? await this.tokens.acquire(estimateTokens(request), this.limits.signal) : undefined;
    const controller = new AbortController();
    const signal = this.limits.signal ? AbortSignal.any([this.limits.signal, controller.signal]) : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new RequestTimeoutError(this.provider.id, this.limits.timeoutMs);
        controller.abort(error);
        reject(error);
      }, this.limits.timeoutMs);
    });
    try {
      this.calls++;
      // The race ends the item on time even if a provider ignores its signal.
      const narrative = await Promise.race([this.provider.narrate(request, { signal }), deadline]);
      if (spend) this.tokens!.reconcile(spend, narrative.usage);
      return narrative;
    } finally {
      clearTimeout(timer);
    }
  }
}
