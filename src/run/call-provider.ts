import PQueue from 'p-queue';
import { RequestTimeoutError } from '../errors.ts';
import type { NarrateRequest, Narrative, Provider, RequestMeter, RequestOutcome, TokenUsage } from './deps.ts';
import { estimateTokens } from './deps.ts';
import { RequestPacer, type Clock } from './request-pacer.ts';

export interface CallLimits {
  concurrency: number;
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** For tests: the pacer's clock. */
  clock?: Clock | undefined;
}

/** What the endpoint saw and billed. */
export interface CallStats {
  /** Flows sent to the provider (one `narrate` call each). */
  sent: number;
  /** Chat requests: a flow's first, plus repair turns and format fallbacks. */
  requests: number;
  /** HTTP requests the endpoint received: requests plus the SDK's retries. */
  attempts: number;
  /** Answers that reported usage, accepted or not (a rejected answer is billed too). */
  billed: number;
  usage: TokenUsage;
}

/**
 * The only place a provider is called. p-queue bounds the calls in flight; a pacer spreads the
 * requests over each minute and holds the RPM and TPM limits at every HTTP request (SDK retries
 * and repair turns included, which the provider reports through its meter); each call gets a
 * deadline through its AbortSignal. No retry loop here: the openai SDK retries 429/5xx/timeouts
 * itself (Retry-After, backoff, jitter) (STYLE.md §10).
 */
export class ProviderCaller {
  readonly stats: CallStats = { sent: 0, requests: 0, attempts: 0, billed: 0, usage: { prompt_tokens: 0, completion_tokens: 0 } };
  private readonly queue: PQueue;
  private readonly pacer: RequestPacer | undefined;
  private readonly inflight = new Map<string, Promise<Narrative>>();
  private readonly meter: RequestMeter = { request: (estimate, options) => this.startRequest(estimate, options.retry, options.signal) };

  constructor(
    private readonly provider: Provider,
    private readonly limits: CallLimits,
  ) {
    this.queue = new PQueue({ concurrency: limits.concurrency });
    const { requestsPerMinute: rpm, tokensPerMinute: tpm } = limits;
    const paced = (rpm !== undefined && rpm > 0) || (tpm !== undefined && tpm > 0);
    this.pacer = paced ? new RequestPacer({ requestsPerMinute: rpm, tokensPerMinute: tpm, ...(limits.clock ? { clock: limits.clock } : {}) }) : undefined;
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

  private async startRequest(estimate: number, retry: boolean, signal: AbortSignal | undefined): Promise<(outcome: RequestOutcome) => void> {
    const spend = this.pacer ? await this.pacer.acquire(estimate, signal ?? this.limits.signal) : undefined;
    this.stats.attempts++;
    if (!retry) this.stats.requests++;
    return (outcome) => {
      if (spend) this.pacer!.settle(spend, outcome.usage);
      if (!outcome.usage) return;
      this.stats.billed++;
      this.stats.usage.prompt_tokens += outcome.usage.prompt_tokens;
      this.stats.usage.completion_tokens += outcome.usage.completion_tokens;
    };
  }

  private async callOnce(request: NarrateRequest): Promise<Narrative> {
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
      this.stats.sent++;
      // The race ends the item on time even if a provider ignores its signal.
      return await Promise.race([this.narrateMetered(request, signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A provider that makes no HTTP requests of its own (offline, replay) counts as one request per call. */
  private async narrateMetered(request: NarrateRequest, signal: AbortSignal): Promise<Narrative> {
    if (this.provider.metersRequests) return this.provider.narrate(request, { signal, meter: this.meter });
    const settle = await this.meter.request(estimateTokens(request), { retry: false, signal });
    try {
      const narrative = await this.provider.narrate(request, { signal });
      settle(narrative.usage ? { status: 200, usage: narrative.usage } : { status: 200 });
      return narrative;
    } catch (error) {
      settle({});
      throw error;
    }
  }
}
