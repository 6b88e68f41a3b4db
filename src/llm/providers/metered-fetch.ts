import { AsyncLocalStorage } from 'node:async_hooks';
import { estimateBodyTokens } from '../estimate-tokens.ts';
import type { RequestMeter, TokenUsage } from '../provider.ts';

/** The meter of the `narrate` call a request belongs to (the SDK's retries run inside that call). */
export const meterContext = new AsyncLocalStorage<RequestMeter | undefined>();

/**
 * The fetch the openai SDK is given. Per attempt, in this order:
 * 1. wait for the batch's meter (RPM/TPM), so pacing holds for every request the endpoint sees,
 *    SDK retries included;
 * 2. start this attempt's timeout only then (the SDK's own timer is set far out, or it would
 *    count the wait), covering the body too;
 * 3. read the whole body before handing it over: a body cut mid-stream ("terminated") becomes a
 *    failed fetch, which the SDK retries like any connection error, instead of a parse error
 *    after the SDK's retry loop;
 * 4. tell the meter the status and, for a billed answer, its usage.
 */
export function meteredFetch(base: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const meter = meterContext.getStore();
    const retry = Number(new Headers(init?.headers).get('x-stainless-retry-count') ?? 0) > 0;
    const body = typeof init?.body === 'string' ? init.body : '';
    const settle = meter ? await meter.request(estimateBodyTokens(body), { retry, signal: init?.signal ?? undefined }) : undefined;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      const bytes = await response.arrayBuffer();
      settle?.({ status: response.status, ...(response.ok ? usageOf(bytes) : {}) });
      return new Response(response.status === 204 ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      settle?.({});
      throw error;
    }
  };
}

function usageOf(bytes: ArrayBuffer): { usage?: TokenUsage } {
  try {
    const usage = (JSON.parse(new TextDecoder().decode(bytes)) as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
    if (typeof usage?.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return {};
    return { usage: { prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens } };
  } catch {
    return {};
  }
}
