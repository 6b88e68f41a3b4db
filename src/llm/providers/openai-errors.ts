import { FlowlensError, ProviderError } from '../../errors.ts';
import { loadedOpenAI } from './openai-sdk.ts';

/** Remove every occurrence of the secrets from a message (a server may echo a key back). */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('[redacted]'), text);
}

/**
 * Map whatever the SDK threw, after its own retries, to a ProviderError. An abort caused by the
 * caller (the batch runner's deadline) rethrows the caller's reason so its class is kept.
 */
/** What the provider knows about its own limits, for messages a user can act on. */
export interface CallLimits {
  timeoutMs: number;
  maxRetries: number;
}

export function toProviderError(error: unknown, provider: string, secrets: readonly string[], limits: CallLimits, signal?: AbortSignal): Error {
  if (signal?.aborted && signal.reason instanceof Error) return signal.reason;
  if (error instanceof FlowlensError) return error;
  // An error of the SDK's own classes exists only once the SDK is loaded.
  const sdk = loadedOpenAI();
  if (sdk === undefined) return invalidResponse(error, provider, secrets);
  if (error instanceof sdk.APIUserAbortError) return new ProviderError(provider, 'request aborted', undefined, undefined, { cause: error });
  if (error instanceof sdk.APIConnectionTimeoutError) {
    const retries = limits.maxRetries === 1 ? '1 retry' : `${limits.maxRetries} retries`;
    return new ProviderError(provider, `request timed out (${limits.timeoutMs} ms per attempt, ${retries}); raise --timeout for slow endpoints`, undefined, undefined, { cause: error });
  }
  if (error instanceof sdk.APIError) {
    const message = scrub(error.message, secrets);
    return new ProviderError(provider, message, error.status, error.requestID ?? undefined, { cause: scrubbedCause(error, secrets) });
  }
  return invalidResponse(error, provider, secrets);
}

function invalidResponse(error: unknown, provider: string, secrets: readonly string[]): ProviderError {
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(provider, `invalid response: ${scrub(message, secrets)}`, undefined, undefined, { cause: scrubbedCause(error, secrets) });
}

/** Keep a cause for debugging, but never one whose text holds a secret. */
function scrubbedCause(error: unknown, secrets: readonly string[]): unknown {
  const text = error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error);
  return secrets.some((s) => s.length >= 4 && text.includes(s)) ? undefined : error;
}

/** A 400/422 to a request that carried `response_format`: the endpoint may not support that format. */
export function isFormatRejection(error: unknown): boolean {
  const sdk = loadedOpenAI();
  return sdk !== undefined && error instanceof sdk.APIError && (error.status === 400 || error.status === 422);
}
